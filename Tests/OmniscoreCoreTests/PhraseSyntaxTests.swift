import Testing
@testable import OmniscoreCore

@Suite("Phrase syntax and matching")
struct PhraseSyntaxTests {
    static let list = PhraseList(id: "p", phrases: [])

    func matches(_ phrase: String, _ text: String) throws -> Bool {
        let check = Check.phrases(PhraseCheck(lists: [0], speaker: .any))
        let result = try Fixture.verdict(check, lists: [PhraseList(id: "p", phrases: [Phrase(phrase)])], Fixture.interaction([(.customer, text), (.agent, "ok then")]))
        return result.verdict == .pass
    }

    @Test("whole words only, case and diacritic insensitive", arguments: [
        ("hello", "Hello there", true),
        ("hello", "Othello was there", false),
        ("resume", "Please send your résumé", true),
        ("thank you", "THANK-YOU!!", true),
        ("dont", "I don't know", true),
        ("strasse", "Hauptstraße 5", false),
        ("hauptstrasse", "Hauptstraße 5", true),
    ])
    func wholeWords(phrase: String, text: String, expected: Bool) throws {
        #expect(try self.matches(phrase, text) == expected)
    }

    @Test("stems, gaps and alternatives", arguments: [
        ("refund*", "I was refunded yesterday", true),
        ("refund*", "the refrain", false),
        ("speak to * manager", "can I speak to your duty manager", true),
        ("speak to * manager", "speak to the very very very senior manager", false),
        ("(can|could) i (speak|talk) to", "could I talk to someone", true),
        ("lost my (job|(husband|wife))", "I lost my wife last year", true),
        ("(very)? sorry", "so sorry about that", true),
        ("(very)? sorry", "very sorry about that", true),
    ])
    func syntax(phrase: String, text: String, expected: Bool) throws {
        #expect(try self.matches(phrase, text) == expected)
    }

    @Test("phrases with many combinations keep groups as chained segments")
    func largeAlternatives() throws {
        let verbs = (1...40).map { "verb\($0)" }.joined(separator: "|")
        let nouns = (1...40).map { "noun\($0)" }.joined(separator: "|")
        let phrase = "(a|the) (\(verbs)) (\(nouns)) today"
        let variants = try PhraseSyntax.compile(phrase)
        #expect(variants.count == 1)
        // "(a|the) (verbs)" merge into one segment of 80 word pairs; the nouns would make it 3,200, past the
        // merge limit, so they start a segment of their own, merged with "today".
        #expect(variants[0].count == 2)
        #expect(try self.matches(phrase, "we saw the verb17 noun33 today"))
        #expect(try !self.matches(phrase, "we saw the verb17 today noun33"))
    }

    @Test("a group alternative of punctuation only makes the group optional, also in long phrases")
    func wordlessAlternative() throws {
        let phrase = "(payment|payments|transaction|transactions|debit|charge|charges) (of|for) (£|gbp)?"
        #expect(try self.matches(phrase, "a payment of £20 went out"))
        #expect(try self.matches(phrase, "a payment of gbp 20 went out"))
        #expect(try self.matches("(£|gbp) (refund|refunds|credit|credits|payment|payments)", "a £ refund"))
        #expect(try !self.matches("(£|gbp) (refund|refunds|credit|credits|payment|payments)", "a full rebate"))
    }

    @Test("scripts without word spaces match inside text")
    func noSpaceScripts() throws {
        #expect(try self.matches("退款", "我想要退款谢谢"))
    }

    @Test("invalid phrases are rejected with a reason", arguments: [
        "(unclosed",
        "closed)",
        "a | b",
        "* starts with a gap",
        "ends with a gap *",
        "x* y",
        "mid*dle",
        "!!!",
    ])
    func invalid(phrase: String) {
        if phrase == "x* y" {
            // A one-letter stem is too short to mean anything.
            #expect(throws: PhraseSyntax.SyntaxError.self) { try PhraseSyntax.compile(phrase) }
            return
        }
        #expect(throws: PhraseSyntax.SyntaxError.self) { try PhraseSyntax.compile(phrase) }
    }
}
