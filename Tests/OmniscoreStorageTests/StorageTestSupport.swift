import Foundation
import OmniscoreCore
import OmniscoreRubrics
import OmniscoreStorage
import OmniscoreTestSupport

enum Stock {
    static let rubricSource: String = try! String(contentsOf: TestDatabase.packageRoot.appendingPathComponent("Rubrics/omnichannel-standard.xml"), encoding: .utf8)
    static let rubric: Rubric = try! RubricLoader.load(source: rubricSource, file: "Rubrics/omnichannel-standard.xml").rubric
    static let scorer: Scorer = try! Scorer(rubric: rubric)
    static let samples: [Interaction] = try! SampleFiles.read([TestDatabase.packageRoot.appendingPathComponent("Samples/interactions").path]).interactions

    /// A database with the hub tables, Omniscore's schema and the Samples loaded.
    static func loaded(_ client: DatabaseClient) async throws {
        try await TestDatabase.prepare(client)
        _ = try await client.withConnection { connection in try HubLoader().load(Stock.samples, into: connection) }
    }
}

enum RubricLoaderBridge {
    static func load(_ source: String) throws -> Rubric {
        try RubricLoader.load(source: source, file: "changed.xml").rubric
    }
}
