import Foundation
import Testing

@Suite("The omniscore command line: outputs and exit status")
struct CommandTests {
    static let goodLine = #"{"id":"t-1","channel":"chat","customer_id":"cus-1","agent_id":"agt-1","started_at":"2026-10-02T09:14:00Z","messages":[{"role":"customer","at":"2026-10-02T09:14:00Z","text":"hi, my parcel has not arrived"},{"role":"agent","at":"2026-10-02T09:14:40Z","text":"Hello, thanks for getting in touch and sorry about that. I've rebooked it for tomorrow. Anything else I can help with?"}]}"#

    @Test("score: one scorecard per good line, bad lines kept in the rejects file with their reasons, exit 0")
    func score() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rejects = dir.appendingPathComponent("rejects.jsonl").path
        let input = [Self.goodLine, "{broken", Self.goodLine.replacingOccurrences(of: "t-1", with: "t-2")].joined(separator: "\n") + "\n"
        let result = try CommandRunner.run(["score", "--rejects", rejects, "-"], stdin: input)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains(#""rubric":{"id":"omnichannel-standard""#) })
        #expect(result.stderr.contains("scored 2"))
        #expect(result.stderr.contains("rejected 1"))
        #expect(result.stderr.contains("<stdin>:2:"))
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "{broken\n")
        #expect(try String(contentsOfFile: rejects + ".reasons", encoding: .utf8).contains("2"))
    }

    @Test("score --strict stops at the first bad line with exit status 2")
    func strict() throws {
        let result = try CommandRunner.run(["score", "--strict", "-"], stdin: "{broken\n")
        #expect(result.status == 2)
    }

    @Test("score output is byte-identical between runs")
    func deterministic() throws {
        let arguments = ["score", "Samples/interactions/chat.jsonl", "Samples/interactions/journeys.jsonl"]
        let first = try CommandRunner.run(arguments)
        let second = try CommandRunner.run(arguments)
        #expect(first.status == 0)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test("rubric validate: 0 for a good rubric, 2 with file:line:column for a bad one")
    func validate() throws {
        let good = try CommandRunner.run(["rubric", "validate", "Rubrics/omnichannel-standard.xml"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("sha256"))
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.xml")
        try #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rubric>&x;</rubric>"#.write(to: bad, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["rubric", "validate", bad.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.xml:1:"))
        #expect(!result.stderr.contains("root:"))
    }

    @Test("rubric check: 1 when an example contradicts the rubric")
    func check() throws {
        let source = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Rubrics/omnichannel-standard.xml"), encoding: .utf8)
        let broken = source.replacingOccurrences(of: #"<example name="condescending-reply" expect="fail">"#, with: #"<example name="condescending-reply" expect="pass">"#)
        #expect(broken != source)
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("omnichannel-standard.xml")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["rubric", "check", file.path])
        #expect(result.status == 1)
        #expect((result.stdout + result.stderr).contains("condescending-reply"))
        let junit = dir.appendingPathComponent("report.xml").path
        let ok = try CommandRunner.run(["rubric", "check", "Rubrics/omnichannel-standard.xml", "--junit", junit])
        #expect(ok.status == 0)
        #expect(try String(contentsOfFile: junit, encoding: .utf8).contains("<testsuite"))
    }

    @Test("bad arguments exit with status 2")
    func usage() throws {
        #expect(try CommandRunner.run(["score", "--format", "pdf"]).status == 2)
        #expect(try CommandRunner.run(["score", "--rubric", "no-such-rubric", "-"], stdin: "").status == 2)
        #expect(try CommandRunner.run(["nonsense"]).status == 2)
    }
}
