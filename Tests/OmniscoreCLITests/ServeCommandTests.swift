import Foundation
import OmniscoreCore
import OmniscoreStorage
import OmniscoreTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("serve and run as processes, on a real server")
struct ServeCommandTests {
    @Test("a worker process killed mid-batch (SIGKILL): its leases expire and the next run scores the rest, none twice")
    func killedWorker() async throws {
        try await TestDatabase.withDatabase { client, url in
            try await TestDatabase.prepare(client)
            // Enough copies that the first process is still working when it is killed.
            let copies = try SampleCopies.make(16, tag: "k")
            _ = try await client.withConnection { try HubLoader().load(copies, into: $0) }
            let total = copies.count
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = ["run", "--once", "--database-url", url, "--workers", "1", "--batch-size", "25", "--lease-seconds", "3"]
            process.standardOutput = Pipe()
            process.standardError = Pipe()
            try process.run()
            let deadline = ContinuousClock.now + .seconds(90)
            // Kill it after some batches were written. On a loaded machine the poll may come late, so the run is
            // long (16 copies).
            // Polled without suspending: when the other tests keep the cooperative pool busy, an awaiting loop
            // wakes too late and the process has finished before it is killed.
            var written = 0
            while written < 20 && ContinuousClock.now < deadline && process.isRunning {
                usleep(20_000)
                written = try client.withConnectionBlocking { try $0.execute("SELECT count(*) FROM omniscore.scores").rows.first?.int(0) ?? 0 }
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Usually the worker held the lease of its batch in hand (then the second run waits for it to expire);
            // a kill between two batches leaves none. Either way nothing may be lost or scored twice.
            #expect(process.terminationReason == .uncaughtSignal)
            let done = try await client.withConnection { try $0.execute("SELECT count(*) FROM omniscore.scores").rows.first?.int(0) ?? 0 }
            #expect(done > 0 && done < total, "the kill must come in the middle of the run (\(done) of \(total) scored)")
            // Once its leases have expired, the next run picks them up and finishes.
            try await Task.sleep(for: .seconds(3.5))
            let second = try CommandRunner.run(["run", "--once", "--database-url", url, "--workers", "2", "--lease-seconds", "3"])
            #expect(second.status == 0, "\(second.stderr)")
            let counts = try await client.withConnection { try $0.execute("SELECT count(*), count(DISTINCT interaction_id) FROM omniscore.scores").rows.first }
            #expect(counts?.int(0) == total)
            #expect(counts?.int(1) == total)
            let left = try await client.withConnection { try $0.execute("SELECT count(*) FROM omniscore.work_queue").rows.first?.int(0) }
            #expect(left == 0)
        }
    }

    @Test("two run --once processes on one queue: each gets its run row and id, scores carry a run id, statuses are honest")
    func twoRuns() async throws {
        try await TestDatabase.withDatabase { client, url in
            try await TestDatabase.prepare(client)
            let copies = try SampleCopies.make(6, tag: "t")
            _ = try await client.withConnection { try HubLoader().load(copies, into: $0) }
            let arguments = ["run", "--once", "--database-url", url, "--workers", "1", "--batch-size", "20"]
            async let first = Task.detached { try CommandRunner.run(arguments) }.value
            // The second starts once the first has queued everything.
            var queued = 0
            while queued == 0 {
                try await Task.sleep(for: .milliseconds(20))
                queued = try await client.withConnection { try $0.execute("SELECT count(*) FROM omniscore.runs").rows.first?.int(0) ?? 0 }
            }
            let second = try CommandRunner.run(arguments)
            let firstResult = try await first
            for result in [firstResult, second] {
                #expect(result.status == 0, "\(result.stderr)")
                #expect(!result.stdout.contains("run 0"), "\(result.stdout)")
                #expect(!result.stdout.contains("left in queue"), "\(result.stdout)")
            }
            let runs = try await client.withConnection { try $0.execute("SELECT id, status, sampled FROM omniscore.runs ORDER BY id").rows }
            #expect(runs.count == 2)
            #expect(runs.allSatisfy { ["finished", "handed over"].contains($0[1] ?? "") }, "\(runs.map { $0[1] ?? "" })")
            let counts = try await client.withConnection {
                try $0.execute("SELECT count(*), count(DISTINCT interaction_id), count(*) FILTER (WHERE run_id IS NULL) FROM omniscore.scores").rows.first
            }
            #expect(counts?.int(0) == copies.count)
            #expect(counts?.int(1) == copies.count)
            #expect(counts?.int(2) == 0)
        }
    }

    @Test("serve scores what is waiting, serves the workspace, and on SIGTERM stops both with no lease left behind")
    func serveAndStop() async throws {
        try await TestDatabase.withDatabase { client, url in
            try await TestDatabase.prepare(client)
            let samples = try SampleFiles.read([TestDatabase.packageRoot.appendingPathComponent("Samples/interactions").path]).interactions
            _ = try await client.withConnection { try HubLoader().load(samples, into: $0) }
            let port = 18_000 + Int(ProcessInfo.processInfo.processIdentifier % 1000)
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = ["serve", "--database-url", url, "--port", String(port), "--poll-interval", "1", "--reports", "off", "--batch-size", "20"]
            process.currentDirectoryURL = CommandRunner.packageRoot
            let err = Pipe()
            process.standardError = err
            process.standardOutput = Pipe()
            try process.run()
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

            let deadline = ContinuousClock.now + .seconds(90)
            var scored = 0
            while scored < samples.count && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(250))
                scored = try await client.withConnection { try $0.execute("SELECT count(*) FROM omniscore.scores").rows.first?.int(0) ?? 0 }
            }
            #expect(scored == samples.count)
            var health = 0
            for _ in 0..<40 where health != 200 {
                var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/health")!)
                request.timeoutInterval = 2
                health = ((try? await URLSession.shared.data(for: request))?.1 as? HTTPURLResponse)?.statusCode ?? 0
                if health != 200 { try await Task.sleep(for: .milliseconds(250)) }
            }
            #expect(health == 200)
            // A client that trickles its request headers (slowloris) is cut off 10 s after connecting.
            let closedAfter = try Self.secondsUntilClosed(port: port, trickle: "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            #expect(closedAfter != nil && closedAfter! < 15, "slow headers kept the connection open (\(String(describing: closedAfter)) s)")

            process.terminate()  // SIGTERM
            let stopBy = ContinuousClock.now + .seconds(30)
            while process.isRunning && ContinuousClock.now < stopBy { try await Task.sleep(for: .milliseconds(100)) }
            #expect(!process.isRunning, "serve did not stop within 30 s of SIGTERM")
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(stderr)")
            #expect(stderr.contains("stopped"))
            let leased = try await client.withConnection { try $0.execute("SELECT count(*) FROM omniscore.work_queue WHERE leased_by IS NOT NULL").rows.first?.int(0) }
            #expect(leased == 0)
            // The web server is gone with it.
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/health")!)
            request.timeoutInterval = 2
            #expect((try? await URLSession.shared.data(for: request)) == nil)
        }
    }

    /// Connects, sends `trickle` one byte a second, and returns how long until the server closed the connection
    /// (nil if it stayed open for 30 s).
    static func secondsUntilClosed(port: Int, trickle: String) throws -> Double? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let start = Date()
        for byte in Array(trickle.utf8) + Array(repeating: UInt8(ascii: "a"), count: 40) {
            var b = byte
            if send(fd, &b, 1, Int32(MSG_NOSIGNAL)) < 0 { return Date().timeIntervalSince(start) }
            // Closed? A readable socket with nothing to read is the server's goodbye.
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 1000) > 0 {
                var buffer = [UInt8](repeating: 0, count: 512)
                if recv(fd, &buffer, buffer.count, 0) <= 0 { return Date().timeIntervalSince(start) }
            }
            if Date().timeIntervalSince(start) > 30 { return nil }
        }
        return nil
    }
}
