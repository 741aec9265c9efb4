/// The normalised text of every message of one interaction, in one buffer, ready for the phrase matcher.
///
/// Each message becomes ` word word word ` (lower case, diacritics and apostrophes removed, every run of
/// non-word characters one space, a space at both ends), so a pattern framed by spaces can only match whole
/// words. `origins` maps every byte back to the Unicode scalar of the original message it came from, which is
/// how evidence quotes the customer's or agent's own words.
struct InteractionText: Sendable {
    var bytes: [UInt8] = []
    /// For each byte, the scalar offset in its original message; -1 for the spaces between words.
    var origins: [Int32] = []
    /// Byte range of each message in `bytes`.
    var messageRanges: [Range<Int>] = []
    /// Surface statistics of each message.
    var stats: [TextStats] = []
    /// Words the word lexicon knows, in message and word order.
    var features: [WordFeature] = []
    /// Stop words seen per language of `LanguageDetector.languages`.
    var stopWordCounts: [Int] = Array(repeating: 0, count: LanguageDetector.languages.count)

    init() {}

    init(messages: [Message]) {
        let expected = messages.reduce(0) { $0 + $1.text.utf8.count + 2 }
        self.bytes.reserveCapacity(expected)
        self.origins.reserveCapacity(expected)
        self.messageRanges.reserveCapacity(messages.count)
        self.stats.reserveCapacity(messages.count)
        for (index, message) in messages.enumerated() {
            TextNormalizer.append(message.text, message: Int32(index), to: &self)
        }
    }

    /// The normalised words of message `index`, as slices of one string (for comparing whole messages).
    func words(ofMessage index: Int) -> [Substring] {
        let text = String(decoding: self.bytes[self.messageRanges[index]], as: UTF8.self)
        return text.split(separator: " ")
    }

    /// The normalised words of a phrase hit.
    func words(of hit: PhraseHit) -> [Substring] {
        let text = String(decoding: self.bytes[Int(hit.start)..<Int(hit.end)], as: UTF8.self)
        return text.split(separator: " ")
    }

    /// Scalar range in the original message covered by the normalised bytes `range` of message `message`.
    func originalRange(of range: Range<Int>) -> Range<Int32> {
        var lower = range.lowerBound
        while lower < range.upperBound, self.origins[lower] < 0 { lower += 1 }
        var upper = range.upperBound - 1
        while upper > lower, self.origins[upper] < 0 { upper -= 1 }
        guard lower < range.upperBound else { return 0..<0 }
        return self.origins[lower]..<(self.origins[upper] + 1)
    }
}
