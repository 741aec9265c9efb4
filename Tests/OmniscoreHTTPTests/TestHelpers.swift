import Foundation
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreRubrics
import OmniscoreTestSupport

enum StockRubric {
    static func load() throws -> (Rubric, String) {
        let source = try String(contentsOf: TestDatabase.packageRoot.appendingPathComponent("Rubrics/omnichannel-standard.xml"), encoding: .utf8)
        return (try RubricLoader.load(source: source, file: "omnichannel-standard.xml").rubric, source)
    }
}

enum JSONObjectDecoderBridge {
    /// The ids and next cursor of an /api/interactions page.
    static func members(_ text: String) throws -> (ids: [String], next: String?) {
        let members = try JSONObjectDecoder.members(of: text)
        var ids: [String] = []
        if case .array(let items)? = members.first(where: { $0.key == "items" })?.value {
            for case .object(let item) in items {
                if let id = item.first(where: { $0.key == "id" })?.value.textValue { ids.append(id) }
            }
        }
        return (ids, members.first { $0.key == "next_cursor" }?.value.textValue)
    }
}

import HTTPTypes

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var merged = self
        for field in other { merged.append(field) }
        return merged
    }
}
