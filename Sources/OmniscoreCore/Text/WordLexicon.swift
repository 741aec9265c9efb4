/// Single words the tone model looks up while text is normalised: sentiment valences (from VADER), negators,
/// intensifiers and the stop words that identify a language.
///
/// Lookups use a 64-bit FNV-1a hash of the normalised word, computed byte by byte in the same pass that normalises
/// the text, so this lexicon costs no second scan.
struct WordLexicon: Sendable {
    struct Entry: Sendable, Hashable {
        /// VADER valence, -4 ... +4, 0 for words that only carry flags.
        var valence: Float = 0
        var flags: Flags = []
    }

    struct Flags: OptionSet, Sendable, Hashable {
        let rawValue: UInt16
        static let negator = Flags(rawValue: 1 << 0)
        static let intensifier = Flags(rawValue: 1 << 1)
        static let dampener = Flags(rawValue: 1 << 2)
        /// Bits 8 and up: stop word of `LanguageDetector.languages[bit - 8]`.
        static func stopWord(languageIndex: Int) -> Flags { Flags(rawValue: 1 << (8 + languageIndex)) }
    }

    static let shared = WordLexicon()

    private var keys: [UInt64]
    private var values: [Entry]
    private let mask: Int

    /// FNV-1a 64 of the bytes, the same function the normaliser computes incrementally.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = fnvOffset
        for b in bytes { h = (h ^ UInt64(b)) &* fnvPrime }
        return h
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    private init() {
        var entries: [String: Entry] = [:]
        for line in sentimentLexiconSource.split(separator: "\n") {
            guard let space = line.lastIndex(of: " "), let value = Float(line[line.index(after: space)...]) else {
                continue
            }
            let word = String(line[..<space])
            let normalised = TextNormalizer.normalizedWords(word)
            guard normalised.count == 1 else { continue }  // multi-word entries are phrases, not words
            entries[normalised[0], default: Entry()].valence = value
        }
        // Domain adjustments: in support conversations these words are mostly function words ("I'd like to",
        // "kind of", "pretty sure", "can you help", "please"), and politeness is modelled on its own.
        for word in WordLexicon.neutralInSupport { entries[word, default: Entry()].valence = 0 }
        for word in WordLexicon.negators { entries[word, default: Entry()].flags.insert(.negator) }
        for word in WordLexicon.intensifiers { entries[word, default: Entry()].flags.insert(.intensifier) }
        for word in WordLexicon.dampeners { entries[word, default: Entry()].flags.insert(.dampener) }
        for (index, language) in LanguageDetector.languages.enumerated() {
            for word in language.stopWords {
                entries[word, default: Entry()].flags.insert(.stopWord(languageIndex: index))
            }
        }
        var capacity = 1
        while capacity < entries.count * 2 { capacity <<= 1 }
        self.mask = capacity - 1
        self.keys = Array(repeating: 0, count: capacity)
        self.values = Array(repeating: Entry(), count: capacity)
        for (word, entry) in entries where entry.valence != 0 || !entry.flags.isEmpty {
            let h = WordLexicon.hash(word.utf8)
            var slot = Int(truncatingIfNeeded: h) & self.mask
            while self.keys[slot] != 0 { slot = (slot + 1) & self.mask }
            self.keys[slot] = h == 0 ? 1 : h
            self.values[slot] = entry
        }
    }

    /// The entry for a word by its FNV-1a hash, or `nil`.
    @inline(__always)
    func entry(forHash hash: UInt64) -> Entry? {
        let key = hash == 0 ? 1 : hash
        var slot = Int(truncatingIfNeeded: key) & self.mask
        while true {
            let k = self.keys[slot]
            if k == key { return self.values[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & self.mask
        }
    }

    static let neutralInSupport = [
        "like", "likes", "liked", "kind", "kinda", "pretty", "well", "help", "helps", "helped", "sure", "care",
        "want", "wants", "please", "ok", "okay", "yes", "yeah", "yep", "support", "supports", "thank", "thanks",
        "hope", "hoping", "welcome", "fine", "free", "credit", "save", "saved", "matter", "god", "lord",
        "pay", "charge", "charged", "no", "cancel", "cancelled", "canceled",
    ]
    static let negators = [
        "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "nowhere", "cannot", "cant", "dont",
        "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "wouldnt", "shouldnt", "couldnt", "havent",
        "hasnt", "hadnt", "aint", "without", "hardly", "barely", "rarely", "seldom", "nt",
    ]
    static let intensifiers = [
        "very", "really", "so", "extremely", "absolutely", "totally", "completely", "incredibly", "utterly",
        "super", "too", "highly", "truly", "deeply", "hugely", "massively", "most", "entirely", "particularly",
    ]
    static let dampeners = ["slightly", "somewhat", "kinda", "marginally", "barely", "little", "bit", "partly"]
}
