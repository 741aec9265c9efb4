import Testing
@testable import OmniscoreCore

@Suite("Text normalisation")
struct TextNormalizerTests {
    @Test("folds case and diacritics, drops apostrophes, breaks on punctuation", arguments: [
        ("Café CRÈME, s'il vous plaît!", "cafe creme sil vous plait"),
        ("Don’t e-mail me", "dont e mail me"),
        ("STRAẞE Straße", "strasse strasse"),
        ("ﬁne ﬂat", "fine flat"),
        ("Ｆｕｌｌｗｉｄｔｈ", "fullwidth"),
        ("e\u{301}te\u{301}", "ete"),
    ])
    func folding(input: String, expected: String) {
        #expect(TextNormalizer.normalizedWords(input).joined(separator: " ") == expected)
    }

    @Test("every byte maps back to the scalar it came from")
    func origins() {
        let text = InteractionText(messages: [Message(role: .agent, text: "Hé, Zoë!")])
        let bytes = text.bytes
        // " he zoe " : 'h' at scalar 0, 'e' from 'é' at 1, 'z' at 4, 'o' at 5, 'e' from 'ë' at 6
        #expect(String(decoding: bytes, as: UTF8.self) == " he zoe ")
        #expect(text.originalRange(of: 1..<3) == 0..<2)
        #expect(text.originalRange(of: 4..<7) == 4..<7)
    }

    @Test("counts shouting as a run of capital words, not acronyms")
    func shouting() {
        let loud = InteractionText(messages: [Message(role: .customer, text: "This is NOT GOOD at all")])
        #expect(loud.stats[0].shouting == 8..<16)
        let acronyms = InteractionText(messages: [Message(role: .customer, text: "The UPS ID is on the DHL label")])
        #expect(acronyms.stats[0].shouting == nil)
    }

    @Test("counts emoji sequences once and punctuation runs")
    func emojiAndPunctuation() {
        let text = InteractionText(messages: [Message(role: .agent, text: "Great 👍🏽 family 👨‍👩‍👧 flag 🇬🇧 really?!?")])
        #expect(text.stats[0].emoji == 3)
        #expect(text.stats[0].longestPunctuationRun == 3)
        #expect(text.stats[0].exclamations == 1)
        #expect(text.stats[0].questions == 2)
    }

    @Test("detects the language from stop words, or says it does not know")
    func language() {
        let spanish = InteractionText(messages: [Message(role: .customer, text: "Hola, necesito ayuda con mi pedido, por favor, que no ha llegado todavía")])
        #expect(LanguageDetector.detect(counts: spanish.stopWordCounts) == "es")
        let english = InteractionText(messages: [Message(role: .customer, text: "Hi, I need help with my order, it has not arrived yet and I am worried")])
        #expect(LanguageDetector.detect(counts: english.stopWordCounts) == "en")
        let tooShort = InteractionText(messages: [Message(role: .customer, text: "ok")])
        #expect(LanguageDetector.detect(counts: tooShort.stopWordCounts) == nil)
    }
}
