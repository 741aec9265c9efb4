import Foundation
import OmniscoreRubrics

/// Paths into the package and a small valid rubric to mutate.
enum RubricSource {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ relative: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(relative), encoding: .utf8)
    }

    /// A complete rubric with one criterion; `criteria` replaces the criterion block, `lists` the phrase lists.
    static func minimal(
        lists: String = #"<phrases id="greeting"><phrase>(hi|hello)</phrase></phrases>"#,
        criteria: String = """
            <criterion id="process.greeting" points="10">
              <title>Greets</title>
              <check><says phrases="greeting" in="first 1"/></check>
              <example name="greets" expect="pass"><interaction><customer>where is my order</customer><agent>Hello, let me check that for you.</agent></interaction></example>
              <example name="no-greeting" expect="fail"><interaction><customer>where is my order</customer><agent>Let me check that for you now.</agent></interaction></example>
            </criterion>
            """
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rubric xmlns="urn:omniscore:rubric:1" id="mini" version="1.2.0">
          <title>Mini</title>
          \(lists)
          <section id="process" title="Process">
            \(criteria)
          </section>
        </rubric>
        """
    }

    /// The errors of a rubric that must fail to load.
    static func errors(_ source: String, file: String = "bad.xml") -> [RubricError] {
        do {
            _ = try RubricLoader.load(source: source, file: file)
            return []
        } catch {
            return error.errors
        }
    }
}
