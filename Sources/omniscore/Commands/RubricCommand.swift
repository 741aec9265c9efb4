import ArgumentParser
import Foundation
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreRubrics

/// `omniscore rubric ...`: validate, explain and test rubrics.
struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Validate, explain and test rubrics.",
        subcommands: [Validate.self, Explain.self, Check.self, Fit.self, Schema.self]
    )

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check rubric files against the schema and the semantic rules; print every problem as file:line:column."
        )

        @Argument(help: "Rubric files or ids.")
        var rubrics: [String]

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            var failed = false
            for reference in self.rubrics {
                do {
                    let loaded = try RubricFiles.load(reference, printWarnings: true)
                    if self.strict && !loaded.warnings.isEmpty {
                        failed = true
                        continue
                    }
                    let r = loaded.rubric
                    print("\(RubricFiles.resolve(reference)): ok: \(r.id) \(r.version), \(r.criteria.count) criteria, sha256 \(r.sha256)" + (loaded.warnings.isEmpty ? "" : ", \(loaded.warnings.count) warning(s)"))
                } catch {
                    failed = true
                }
            }
            if failed { throw ExitCode(ExitStatus.invalidInput) }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a human-readable summary of a rubric.")

        @Argument(help: "Rubric file or id.")
        var rubric: String = RubricFiles.defaultRubric

        func run() throws {
            print(RubricExplainer.explain(try RubricFiles.load(self.rubric).rubric), terminator: "")
        }
    }

    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the rubric XML Schema (XSD).")

        func run() {
            print(RubricSchema.source, terminator: "")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Test a rubric: run its examples and contrastive pairs, compare it with a labelled golden set, human ratings and a baseline version.",
            discussion: """
                Exit status 0 when every example passes, every contrastive pair holds, no criterion's F1 is below \
                --min-f1 and none fell against the baseline; 1 when one of those fails; 2 when a file is invalid or \
                missing. Ratings are reported (ROC-AUC or Spearman and agreement with 95% bootstrap intervals) and \
                never fail the check.
                """
        )

        @Argument(help: "Rubric file or id.")
        var rubric: String

        @Option(help: "Labels (JSONL) for this rubric: a file or a directory of .jsonl files. Repeatable.")
        var golden: [String] = []

        @Option(help: "Interactions the labels refer to: files or directories of .jsonl. Default: the interactions folder next to the labels folder (Samples/interactions).")
        var interactions: [String] = []

        @Option(help: "The previous version to compare with: a rubric file, or a git revision of the same file (e.g. main).")
        var baseline: String?

        @Option(help: "Contrastive pairs (<pairs> XML): a file or a directory of .xml files. Repeatable.")
        var pairs: [String] = []

        @Option(help: "Human ratings (JSONL: {\"id\":...,\"ratings\":{\"csat\":4,\"should_escalate\":true}}) of the --interactions, to measure every figure against. Repeatable.")
        var ratings: [String] = []

        @Option(help: "Write a JUnit XML report here.")
        var junit: String?

        @Option(help: "Write a Markdown report (for a pull-request comment) here.")
        var markdown: String?

        @Option(name: .customLong("min-f1"), help: "Fail when a criterion's F1 (for fail verdicts) is below this.")
        var minimumF1: Double?

        @Flag(help: "List every interaction where the rubric disagrees with its label, with the rubric's reason.")
        var showDisagreements = false

        func validate() throws {
            if let minimumF1, !(0...1).contains(minimumF1) { throw ValidationError("--min-f1 must be between 0 and 1") }
        }

        func run() throws {
            let loaded = try RubricFiles.load(self.rubric, printWarnings: true)
            let labels = try GoldenSet.loadLabels(self.golden)
            let extraPairs = try GoldenSet.loadPairs(self.pairs)
            let ratings = try GoldenSet.loadRatings(self.ratings)
            if !ratings.isEmpty && self.interactions.isEmpty && self.golden.isEmpty {
                Console.error("error: --ratings needs --interactions: the interactions the ratings are about")
                throw ExitCode(ExitStatus.invalidInput)
            }
            var interactionPaths = self.interactions.isEmpty ? GoldenSet.defaultInteractions(for: self.golden) : self.interactions
            if self.baseline != nil && interactionPaths.isEmpty {
                // A baseline comparison over no interactions would report 0 flips and pass: compare on the Samples.
                guard let samples = GoldenSet.sampleInteractions else {
                    Console.error("error: --baseline needs interactions to compare on: give --interactions FILE|DIR (the Samples were not found)")
                    throw ExitCode(ExitStatus.invalidInput)
                }
                Console.error("comparing with the baseline on \(samples) (give --interactions to use others)")
                interactionPaths = [samples]
            }
            let interactions = labels.isEmpty && ratings.isEmpty && self.baseline == nil ? [] : try GoldenSet.loadInteractions(interactionPaths)
            var baselineRubric: Rubric? = nil
            if let baseline {
                baselineRubric = try Baseline.load(baseline, current: RubricFiles.resolve(self.rubric)).rubric
            }
            let report: RubricCheck
            do {
                report = try RubricCheck.run(rubric: loaded.rubric, labels: labels, interactions: interactions, baseline: baselineRubric, minimumF1: self.minimumF1, pairs: extraPairs, ratings: ratings)
            } catch {
                Console.error("\(RubricFiles.resolve(self.rubric)): error: \(error)")
                throw ExitCode(ExitStatus.invalidInput)
            }
            print(report.textReport(), terminator: "")
            if self.showDisagreements { print(report.disagreementReport(), terminator: "") }
            do {
                if let junit {
                    let file = try OutputFile(path: junit)
                    file.write(report.junitReport())
                    file.close()
                }
                if let markdown {
                    let file = try OutputFile(path: markdown)
                    file.write(report.markdownReport())
                    file.close()
                }
            } catch {
                Console.error(error.description)
                throw ExitCode(ExitStatus.invalidInput)
            }
            if !report.passed { throw ExitCode(ExitStatus.checkFailed) }
        }
    }
}
