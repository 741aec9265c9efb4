import ArgumentParser
import Foundation
import OmniscoreCore
import OmniscoreRubrics

/// Finding and loading rubric files for commands.
enum RubricFiles {
    /// The rubric used when none is named.
    static let defaultRubric = "omnichannel-standard"

    /// Folders searched for a bare rubric id, in order: `$OMNISCORE_RUBRICS`, `Rubrics/` here, then beside the
    /// executable: the package's `Rubrics/` for a build in `.build/<config>/`, or `../share/omniscore/Rubrics` for
    /// an installed binary.
    static var searchFolders: [String] {
        var folders: [String] = []
        if let configured = ProcessInfo.processInfo.environment["OMNISCORE_RUBRICS"], !configured.isEmpty { folders.append(configured) }
        folders.append("Rubrics")
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        folders.append(executable.appendingPathComponent("../../../Rubrics").standardizedFileURL.path)
        folders.append(executable.appendingPathComponent("../share/omniscore/Rubrics").standardizedFileURL.path)
        return folders
    }

    /// A path as given, or `<folder>/<id>.xml` for a bare rubric id found in one of `searchFolders`.
    static func resolve(_ reference: String) -> String {
        if FileManager.default.fileExists(atPath: reference) || reference.contains("/") { return reference }
        for folder in self.searchFolders {
            let candidate = folder + "/" + reference + ".xml"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return reference
    }

    /// The rubric ids available in the search folders.
    static var knownIDs: [String] {
        Set(self.searchFolders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }
        }).sorted()
    }

    /// The known id closest to `reference` (edit distance at most a third of its length), for "did you mean".
    static func suggestion(for reference: String) -> String? {
        let target = Array(reference.lowercased())
        func distance(_ other: String) -> Int {
            let b = Array(other.lowercased())
            var row = Array(0...b.count)
            for (i, ca) in target.enumerated() {
                var previous = row[0]
                row[0] = i + 1
                for (j, cb) in b.enumerated() {
                    let current = row[j + 1]
                    row[j + 1] = min(row[j + 1] + 1, row[j] + 1, previous + (ca == cb ? 0 : 1))
                    previous = current
                }
            }
            return row[b.count]
        }
        let best = self.knownIDs.map { ($0, distance($0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, target.count / 3) else { return nil }
        return best.0
    }

    /// Loads a rubric, printing every diagnostic to standard error.
    ///
    /// - Throws: `ExitCode(2)` when the file is missing or invalid.
    static func load(_ reference: String, printWarnings: Bool = false) throws -> RubricLoader.Loaded {
        let path = resolve(reference)
        guard let data = FileManager.default.contents(atPath: path) else {
            var message = "\(path): error: cannot read the rubric (no such file, and no rubric with that id)"
            if !reference.contains("/"), let suggestion = self.suggestion(for: reference) {
                message += "; did you mean \(suggestion)?"
            } else if !reference.contains("/") {
                message += "; known ids: " + self.knownIDs.joined(separator: ", ")
            }
            Console.error(message)
            throw ExitCode(ExitStatus.invalidInput)
        }
        return try self.load(bytes: [UInt8](data), file: path, printWarnings: printWarnings)
    }

    static func load(bytes: [UInt8], file: String, printWarnings: Bool) throws -> RubricLoader.Loaded {
        do {
            let loaded = try RubricLoader.load(bytes: bytes, file: file)
            if printWarnings { for warning in loaded.warnings { Console.error(warning.description) } }
            return loaded
        } catch {
            for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}
