import ArgumentParser
import Foundation
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreRubrics

/// `omniscore bench`: throughput and memory of the scoring pipeline on seeded synthetic data.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark decode + score + encode on one core with seeded synthetic interactions.",
        discussion: """
            Generates interactions of 12 messages of about 25 words (generation is not timed), runs them through \
            the same pipeline as `omniscore score`, and reports interactions/s, MB/s and peak RSS. Build with \
            -c release for meaningful figures: swift run -c release omniscore bench --interactions 1000000
            With --postgres: loads the synthetic interactions into a private PostgreSQL server (not timed), then \
            times the end-to-end run (read, score, write) and, on the same rows, a plain COPY TO STDOUT of the \
            interactions and a COPY FROM STDIN of the same result volume.
            """
    )

    @Option(help: "How many interactions.")
    var interactions = 100_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(name: .shortAndLong, help: "Rubric file or id.")
    var rubric: String = RubricFiles.defaultRubric

    @Option(help: "Distinct customers in the synthetic stream (journeys form among them).")
    var customers = 50_000

    @Option(help: ArgumentHelp("Write the synthetic interactions to this JSONL file and time nothing (score them with `omniscore score` to compare builds).", valueName: "file"))
    var emit: String?

    @Flag(help: "Time against input size for huge rubric lines, deep nesting, huge messages and many messages: the cost per unit must stay flat.")
    var scaling = false

    @Flag(help: "Benchmark the PostgreSQL service end to end (read, score, write) against COPY.")
    var postgres = false

    @Flag(help: "Benchmark coaching reports and profile updates for --agents agents over --interactions stored scores.")
    var coaching = false

    @Flag(help: "Benchmark the review workspace under a fixed request rate on --interactions scored interactions.")
    var http = false

    @Option(help: "With --http: requests per second.")
    var rate = 200

    @Option(help: "With --http: seconds of load.")
    var seconds = 20

    @Option(help: "With --coaching: agents.")
    var agents = 1000

    @Option(help: "With --postgres: worker threads.")
    var workers = 2

    @Option(help: "With --postgres: the data folder of the private server (deleted afterwards).")
    var dataDir: String?

    func run() async throws {
        if let emit = self.emit {
            var generator = SyntheticInteractions(seed: self.seed, customers: self.customers)
            var output: [UInt8] = []
            for _ in 0..<self.interactions {
                output += generator.nextLine()
                output.append(UInt8(ascii: "\n"))
            }
            do {
                try FileSaver.save(output, to: emit)
            } catch {
                Console.error(error.description)
                throw ExitCode(ExitStatus.invalidInput)
            }
            return
        }
        if self.scaling {
            try ScalingBench(rubric: self.rubric).run()
            return
        }
        if self.http {
            try await HTTPBench(interactions: self.interactions, rate: self.rate, seconds: self.seconds, rubric: self.rubric, dataDir: self.dataDir).run()
            return
        }
        if self.coaching {
            try await CoachingBench(agents: self.agents, scores: self.interactions, rubric: self.rubric, dataDir: self.dataDir).run()
            return
        }
        if self.postgres {
            try await PostgresBench(interactions: self.interactions, seed: self.seed, rubric: self.rubric, customers: self.customers, workers: self.workers, dataDir: self.dataDir).run()
            return
        }
        let loaded = try RubricFiles.load(self.rubric)
        let scorer = loaded.scorer
        var stream = StreamScorer(scorer: scorer)
        var generator = SyntheticInteractions(seed: self.seed, customers: self.customers)
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        var bytes = 0
        var outputBytes = 0
        var batch: [[UInt8]] = []
        var done = 0
        var checkpoints: [(Int, Int)] = []
        let startRSS = Memory.residentBytes()
        while done < self.interactions {
            batch.removeAll(keepingCapacity: true)
            for _ in 0..<min(1000, self.interactions - done) { batch.append(generator.nextLine()) }
            let start = clock.now
            for (offset, line) in batch.enumerated() {
                bytes += line.count + 1
                line.withUnsafeBytes { raw in
                    if case .scorecard(let encoded, _) = stream.process(raw, number: done + offset + 1) { outputBytes += encoded.count + 1 }
                }
            }
            elapsed += clock.now - start
            done += batch.count
            if done % max(1, self.interactions / 10) < batch.count || done == self.interactions {
                checkpoints.append((done, Memory.residentBytes()))
            }
        }
        let seconds = Double(elapsed.milliseconds) / 1000
        let perSecond = Double(done) / max(seconds, 1e-9)
        let megabytes = Double(bytes) / 1_000_000
        print("omniscore bench: \(done) interactions, rubric \(loaded.rubric.id) \(loaded.rubric.version), seed \(self.seed), 1 core")
        print("  input \(String(format: "%.1f", megabytes)) MB (\(bytes / max(done, 1)) bytes/interaction), output \(String(format: "%.1f", Double(outputBytes) / 1_000_000)) MB")
        print("  time \(String(format: "%.2f", seconds)) s: \(String(format: "%.0f", perSecond)) interactions/s, \(String(format: "%.1f", megabytes / max(seconds, 1e-9))) MB/s")
        print("  \(stream.summary.description)")
        print("  RSS at start \(Memory.format(startRSS)); " + checkpoints.map { "after \($0.0): \(Memory.format($0.1))" }.joined(separator: "; "))
        print("  peak RSS \(Memory.format(Memory.peakResidentBytes())); journey records kept \(stream.journeyRecords)")
    }
}

/// Resident memory from /proc (Linux).
enum Memory {
    static func field(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.split(separator: " ").dropFirst().first { Int($0) != nil }
            return (digits.flatMap { Int($0) } ?? 0) * 1024
        }
        return 0
    }

    static func residentBytes() -> Int { self.field("VmRSS") }
    static func peakResidentBytes() -> Int { self.field("VmHWM") }
    static func format(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
}
