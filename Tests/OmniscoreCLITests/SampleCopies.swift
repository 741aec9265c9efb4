import Foundation
import OmniscoreCore
import OmniscoreStorage
import OmniscoreTestSupport

/// Copies of the Samples under new interaction and customer ids (`<id>-<tag><n>`), for runs long enough to be
/// interrupted; every copy keeps its own journeys.
enum SampleCopies {
    static func make(_ count: Int, tag: String) throws -> [Interaction] {
        let samples = try SampleFiles.read([TestDatabase.packageRoot.appendingPathComponent("Samples/interactions").path]).interactions
        return (0..<count).flatMap { copy in
            samples.map { interaction in
                var clone = interaction
                clone.id = "\(interaction.id)-\(tag)\(copy)"
                clone.customerID = "\(interaction.customerID)-\(tag)\(copy)"
                return clone
            }
        }
    }
}
