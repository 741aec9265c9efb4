/// Turns text into the matcher's normal form in one pass over its UTF-8 bytes: case-folded, diacritics removed,
/// apostrophes dropped ("don't" is "dont"), every other non-word character a word break; and, in the same pass,
/// counts the surface features of `TextStats` and looks each word up in the `WordLexicon`.
enum TextNormalizer {
    /// The normalised words of a string, for building lexicons and patterns.
    static func normalizedWords(_ text: String) -> [String] {
        var buffer = InteractionText()
        // No lexicon lookups: the lexicon itself is built with this function.
        append(text, message: 0, to: &buffer, lexicon: nil)
        return buffer.bytes.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends message `message` to `buffer`.
    static func append(_ text: String, message: Int32, to buffer: inout InteractionText, lexicon: WordLexicon? = WordLexicon.shared) {
        var state = State(message: message, buffer: buffer, lexicon: lexicon)
        buffer = InteractionText()  // `state` owns the storage while it writes, so nothing is copied
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ state.run($0) }) {
            _ = done
        } else {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { state.run($0) }
        }
        buffer = state.buffer
    }

    private struct State {
        var buffer: InteractionText
        let message: Int32
        let lexicon: WordLexicon?
        var stats = TextStats()
        var start: Int

        var inWord = false
        var wordIndex: Int32 = 0
        var hash: UInt64 = WordLexicon.fnvOffset
        var wordLetters: Int32 = 0
        var wordUpper: Int32 = 0
        var wordLower: Int32 = 0
        var wordDigits: Int32 = 0
        /// The word had an apostrophe: a contraction ("I'll", "he'll", "we'd") whose joined form may spell another
        /// word ("ill", "hell", "wed"), so it carries no sentiment of its own.
        var wordApostrophe = false
        var wordStart: Int32 = 0

        var capsRun: Int32 = 0
        var capsRunStart: Int32 = 0
        var capsRunHasLong = false
        var shoutingOpen = false

        var punctuationRun: Int32 = 0
        var previousScalar: UInt32 = 0
        var scalarIndex: Int32 = 0

        init(message: Int32, buffer: InteractionText, lexicon: WordLexicon?) {
            self.buffer = buffer
            self.message = message
            self.lexicon = lexicon
            self.start = buffer.bytes.count
            self.buffer.bytes.append(UInt8(ascii: " "))
            self.buffer.origins.append(-1)
        }

        mutating func run(_ p: UnsafeBufferPointer<UInt8>) {
            let n = p.count
            var i = 0
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    self.ascii(b)
                    i += 1
                } else {
                    var value: UInt32
                    var length: Int
                    if b & 0xE0 == 0xC0 {
                        value = UInt32(b & 0x1F)
                        length = 2
                    } else if b & 0xF0 == 0xE0 {
                        value = UInt32(b & 0x0F)
                        length = 3
                    } else {
                        value = UInt32(b & 0x07)
                        length = 4
                    }
                    if i + length > n { length = n - i }
                    for k in 1..<max(length, 1) { value = (value << 6) | UInt32(p[i + k] & 0x3F) }
                    self.nonASCII(value)
                    i += max(length, 1)
                }
                self.scalarIndex += 1
            }
            self.endWord(at: self.scalarIndex)
            self.stats.scalars = self.scalarIndex
            if self.buffer.bytes.count == self.start + 1 {
                self.buffer.bytes.append(UInt8(ascii: " "))  // an empty message is "  ": still framed by spaces
                self.buffer.origins.append(-1)
            }
            self.buffer.messageRanges.append(self.start..<self.buffer.bytes.count)
            self.buffer.stats.append(self.stats)
        }

        @inline(__always)
        mutating func ascii(_ b: UInt8) {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                self.wordLower += 1
                self.wordLetters += 1
                self.stats.letters += 1
                self.emit(b)
                self.punctuationRun = 0
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                self.wordUpper += 1
                self.wordLetters += 1
                self.stats.letters += 1
                self.stats.uppercaseLetters += 1
                self.emit(b | 0x20)
                self.punctuationRun = 0
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                self.wordDigits += 1
                self.emit(b)
                self.punctuationRun = 0
            case UInt8(ascii: "'"):
                if self.inWord { self.wordApostrophe = true }  // inside a word it joins ("don't" -> "dont"); outside it is nothing
            case UInt8(ascii: "!"), UInt8(ascii: "?"):
                if b == UInt8(ascii: "!") { self.stats.exclamations += 1 } else { self.stats.questions += 1 }
                self.punctuationRun += 1
                if self.punctuationRun > self.stats.longestPunctuationRun {
                    self.stats.longestPunctuationRun = self.punctuationRun
                }
                self.endWord(at: self.scalarIndex)
            default:
                if b != UInt8(ascii: " ") { self.punctuationRun = 0 }
                self.endWord(at: self.scalarIndex)
            }
            self.previousScalar = UInt32(b)
        }

        mutating func nonASCII(_ value: UInt32) {
            defer { self.previousScalar = value }
            if value == 0x2019 || value == 0x2018 || value == 0x02BC {  // typographic apostrophes
                if self.inWord { self.wordApostrophe = true }
                return
            }
            guard let scalar = Unicode.Scalar(value) else {
                self.endWord(at: self.scalarIndex)
                return
            }
            let properties = scalar.properties
            if value >= 0x2300, properties.isEmoji || properties.isEmojiPresentation {
                // Count a joined sequence (ZWJ family, skin tone, the two regional indicators of a flag) once.
                let isRegional = (0x1F1E6...0x1F1FF).contains(value)
                let continuesFlag = isRegional && self.regionalPairOpen
                self.regionalPairOpen = isRegional && !continuesFlag
                if self.previousScalar != 0x200D, !properties.isEmojiModifier, !continuesFlag {
                    if self.stats.emoji == 0 { self.stats.firstEmoji = self.scalarIndex }
                    self.stats.emoji += 1
                }
                self.endWord(at: self.scalarIndex)
                return
            }
            if value == 0x200D || value == 0xFE0F || value == 0xFE0E { return }
            self.punctuationRun = 0
            if let folded = FoldTable.entries[value] {
                if folded.isEmpty { return }  // a combining mark: part of the letter before it
                let isLetter = properties.isAlphabetic
                if isLetter {
                    self.wordLetters += 1
                    self.stats.letters += 1
                    if properties.isUppercase {
                        self.wordUpper += 1
                        self.stats.uppercaseLetters += 1
                    } else if properties.isLowercase {
                        self.wordLower += 1
                    }
                }
                for f in folded {
                    if f.value < 0x80 {
                        let c = UInt8(f.value)
                        if (c >= 97 && c <= 122) || (c >= 48 && c <= 57) {
                            self.emit(c)
                        } else if c != UInt8(ascii: "'") {
                            self.endWord(at: self.scalarIndex)
                        }
                    } else if f.properties.isAlphabetic || f.properties.numericType != nil {
                        self.emitScalar(f.value)
                    } else {
                        self.endWord(at: self.scalarIndex)
                    }
                }
            } else if properties.isAlphabetic || properties.numericType != nil {
                if properties.isAlphabetic {
                    self.wordLetters += 1
                    self.stats.letters += 1
                    if properties.isUppercase {
                        self.wordUpper += 1
                        self.stats.uppercaseLetters += 1
                    } else if properties.isLowercase {
                        self.wordLower += 1
                    }
                } else {
                    self.wordDigits += 1
                }
                self.emitScalar(value)
            } else {
                self.endWord(at: self.scalarIndex)
            }
        }

        var regionalPairOpen = false

        @inline(__always)
        mutating func emit(_ byte: UInt8) {
            if !self.inWord {
                self.inWord = true
                self.hash = WordLexicon.fnvOffset
                self.wordStart = self.scalarIndex
            }
            self.buffer.bytes.append(byte)
            self.buffer.origins.append(self.scalarIndex)
            self.hash = (self.hash ^ UInt64(byte)) &* WordLexicon.fnvPrime
        }

        mutating func emitScalar(_ value: UInt32) {
            if value < 0x80 {
                self.emit(UInt8(value))
            } else if value < 0x800 {
                self.emit(UInt8(0xC0 | (value >> 6)))
                self.emit(UInt8(0x80 | (value & 0x3F)))
            } else if value < 0x10000 {
                self.emit(UInt8(0xE0 | (value >> 12)))
                self.emit(UInt8(0x80 | ((value >> 6) & 0x3F)))
                self.emit(UInt8(0x80 | (value & 0x3F)))
            } else {
                self.emit(UInt8(0xF0 | (value >> 18)))
                self.emit(UInt8(0x80 | ((value >> 12) & 0x3F)))
                self.emit(UInt8(0x80 | ((value >> 6) & 0x3F)))
                self.emit(UInt8(0x80 | (value & 0x3F)))
            }
        }

        @inline(__always)
        mutating func endWord(at end: Int32) {
            guard self.inWord else { return }
            self.inWord = false
            self.buffer.bytes.append(UInt8(ascii: " "))
            self.buffer.origins.append(-1)
            self.wordIndex += 1
            self.stats.words += 1
            if var entry = self.lexicon?.entry(forHash: self.hash) {
                if self.wordApostrophe { entry.valence = 0 }  // "I'll" is not "ill"; "don't" stays a negator
                self.buffer.features.append(WordFeature(message: self.message, word: self.wordIndex, entry: entry))
                if entry.flags.rawValue >> 8 != 0 {
                    var bits = entry.flags.rawValue >> 8
                    var language = 0
                    while bits != 0 {
                        if bits & 1 != 0 { self.buffer.stopWordCounts[language] += 1 }
                        bits >>= 1
                        language += 1
                    }
                }
            }
            self.trackCapitals(end: end)
            self.wordApostrophe = false
            self.wordLetters = 0
            self.wordUpper = 0
            self.wordLower = 0
            self.wordDigits = 0
        }

        mutating func trackCapitals(end: Int32) {
            guard self.wordLetters > 0 else { return }
            let isCapital = self.wordLetters >= 2 && self.wordLower == 0 && self.wordDigits == 0
            guard isCapital else {
                self.capsRun = 0
                self.capsRunHasLong = false
                self.shoutingOpen = false
                return
            }
            self.stats.capitalWords += 1
            if self.capsRun == 0 { self.capsRunStart = self.wordStart }
            self.capsRun += 1
            if self.wordLetters >= 4 { self.capsRunHasLong = true }
            if self.capsRun >= 2 && self.capsRunHasLong {
                if self.stats.shouting == nil {
                    self.stats.shouting = self.capsRunStart..<end
                    self.shoutingOpen = true
                } else if self.shoutingOpen {
                    self.stats.shouting = self.stats.shouting!.lowerBound..<end
                }
            }
        }
    }
}
