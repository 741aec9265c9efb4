import Foundation
import Testing

@Suite("Database commands: the demo end to end, and clear errors")
struct DatabaseCommandTests {
    @Test("demo: private PostgreSQL, Samples loaded, migrated, everything scored, server stopped")
    func demo() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CommandRunner.run(["demo", "--no-wait", "--fresh", "--data-dir", dir.appendingPathComponent("pg").path, "--port", "55439"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("loaded 226 interactions"))
        #expect(result.stdout.contains("sampled 226"))
        #expect(result.stdout.contains("criteria that fail most"))
        #expect(result.stdout.contains("PostgreSQL stopped"))
        // The server is really stopped: its socket is gone.
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("pg/socket/.s.PGSQL.55439").path))
    }

    @Test("an unreachable database is one sentence and exit status 2, without the password")
    func unreachable() throws {
        let result = try CommandRunner.run(["run", "--once", "--database-url", "postgresql://qa:hunter2@/x?host=/nonexistent&port=1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("could not reach the database server"))
        #expect(!result.stderr.contains("hunter2"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
