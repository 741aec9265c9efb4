import Foundation
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreRubrics

/// `omniscore bench --scaling`: time against input size for the inputs an attacker or an odd export controls —
/// a rubric line of many tags, deep nesting, one huge message, an interaction of many messages. Each input is
/// timed at sizes growing fourfold (best of three, rubric compilation excluded); the cost per unit must stay
/// flat: a ratio well above 1 between the largest and the smallest size is superlinear growth.
struct ScalingBench {
    var rubric: String

    struct Series {
        var name: String
        var unit: String
        var points: [(size: Int, seconds: Double)]
    }

    func run() throws {
        let loaded = try RubricFiles.load(self.rubric)
        var series: [Series] = []

        let source = try String(contentsOfFile: RubricFiles.resolve(self.rubric), encoding: .utf8)
        let titleAt = source.range(of: "<title>")!.upperBound
        series.append(Series(name: "rubric: <a/> tags on one line", unit: "tag", points: [10_000, 40_000, 160_000].map { n in
            let text = String(source[..<titleAt]) + String(repeating: "<a/>", count: n) + String(source[titleAt...])
            return (n, Self.best { _ = try? RubricLoader.load(source: text, file: "scaling.xml") })
        }))
        series.append(Series(name: "rubric: nested elements (refused past the limit)", unit: "level", points: [20_000, 80_000].map { n in
            let text = String(source[..<titleAt]) + String(repeating: "<a>", count: n) + String(repeating: "</a>", count: n) + String(source[titleAt...])
            return (n, Self.best { _ = try? RubricLoader.load(source: text, file: "scaling.xml") })
        }))

        let unit = "I am so sorry about that, I will call you back tomorrow between 2 and 4pm with reference REF-12345. Thanks for your patience! "
        series.append(Series(name: "score: one agent message of repeated phrases", unit: "KiB", points: [64, 256, 1000].map { kib in
            let text = String(String(repeating: unit, count: kib * 1024 / unit.utf8.count + 1).utf8.prefix(kib * 1024 - 64))!
            let line = Self.interaction([("customer", "hi, my parcel is late"), ("agent", text)])
            return (kib, Self.best { Self.score(line, loaded.scorer) })
        }))
        series.append(Series(name: "score: one interaction of many short messages", unit: "message", points: [1_250, 5_000, 20_000].map { n in
            let messages = (0..<n).map { i in i % 2 == 0 ? ("customer", "where is my order 12345?") : ("agent", "sorry, I will check that for you now, thanks") }
            let line = Self.interaction(messages)
            return (n, Self.best { Self.score(line, loaded.scorer) })
        }))

        print("omniscore bench --scaling: rubric \(loaded.rubric.id) \(loaded.rubric.version); best of 3; cost per unit should stay flat")
        for entry in series {
            print("  \(entry.name)")
            for point in entry.points {
                let perUnit = point.seconds / Double(point.size) * 1e6
                print("    \(String(point.size).padding(toLength: 8, withPad: " ", startingAt: 0)) \(entry.unit)s  \(String(format: "%8.4f", point.seconds)) s  \(String(format: "%8.2f", perUnit)) µs/\(entry.unit)")
            }
            if let first = entry.points.first, let last = entry.points.last, first.size != last.size {
                let growth = (last.seconds / first.seconds) / (Double(last.size) / Double(first.size))
                print("    per-unit cost, largest / smallest: \(String(format: "%.2f", growth))\(growth > 2 ? "  (superlinear)" : "")")
            }
        }
    }

    static func interaction(_ messages: [(String, String)]) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("id"); w.string("scaling")
        w.key("channel"); w.string("chat")
        w.key("customer_id"); w.string("c1")
        w.key("agent_id"); w.string("a1")
        w.key("started_at"); w.string("2026-10-02T09:14:00Z")
        w.key("messages"); w.beginArrayValue()
        for (role, text) in messages {
            w.beginObject()
            w.key("role"); w.string(role)
            w.key("text"); w.string(text)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    static func score(_ line: [UInt8], _ scorer: Scorer) {
        var stream = StreamScorer(scorer: scorer)
        line.withUnsafeBytes { raw in _ = stream.process(raw, number: 1) }
    }

    static func best(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<3 {
            let start = clock.now
            body()
            let elapsed = clock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return best
    }
}
