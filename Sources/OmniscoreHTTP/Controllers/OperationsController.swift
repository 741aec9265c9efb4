import HTTPTypes
import Foundation
import Hummingbird
import OmniscoreCore
import OmniscoreStorage

/// `/health` (the process answers), `/ready` (database reachable, migrations current), `/metrics` (Prometheus
/// text: request metrics from the registry plus scoring gauges read from the database).
struct OperationsController {
    let client: DatabaseClient
    let metricsText: @Sendable () -> String

    func add(to router: Router<WorkspaceContext>) {
        router.get("/health") { _, _ in Responses.text("ok\n") }
        router.get("/ready") { _, _ in
            do {
                let version = try await self.client.withConnection { try Migrator().currentVersion($0) }
                guard version >= Migrator().latestVersion else {
                    return Responses.text("migrations not current (\(version) of \(Migrator().latestVersion)); run omniscore migrate\n", status: .serviceUnavailable)
                }
                return Responses.text("ready\n")
            } catch {
                return Responses.text("database unreachable\n", status: .serviceUnavailable)
            }
        }
        router.get("/metrics") { _, _ in
            var text = self.metricsText()
            let gauges = try await self.client.withConnection { connection -> [(String, String, String)] in
                var lines: [(String, String, String)] = []
                for row in try connection.execute("SELECT status, coalesce(not_scored_reason, ''), count(*) FROM omniscore.scores GROUP BY 1, 2").rows {
                    if row[0] == "scored" {
                        lines.append(("omniscore_interactions_scored", "", row[2] ?? "0"))
                    } else {
                        lines.append(("omniscore_interactions_not_scored", "reason=\"\(row[1] ?? "")\"", row[2] ?? "0"))
                    }
                }
                lines.append(("omniscore_interactions_quarantined", "", try connection.execute("SELECT count(*) FROM omniscore.quarantine").scalar ?? "0"))
                lines.append(("omniscore_queue_depth", "", try connection.execute("SELECT count(*) FROM omniscore.work_queue").scalar ?? "0"))
                lines.append(("omniscore_outbox_pending", "", try connection.execute("SELECT count(*) FROM omniscore.outbox WHERE delivered_at IS NULL").scalar ?? "0"))
                return lines
            }
            var seen: Set<String> = []
            for (name, labels, value) in gauges {
                if seen.insert(name).inserted { text += "# TYPE \(name) gauge\n" }
                text += labels.isEmpty ? "\(name) \(value)\n" : "\(name){\(labels)} \(value)\n"
            }
            return Responses.text(text, contentType: "text/plain; version=0.0.4")
        }
    }
}
