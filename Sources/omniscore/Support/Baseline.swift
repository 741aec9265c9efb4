import ArgumentParser
import Foundation
import OmniscoreRubrics

/// The baseline of `rubric check --baseline`: a rubric file, or a git revision of the rubric under test.
enum Baseline {
    static func load(_ reference: String, current: String) throws -> RubricLoader.Loaded {
        if FileManager.default.fileExists(atPath: reference) {
            return try RubricFiles.load(reference)
        }
        // A git revision: `git show REV:<path of the current file relative to the repository root>`.
        let directory = URL(fileURLWithPath: current).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: current).lastPathComponent
        guard let relative = try? self.git(["ls-files", "--full-name", "--", name], in: directory).trimmingCharacters(in: .whitespacesAndNewlines), !relative.isEmpty else {
            Console.error("\(reference): error: not a file, and \(current) is not tracked by git, so it cannot be a git revision of it")
            throw ExitCode(ExitStatus.invalidInput)
        }
        let content: Data
        do {
            content = try self.gitData(["show", "\(reference):\(relative)"], in: directory)
        } catch {
            Console.error("\(reference): error: cannot read \(relative) at git revision \"\(reference)\": \(error)")
            throw ExitCode(ExitStatus.invalidInput)
        }
        return try RubricFiles.load(bytes: [UInt8](content), file: "\(reference):\(relative)", printWarnings: false)
    }

    struct GitError: Error, CustomStringConvertible {
        var description: String
    }

    static func git(_ arguments: [String], in directory: String) throws -> String {
        String(decoding: try self.gitData(arguments, in: directory), as: UTF8.self)
    }

    static func gitData(_ arguments: [String], in directory: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitError(description: String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return data
    }
}
