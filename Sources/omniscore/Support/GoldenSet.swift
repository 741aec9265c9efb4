import ArgumentParser
import Foundation
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreRubrics

/// Loading labels and the interactions they refer to, for `rubric check`.
enum GoldenSet {
    /// `.jsonl` files of a path: the file itself, or the directory's files in name order.
    static func files(_ path: String, suffix: String = ".jsonl") throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            Console.error("\(path): error: no such file or directory")
            throw ExitCode(ExitStatus.invalidInput)
        }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
    }

    static func lines(_ file: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: file) else {
            Console.error("\(file): error: cannot read")
            throw ExitCode(ExitStatus.invalidInput)
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func loadLabels(_ paths: [String]) throws -> [GoldenLabel] {
        var labels: [GoldenLabel] = []
        var failed = false
        for path in paths {
            for file in try self.files(path) {
                for (index, line) in try self.lines(file).enumerated() where !line.allSatisfy(\.isWhitespace) {
                    do {
                        labels.append(try GoldenLabel.decode(line, lineNumber: index + 1, source: file))
                    } catch {
                        Console.error(error.description)
                        failed = true
                    }
                }
            }
        }
        if failed { throw ExitCode(ExitStatus.invalidInput) }
        return labels
    }

    /// Human ratings (JSONL) for `rubric check --ratings` and `rubric fit`.
    static func loadRatings(_ paths: [String]) throws -> [HumanRating] {
        var ratings: [HumanRating] = []
        var failed = false
        for path in paths {
            for file in try self.files(path) {
                for (index, line) in try self.lines(file).enumerated() where !line.allSatisfy(\.isWhitespace) {
                    do {
                        ratings.append(try HumanRating.decode(line, lineNumber: index + 1, source: file))
                    } catch {
                        Console.error(error.description)
                        failed = true
                    }
                }
            }
        }
        if failed { throw ExitCode(ExitStatus.invalidInput) }
        return ratings
    }

    /// Contrastive pair files (`<pairs>` XML): files, or directories of `.xml` files.
    static func loadPairs(_ paths: [String]) throws -> [RubricPair] {
        var pairs: [RubricPair] = []
        var failed = false
        for path in paths {
            for file in try self.files(path, suffix: ".xml") {
                guard let data = FileManager.default.contents(atPath: file) else {
                    Console.error("\(file): error: cannot read")
                    throw ExitCode(ExitStatus.invalidInput)
                }
                do {
                    pairs += try RubricLoader.loadPairs(bytes: Array(data), file: file)
                } catch {
                    Console.error(error.description)
                    failed = true
                }
            }
        }
        if failed { throw ExitCode(ExitStatus.invalidInput) }
        return pairs
    }

    /// `Samples/interactions` for labels in `Samples/labels/<rubric>`.
    /// The package's `Samples/interactions`, here or beside the executable (as rubric ids are found).
    static var sampleInteractions: String? {
        let folders = RubricFiles.searchFolders.map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("Samples/interactions").path }
        return folders.first { FileManager.default.fileExists(atPath: $0) }
    }

    static func defaultInteractions(for golden: [String]) -> [String] {
        guard let first = golden.first else { return [] }
        var url = URL(fileURLWithPath: first)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory), !isDirectory.boolValue {
            url.deleteLastPathComponent()
        }
        let candidate = url.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("interactions").path
        return [candidate]
    }

    static func loadInteractions(_ paths: [String]) throws -> [Interaction] {
        let decoder = InteractionDecoder()
        var interactions: [Interaction] = []
        var failed = false
        for path in paths {
            for file in try self.files(path) {
                for (index, line) in try self.lines(file).enumerated() where !line.allSatisfy(\.isWhitespace) {
                    do {
                        interactions.append(try decoder.decode(line, lineNumber: index + 1))
                    } catch {
                        var located = error
                        located.source = file
                        Console.error(located.description)
                        failed = true
                    }
                }
            }
        }
        if failed { throw ExitCode(ExitStatus.invalidInput) }
        return interactions
    }
}
