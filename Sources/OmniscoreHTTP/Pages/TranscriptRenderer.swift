import HTTPTypes
import Foundation
import OmniscoreCore
import OmniscoreInterchange

/// Renders a transcript with each criterion's evidence highlighted. Evidence spans are Unicode-scalar offsets
/// into the original message text; every piece between and inside the marks is escaped separately.
enum TranscriptRenderer {
    struct Mark {
        var start: Int
        var end: Int
        var criterion: String
        var failed: Bool
    }

    /// Evidence marks per message index, from a scorecard's JSON.
    static func marks(scorecard: String) -> [Int: [Mark]] {
        guard let members = try? JSONObjectDecoder.members(of: scorecard),
            case .array(let criteria)? = members.first(where: { $0.key == "criteria" })?.value
        else { return [:] }
        var marks: [Int: [Mark]] = [:]
        for case .object(let criterion) in criteria {
            let id = criterion.first { $0.key == "id" }?.value.textValue ?? ""
            let failed = criterion.first { $0.key == "verdict" }?.value.textValue == "fail"
            guard case .array(let evidence)? = criterion.first(where: { $0.key == "evidence" })?.value else { continue }
            for case .object(let item) in evidence {
                guard let message = item.first(where: { $0.key == "message" })?.value.numberValue,
                    let start = item.first(where: { $0.key == "start" })?.value.numberValue,
                    let end = item.first(where: { $0.key == "end" })?.value.numberValue, end > start
                else { continue }
                marks[Int(message), default: []].append(Mark(start: Int(start), end: Int(end), criterion: id, failed: failed))
            }
        }
        return marks
    }

    /// The message text as HTML with non-overlapping marks (the first mark wins where two overlap).
    static func highlight(_ text: String, marks: [Mark]) -> String {
        let scalars = Array(text.unicodeScalars)
        var html = ""
        var position = 0
        for mark in marks.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) where mark.start >= position && mark.end <= scalars.count {
            html += String(String.UnicodeScalarView(scalars[position..<mark.start])).htmlEscaped
            let inner = String(String.UnicodeScalarView(scalars[mark.start..<mark.end])).htmlEscaped
            html += "<mark class=\"\(mark.failed ? "fail" : "pass")\" title=\"\(mark.criterion.htmlEscaped)\">\(inner)</mark>"
            position = mark.end
        }
        html += String(String.UnicodeScalarView(scalars[min(position, scalars.count)...])).htmlEscaped
        return html
    }
}
