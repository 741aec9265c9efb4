import Foundation
import OmniscoreCore
import OmniscoreStorage
import OmniscoreTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The database crashes and comes back while `run` and `serve` work: five immediate restarts (sessions cut with no
/// goodbye, as a crash or failover does) at random moments. The process must stay up, score every interaction
/// exactly once, and (serve) answer on the web again within seconds of each restart.
@Suite("run and serve survive repeated database restarts", .serialized)
struct RestartTests {
    enum Mode: String, CaseIterable, Sendable {
        case run, serve
    }

    @Test("five immediate restarts at random moments: still running, every interaction scored exactly once", arguments: Mode.allCases)
    func repeatedRestarts(mode: Mode) async throws {
        let port = mode == .run ? 55434 : 55435
        try await TestDatabase.withPrivateServer(port: port) { server in
            let url = server.url()
            let client = DatabaseClient(url: url)
            defer { client.close() }
            try await TestDatabase.prepare(client)
            let copies = try SampleCopies.make(12, tag: "r")
            _ = try await client.withConnection { try HubLoader().load(copies, into: $0) }
            let total = copies.count
            let token = try await client.withConnection { connection in
                try AccessStore().createUser(name: "restart-admin", role: .admin, agentID: nil, on: connection).1
            }
            client.close()

            let httpPort = 19_000 + Int(ProcessInfo.processInfo.processIdentifier % 1000)
            let logFile = try CommandRunner.temporaryDirectory().appendingPathComponent("stderr.log")
            _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.currentDirectoryURL = CommandRunner.packageRoot
            var arguments = [mode.rawValue, "--database-url", url, "--batch-size", "20", "--lease-seconds", "30", "--poll-interval", "1"]
            if mode == .serve { arguments += ["--port", String(httpPort), "--reports", "monthly"] }
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: logFile)
            try process.run()
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
            func log() -> String { (try? String(contentsOf: logFile, encoding: .utf8)).map { String($0.suffix(2000)) } ?? "" }

            // The first restart comes once scoring is under way; the next ones at random moments after it.
            let watcher = DatabaseClient(url: url)
            defer { watcher.close() }
            func scored() async -> Int {
                (try? await watcher.withConnection { try $0.execute("SELECT count(*) FROM omniscore.scores").rows.first?.int(0) ?? 0 }) ?? -1
            }
            let startBy = ContinuousClock.now + .seconds(90)
            var before = 0
            // Polled without suspending, so a busy cooperative pool cannot make the first restart come too late.
            while before <= 0 && ContinuousClock.now < startBy {
                usleep(50_000)
                before = (try? watcher.withConnectionBlocking { try $0.execute("SELECT count(*) FROM omniscore.scores").rows.first?.int(0) ?? 0 }) ?? -1
            }
            #expect(before > 0 && before < total, "the first restart must come in the middle of the scoring (\(before) of \(total))")
            var generator = SystemRandomNumberGenerator()
            for round in 1...5 {
                if round > 1 { try await Task.sleep(for: .milliseconds(Int.random(in: 200...2500, using: &generator))) }
                try server.restart(immediate: true, downFor: .milliseconds(Int.random(in: 0...3000, using: &generator)))
                #expect(process.isRunning, "\(mode) exited after restart \(round): \(log())")
                if mode == .serve {
                    // The workspace answers again, from the database, within seconds of the server's return.
                    let back = ContinuousClock.now
                    var status = 0
                    while status != 200 && ContinuousClock.now - back < .seconds(15) {
                        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(httpPort)/api/interactions?limit=1")!)
                        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
                        request.timeoutInterval = 5
                        status = ((try? await URLSession.shared.data(for: request))?.1 as? HTTPURLResponse)?.statusCode ?? 0
                        if status != 200 { try await Task.sleep(for: .milliseconds(200)) }
                    }
                    #expect(status == 200, "the workspace did not answer within 15 s of restart \(round)")
                }
            }

            let doneBy = ContinuousClock.now + .seconds(240)
            var done = 0
            while done < total && ContinuousClock.now < doneBy && process.isRunning {
                try await Task.sleep(for: .milliseconds(250))
                done = await scored()
            }
            #expect(process.isRunning, "\(mode) exited: \(log())")
            let counts = try await watcher.withConnection { try $0.execute("SELECT count(*), count(DISTINCT interaction_id) FROM omniscore.scores").rows.first }
            #expect(counts?.int(0) == total, "scored \(counts?.int(0) ?? -1) of \(total)")
            #expect(counts?.int(1) == total)

            process.terminate()
            let stopBy = ContinuousClock.now + .seconds(30)
            while process.isRunning && ContinuousClock.now < stopBy { try await Task.sleep(for: .milliseconds(100)) }
            #expect(!process.isRunning)
            #expect(process.terminationStatus == 0, "\(log())")
        }
    }
}
