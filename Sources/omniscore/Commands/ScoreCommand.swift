import ArgumentParser
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreRubrics

/// `omniscore score`: stream JSONL interactions through a rubric.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score JSONL interactions (files or standard input) against a rubric, streaming, in constant memory.",
        discussion: """
            Each input line is one interaction; each output line is its scorecard (or not_scored with a reason). \
            Earlier lines of the same customer_id form the journey. Bad lines are reported with their line number, \
            copied to --rejects, and processing continues (unless --strict). A summary of scored, not_scored and \
            rejected lines goes to standard error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl
        case table
    }

    @Option(name: .shortAndLong, help: "Rubric file, or the id of a rubric in Rubrics/.")
    var rubric: String = RubricFiles.defaultRubric

    @Argument(help: "JSONL files; - or nothing reads standard input.")
    var inputs: [String] = []

    @Option(help: "Output format: jsonl (one scorecard per line) or table.")
    var format: Format = .jsonl

    @Option(name: .shortAndLong, help: "Write scorecards here instead of standard output.")
    var output: String = "-"

    @Option(help: "Copy rejected lines here, verbatim; their errors go to FILE.reasons.")
    var rejects: String?

    @Flag(help: "Stop at the first bad line (exit status 2).")
    var strict = false

    @Option(help: "Largest accepted message text, in bytes.")
    var maxMessageBytes = 1 << 20

    func run() throws {
        let loaded = try RubricFiles.load(self.rubric)
        let scorer = loaded.scorer
        var stream = StreamScorer(scorer: scorer, decoder: InteractionDecoder(maximumMessageBytes: self.maxMessageBytes))
        let out: OutputFile
        var rejectsFile: OutputFile? = nil
        var reasonsFile: OutputFile? = nil
        do {
            out = try OutputFile(path: self.output)
            if let rejects {
                rejectsFile = try OutputFile(path: rejects)
                reasonsFile = try OutputFile(path: rejects + ".reasons")
            }
        } catch {
            Console.error(error.description)
            throw ExitCode(ExitStatus.invalidInput)
        }
        defer {
            out.close()
            rejectsFile?.close()
            reasonsFile?.close()
        }
        if self.format == .table { out.write(TableFormat.header) }
        var printedErrors = 0
        var stop = false
        for input in self.inputs.isEmpty ? ["-"] : self.inputs {
            guard !stop else { break }
            let source = input == "-" ? "<stdin>" : input
            let reader: LineReader
            do {
                reader = try LineReader(path: input)
            } catch {
                Console.error(error.description)
                throw ExitCode(ExitStatus.invalidInput)
            }
            defer { reader.close() }
            struct Stop: Error {}
            do {
                try reader.forEachLine { line, number in
                    var failure: InterchangeError? = nil
                    switch line {
                    case .tooLong(let length):
                        stream.recordRejection(bytes: length)
                        failure = InterchangeError(code: .tooLarge, line: number, message: "the line is \(length) bytes, over the \(LineReader.maximumLineBytes)-byte limit; not copied")
                    case .bytes(let bytes):
                        switch stream.process(bytes, number: number) {
                        case .scorecard(let encoded, let card):
                            if self.format == .jsonl { out.writeLine(encoded) } else { out.write(TableFormat.row(card)) }
                        case .rejected(let error):
                            failure = error
                            rejectsFile?.writeLine(bytes)
                        case .blank:
                            break
                        }
                    }
                    if var failure {
                        failure.source = source
                        reasonsFile?.writeLine(Array(failure.description.utf8))
                        if printedErrors < 50 { Console.error(failure.description) }
                        printedErrors += 1
                        if self.strict { throw Stop() }
                    }
                }
            } catch is Stop {
                stop = true
            }
        }
        if printedErrors > 50 { Console.error("... \(printedErrors - 50) more rejected lines" + (self.rejects.map { " (all in \($0).reasons)" } ?? "")) }
        Console.error("omniscore: \(stream.summary.description) [rubric \(loaded.rubric.id) \(loaded.rubric.version), sha256 \(loaded.rubric.sha256.prefix(12))]")
        if stop {
            out.close()
            throw ExitCode(ExitStatus.invalidInput)
        }
        // Some rejected lines are part of a normal export (they are listed above and in --rejects); input of which
        // no line could be read at all is not, and a pipeline must notice.
        let summary = stream.summary
        if summary.rejected > 0 && summary.scored == 0 && summary.notScored.isEmpty {
            Console.error("omniscore: error: every record was rejected")
            out.close()
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}

/// The `--format table` layout.
enum TableFormat {
    static let header = "id                  channel    agent       total  result     notes\n"

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width - 1)) + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func row(_ card: Scorecard) -> String {
        var line = pad(card.interactionID, 20) + pad(card.channel.rawValue, 11) + pad(card.agentID ?? "-", 12)
        if let reason = card.notScoredReason {
            line += pad("-", 7) + pad("not scored", 11) + reason.rawValue
        } else {
            line += pad(JSONWriter.format(card.total ?? 0), 7)
            line += pad(card.isAutoFailed ? "AUTO-FAIL" : (card.isPassed ? "pass" : "fail"), 11)
            let failed = card.criteria.filter { $0.verdict == .fail }.map(\.id)
            line += failed.isEmpty ? "" : "failed: " + failed.joined(separator: ", ")
        }
        return line + "\n"
    }
}
