import ArgumentParser
import Foundation
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreRubrics
import OmniscoreStorage

extension RubricCommand {
    /// `omniscore rubric fit`: learns the signal models' weights from human ratings and writes them into a new
    /// rubric version.
    struct Fit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Learn the politeness, escalation-need and customer-outcome weights from human ratings; write a new rubric version.",
            discussion: """
                Regularised logistic regression (L2 towards the rubric's current weights), the penalty chosen by \
                cross-validation and the result measured by nested cross-validation, so the figure after is what \
                unseen interactions would get. Deterministic: the same input gives the same weights. The new \
                version carries the weights in its <signals> element, each model with a note of what it was fitted \
                on; review it like any rubric change (rubric check --baseline). With --from-reviews, the ratings are the \
                human verdicts QA leads entered in the review workspace (the newest per interaction and criterion) and \
                the interactions come from the hub: politeness learns from the rubric's politeness criterion and \
                escalation need from whether reviewers found an escalation required (escalation.when-required not N/A).
                """
        )

        @Argument(help: "Rubric file or id.")
        var rubric: String

        @Option(help: "Interactions the ratings are about: files or directories of .jsonl. Repeatable.")
        var interactions: [String] = []

        @Option(help: "Human ratings (JSONL, as for rubric check --ratings). Repeatable.")
        var ratings: [String] = []

        @Option(name: .customLong("target"), help: "Which model learns from which rating: need=should_escalate, politeness=agent_polite, outcome=csat>=4. Repeatable.")
        var targets: [String] = []

        @Option(help: "Cross-validation folds.")
        var folds: Int = 5

        @Option(help: "Write the rubric with the fitted weights here (a regular file; not the input).")
        var out: String?

        @Option(help: "The new version label (default: the current one with +fit).")
        var version: String?

        @Option(help: "Also write the feature table (CSV: model, id, label, one column per feature) here, to study it elsewhere.")
        var features: String?

        @Flag(help: "Learn from the human verdicts in the review workspace instead of --interactions and --ratings.")
        var fromReviews = false

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if self.targets.isEmpty && !self.fromReviews { throw ValidationError("give at least one --target, such as --target need=should_escalate") }
            for target in self.targets where RubricFit.Target(target) == nil {
                throw ValidationError("--target \(target) is not MODEL=RATING or MODEL=RATING>=N with MODEL one of politeness, need, outcome")
            }
            if self.folds < 2 { throw ValidationError("--folds must be at least 2") }
            if !self.fromReviews && (self.interactions.isEmpty || self.ratings.isEmpty) { throw ValidationError("give --interactions and --ratings, or --from-reviews") }
        }

        func run() async throws {
            let path = RubricFiles.resolve(self.rubric)
            let loaded = try RubricFiles.load(self.rubric)
            var interactions: [Interaction]
            var ratings: [HumanRating]
            var targets = self.targets.compactMap(RubricFit.Target.init)
            if self.fromReviews {
                (interactions, ratings) = try await self.reviews(rubricID: loaded.rubric.id)
                if targets.isEmpty { targets = Self.reviewTargets(loaded.rubric) }
                print("\(ratings.count) reviewed interactions of \(loaded.rubric.id) in the workspace")
            } else {
                interactions = try GoldenSet.loadInteractions(self.interactions)
                ratings = try GoldenSet.loadRatings(self.ratings)
            }
            let results: [RubricFit.Result]
            var table: [String] = []
            do {
                results = try RubricFit.run(rubric: loaded.rubric, interactions: interactions, ratings: ratings, targets: targets, folds: self.folds, table: self.features == nil ? nil : { table.append($0) })
                if let features {
                    let file = try OutputFile(path: features)
                    file.write(table.joined(separator: "\n") + "\n")
                    file.close()
                }
            } catch let error as ScoringError {
                Console.error("\(path): error: \(error)")
                throw ExitCode(ExitStatus.invalidInput)
            } catch {
                Console.error("\(error)")
                throw ExitCode(ExitStatus.invalidInput)
            }
            print(RubricFit.report(results, rubric: loaded.rubric, folds: self.folds), terminator: "")
            guard let out else { return }
            guard let source = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
                Console.error("\(path): error: cannot read")
                throw ExitCode(ExitStatus.invalidInput)
            }
            if URL(fileURLWithPath: out).standardizedFileURL == URL(fileURLWithPath: path).standardizedFileURL {
                Console.error("\(out): error: --out must not be the rubric being fitted; write a new version beside it")
                throw ExitCode(ExitStatus.invalidInput)
            }
            let text = RubricFit.rewrite(source: source, rubric: loaded.rubric, results: results, version: self.version ?? loaded.rubric.version + "+fit")
            // The written rubric must load: a fit never produces a rubric that CI would reject.
            _ = try RubricFiles.load(bytes: Array(text.utf8), file: out, printWarnings: false)
            do {
                let file = try OutputFile(path: out)
                file.write(text)
                file.close()
            } catch {
                Console.error(error.description)
                throw ExitCode(ExitStatus.invalidInput)
            }
            print("wrote \(out)")
        }

        /// The reviewed interactions and their human verdicts.
        func reviews(rubricID: String) async throws -> ([Interaction], [HumanRating]) {
            let client = self.database.client()
            defer { client.close() }
            return try await withStorageErrors {
                try await client.withConnection { connection in
                    let ratings = try ReviewRatings.read(rubricID: rubricID, on: connection)
                    let batch = try InteractionStore().read(ratings.map(\.interactionID), on: connection)
                    return (batch.interactions, ratings)
                }
            }
        }

        /// What the workspace's verdicts can teach: politeness from the rubric's politeness criterion, escalation
        /// need from whether reviewers found an escalation required.
        static func reviewTargets(_ rubric: Rubric) -> [RubricFit.Target] {
            var targets: [RubricFit.Target] = []
            for criterion in rubric.criteria {
                if case .tone(let tone) = criterion.check, tone.metric == .politeness, !targets.contains(where: { $0.kind == .politeness }) {
                    targets.append(RubricFit.Target(kind: .politeness, rating: criterion.id))
                }
                if case .escalation(.escalatedWhenRequired) = criterion.check, !targets.contains(where: { $0.kind == .need }) {
                    targets.append(RubricFit.Target(kind: .need, rating: "\(criterion.id):applies"))
                }
            }
            return targets
        }
    }
}
