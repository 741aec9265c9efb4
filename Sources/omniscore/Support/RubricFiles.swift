import ArgumentParser
import Foundation
import OmniscoreCore
import OmniscoreRubrics

/// Finding and loading rubric files for commands.
enum RubricFiles {
    /// The rubric used when none is named.
    static let defaultRubric = "omnichannel-standard"

    /// A path as given, or `Rubrics/<name>.xml` for a bare rubric id.
    static func resolve(_ reference: String) -> String {
        if FileManager.default.fileExists(atPath: reference) { return reference }
        let candidate = "Rubrics/\(reference).xml"
        if !reference.contains("/"), FileManager.default.fileExists(atPath: candidate) { return candidate }
        return reference
    }

    /// Loads a rubric, printing every diagnostic to standard error.
    ///
    /// - Throws: `ExitCode(2)` when the file is missing or invalid.
    static func load(_ reference: String, printWarnings: Bool = false) throws -> RubricLoader.Loaded {
        let path = resolve(reference)
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.error("\(path): error: cannot read the rubric (no such file, and no Rubrics/\(reference).xml)")
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
