import Foundation
import Testing

@Suite("Input handling and file output of the command line")
struct InputHandlingTests {
    static let good = CommandTests.goodLine

    @Test("score: a byte-order mark is skipped; duplicate members are rejected with their column; errors inside unknown fields name them")
    func scoreInput() throws {
        let bom = "\u{FEFF}" + Self.good + "\n"
        let first = try CommandRunner.run(["score", "-"], stdin: bom)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("scored 1"))

        let duplicate = Self.good.replacingOccurrences(of: #""channel":"chat","#, with: #""channel":"chat","channel":"email","#)
        let second = try CommandRunner.run(["score", "-"], stdin: Self.good + "\n" + duplicate + "\n")
        #expect(second.status == 0)
        #expect(second.stderr.contains("rejected 1"))
        #expect(second.stderr.contains("<stdin>:2:"))
        #expect(second.stderr.contains("appears twice"))

        let unknown = Self.good.replacingOccurrences(of: #""messages":"#, with: #""extra":{"a":[1,2,,]},"messages":"#)
        let third = try CommandRunner.run(["score", "-"], stdin: unknown + "\n")
        #expect(third.stderr.contains("extra"), "\(third.stderr)")
        #expect(!third.stderr.contains("messages"), "\(third.stderr)")
    }

    @Test("score: exit status 2 when every record was rejected, 0 when some were scored")
    func allRejected() throws {
        let none = try CommandRunner.run(["score", "-"], stdin: "{broken\n[1]\n")
        #expect(none.status == 2)
        #expect(none.stderr.contains("every record was rejected"))
        let some = try CommandRunner.run(["score", "-"], stdin: "{broken\n" + Self.good + "\n")
        #expect(some.status == 0)
    }

    @Test("files written by commands: a regular file is replaced, a symlink writes its target, a device is written through")
    func fileOutput() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // /dev/null stays the device (the bug replaced it with a regular file when run as root).
        let devNull = try CommandRunner.run(["bench", "--emit", "/dev/null", "--interactions", "3"])
        #expect(devNull.status == 0, "\(devNull.stderr)")
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
        // A symlink is followed, not replaced.
        let target = dir.appendingPathComponent("target.jsonl").path
        let link = dir.appendingPathComponent("link.jsonl").path
        _ = FileManager.default.createFile(atPath: target, contents: Data("old\n".utf8))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let linked = try CommandRunner.run(["bench", "--emit", link, "--interactions", "3"])
        #expect(linked.status == 0)
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8).split(separator: "\n").count == 3)
        // A regular file is replaced whole, keeping its permissions; no temporary file is left.
        let plain = dir.appendingPathComponent("plain.jsonl").path
        _ = FileManager.default.createFile(atPath: plain, contents: Data(String(repeating: "x", count: 100_000).utf8), attributes: [.posixPermissions: 0o600])
        #expect(try CommandRunner.run(["bench", "--emit", plain, "--interactions", "2"]).status == 0)
        #expect(try String(contentsOfFile: plain, encoding: .utf8).split(separator: "\n").count == 2)
        #expect((try FileManager.default.attributesOfItem(atPath: plain)[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link.jsonl", "plain.jsonl", "target.jsonl"])
        // A directory is refused with the path named.
        let refused = try CommandRunner.run(["bench", "--emit", dir.path, "--interactions", "2"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains(dir.path))
    }

    @Test("rubric validate reports every malformed-XML error in order, and refuses deep nesting with its location")
    func rubricErrors() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = try String(contentsOfFile: CommandRunner.packageRoot.appendingPathComponent("Rubrics/refunds-returns.xml").path, encoding: .utf8).components(separatedBy: "\n")
        let description = try #require(lines.firstIndex { $0.contains("<description>") })
        lines[description] = lines[description].replacingOccurrences(of: "<description>", with: #"<description a="1" a="2">"#)
        lines[description + 20] += #" <x y=1/>"#
        let twoErrors = dir.appendingPathComponent("two.xml").path
        try lines.joined(separator: "\n").write(toFile: twoErrors, atomically: false, encoding: .utf8)
        let result = try CommandRunner.run(["rubric", "validate", twoErrors])
        #expect(result.status == 2)
        let located = result.stderr.split(separator: "\n").filter { $0.contains("malformed XML") }
        #expect(located.first?.hasPrefix("\(twoErrors):\(description + 1):") == true, "\(result.stderr)")
        #expect(located.contains { $0.hasPrefix("\(twoErrors):\(description + 21):") }, "\(result.stderr)")

        let source = lines.joined(separator: "\n").replacingOccurrences(of: #"<description a="1" a="2">"#, with: "<description>")
        let deep = source.replacingOccurrences(of: "<title>", with: "<title>" + String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100), options: [], range: nil)
        let deepFile = dir.appendingPathComponent("deep.xml").path
        try deep.write(toFile: deepFile, atomically: false, encoding: .utf8)
        let refused = try CommandRunner.run(["rubric", "validate", deepFile])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("too-deep") || refused.stderr.contains("nested more than 64"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\(deepFile):"))
    }

    @Test("stock rubric ids resolve from any folder (beside the build), and a typo gets the nearest id")
    func rubricIDs() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ arguments: [String]) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = arguments
            process.currentDirectoryURL = dir
            let err = Pipe()
            process.standardError = err
            process.standardOutput = Pipe()
            try process.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        let (ok, _) = try run(["rubric", "validate", "refunds-returns"])
        #expect(ok == 0)
        let (typo, message) = try run(["rubric", "validate", "omnichanel-standard"])
        #expect(typo == 2)
        #expect(message.contains("did you mean omnichannel-standard?"), "\(message)")
    }

    @Test("rubric check --baseline without --interactions compares on the Samples instead of on nothing")
    func baselineOnSamples() throws {
        let result = try CommandRunner.run(["rubric", "check", "refunds-returns", "--baseline", "Rubrics/refunds-returns.xml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("comparing with the baseline on") && result.stderr.contains("Samples/interactions"))
        #expect(result.stdout.contains("against baseline"))
    }
}
