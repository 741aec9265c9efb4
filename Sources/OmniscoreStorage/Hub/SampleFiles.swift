import Foundation
public import OmniscoreCore
public import OmniscoreInterchange

/// Reads interaction JSONL files (Samples/interactions/*.jsonl) for loading into the hub tables.
public enum SampleFiles {
    /// The interactions of `paths` (files, or folders of .jsonl files, read in name order) and the lines that could
    /// not be read, each with file and line.
    public static func read(_ paths: [String]) throws -> (interactions: [Interaction], rejects: [InterchangeError]) {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw StorageError(.invalidConfiguration, message: "\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".jsonl") }.sorted()
                files += names.map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        var interactions: [Interaction] = []
        var rejects: [InterchangeError] = []
        let decoder = InteractionDecoder()
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.allSatisfy(\.isWhitespace) { continue }
                do {
                    interactions.append(try decoder.decode(String(line), lineNumber: index + 1))
                } catch {
                    var located = error
                    located.source = file
                    rejects.append(located)
                }
            }
        }
        return (interactions, rejects)
    }
}
