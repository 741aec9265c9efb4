/// The small pattern language of rubric phrases.
///
/// - Words match whole words, case- and diacritic-insensitively: `thank you` matches "Thank you!" and "THANK-YOU".
/// - `word*` matches any word starting with `word`: `refund*` matches refund, refunds, refunded.
/// - `*` on its own stands for up to three arbitrary words: `speak to * manager` matches "speak to a manager" and
///   "speak to your duty manager".
/// - `(a|b|c)` offers alternatives, which may be several words and may nest: `(can|could) i (speak|talk) to`,
///   `lost my (job|(husband|wife))`; `(a|b)?` makes the group optional.
/// - Apostrophes are ignored ("don't" = "dont") and punctuation separates words.
///
/// A phrase compiles to variants, each a chain of segments; a segment is a set of alternative word sequences that
/// the matcher looks for directly. Small phrases expand to one segment per variant; phrases with many
/// combinations keep each group as its own segment, chained word by word, so they never explode.
public enum PhraseSyntax {
    /// How many arbitrary words a standalone `*` may stand for.
    public static let maximumGapWords: Int32 = 3
    /// Phrases with at most this many combinations are expanded into whole-phrase patterns.
    static let expansionLimit = 4
    /// The most alternatives one group may expand to, and the most variants from optional groups.
    public static let maximumAlternatives = 4096

    /// A problem with a phrase as written; the rubric loader adds the file position.
    public struct SyntaxError: Error, Sendable, Equatable {
        public var message: String
    }

    /// One word sequence the matcher looks for.
    public struct Alternative: Sendable, Hashable {
        /// Normalised bytes, framed by spaces for word boundaries (no trailing space after a stem; no spaces at all
        /// for scripts written without them).
        public var bytes: [UInt8]
    }

    /// One link of a phrase variant.
    public struct Segment: Sendable, Hashable {
        public var alternatives: [Alternative]
        /// Arbitrary words allowed between the previous segment and this one (0: directly adjacent).
        public var maximumGapBefore: Int32
    }

    indirect enum Token: Sendable, Hashable {
        case word(String, stem: Bool)
        case gap
        case group([[Token]], optional: Bool)
    }

    /// Compiles a phrase into its variants.
    ///
    /// - Throws: `SyntaxError` for unbalanced parentheses, a phrase with no words, a wildcard at either end, a
    ///   stem shorter than two characters, or too many combinations.
    public static func compile(_ phrase: String) throws(SyntaxError) -> [[Segment]] {
        var index = Array(phrase).startIndex
        let characters = Array(phrase)
        let tokens = try parseSequence(characters, &index, phrase: phrase, depth: 0)
        guard index == characters.endIndex else { throw SyntaxError(message: "unbalanced \")\" in phrase \"\(phrase)\"") }
        var variants: [[Segment]] = []
        if count(tokens) <= expansionLimit {
            for flat in expand(tokens) {
                let segments = try chain(flat, phrase: phrase)
                if !variants.contains(segments) { variants.append(segments) }
            }
        } else {
            for branch in try optionalBranches(tokens, phrase: phrase) {
                let segments = try chainGroups(branch, phrase: phrase)
                if !variants.contains(segments) { variants.append(segments) }
            }
        }
        return variants
    }

    // MARK: Parsing

    static func parseSequence(_ c: [Character], _ i: inout Int, phrase: String, depth: Int) throws(SyntaxError) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        func flush() throws(SyntaxError) {
            guard !word.isEmpty else { return }
            if word == "*" || word == "…" {
                tokens.append(.gap)
            } else {
                let stem = word.hasSuffix("*")
                let literal = stem ? String(word.dropLast()) : word
                guard !literal.contains("*") else {
                    throw SyntaxError(message: "\"*\" may only end a word or stand alone, in phrase \"\(phrase)\"")
                }
                tokens.append(.word(literal, stem: stem))
            }
            word = ""
        }
        while i < c.count {
            let ch = c[i]
            switch ch {
            case "(":
                try flush()
                i += 1
                var alternatives: [[Token]] = []
                while true {
                    alternatives.append(try parseSequence(c, &i, phrase: phrase, depth: depth + 1))
                    guard i < c.count else { throw SyntaxError(message: "unclosed \"(\" in phrase \"\(phrase)\"") }
                    if c[i] == "|" {
                        i += 1
                        continue
                    }
                    i += 1  // ")"
                    break
                }
                var optional = false
                if i < c.count, c[i] == "?" {
                    optional = true
                    i += 1
                }
                tokens.append(.group(alternatives, optional: optional))
            case "|", ")":
                guard depth > 0 else {
                    throw SyntaxError(message: ch == "|" ? "\"|\" outside parentheses in phrase \"\(phrase)\"; write (a|b)" : "unbalanced \")\" in phrase \"\(phrase)\"")
                }
                try flush()
                return tokens
            case " ", "\t", "\n":
                try flush()
                i += 1
            default:
                word.append(ch)
                i += 1
            }
        }
        guard depth == 0 else { throw SyntaxError(message: "unclosed \"(\" in phrase \"\(phrase)\"") }
        try flush()
        return tokens
    }

    /// Number of flat combinations (saturating).
    static func count(_ tokens: [Token]) -> Int {
        var total = 1
        for token in tokens {
            if case .group(let alternatives, let optional) = token {
                var sum = optional ? 1 : 0
                for alternative in alternatives { sum = min(sum + count(alternative), 1 << 30) }
                total = min(total * max(sum, 1), 1 << 30)
            }
        }
        return total
    }

    /// Every flat token sequence (words and gaps only).
    static func expand(_ tokens: [Token]) -> [[Token]] {
        var results: [[Token]] = [[]]
        for token in tokens {
            switch token {
            case .group(let alternatives, let optional):
                var options: [[Token]] = optional ? [[]] : []
                for alternative in alternatives { options += expand(alternative) }
                var next: [[Token]] = []
                for prefix in results { for option in options { next.append(prefix + option) } }
                results = next
            default:
                results = results.map { $0 + [token] }
            }
        }
        return results
    }

    /// The top-level sequences with each optional group either kept (as a required group) or dropped.
    static func optionalBranches(_ tokens: [Token]) -> [[Token]] {
        var branches: [[Token]] = [[]]
        for token in tokens {
            if case .group(let alternatives, true) = token {
                branches = branches.flatMap { [$0, $0 + [.group(alternatives, optional: false)]] }
            } else {
                branches = branches.map { $0 + [token] }
            }
        }
        return branches
    }

    static func optionalBranches(_ tokens: [Token], phrase: String) throws(SyntaxError) -> [[Token]] {
        let tokens = tokens.map(withoutWordlessAlternatives)
        let optionalCount = tokens.filter { if case .group(_, true) = $0 { return true } else { return false } }.count
        guard optionalCount <= 8 else { throw SyntaxError(message: "phrase \"\(phrase)\" has more than 8 optional groups; split it") }
        return optionalBranches(tokens)
    }

    /// A group with an alternative that has no words once punctuation is ignored (`(£|gbp)`) can match nothing
    /// at all, like an optional group: it becomes one, with that alternative dropped.
    static func withoutWordlessAlternatives(_ token: Token) -> Token {
        guard case .group(let alternatives, _) = token else { return token }
        let wordy = alternatives.filter { alternative in
            !alternative.allSatisfy { if case .word(let literal, _) = $0 { return words(literal).isEmpty } else { return false } }
        }
        guard wordy.count < alternatives.count, !wordy.isEmpty else { return token }
        return .group(wordy, optional: true)
    }

    // MARK: Segments

    /// Normalised words of one literal token.
    static func words(_ literal: String) -> [String] { TextNormalizer.normalizedWords(literal) }

    static func alternative(_ words: [String], stem: Bool) -> Alternative {
        let joined = words.joined(separator: " ")
        let spaced = needsWordBoundaries(joined)
        var bytes: [UInt8] = spaced ? [UInt8(ascii: " ")] : []
        bytes += Array(joined.utf8)
        if spaced && !stem { bytes.append(UInt8(ascii: " ")) }
        return Alternative(bytes: bytes)
    }

    /// Segments of a flat sequence: runs of words, split after stems and at gaps.
    static func chain(_ flat: [Token], phrase: String) throws(SyntaxError) -> [Segment] {
        var segments: [Segment] = []
        var run: [String] = []
        var gap: Int32 = 0
        var pendingGap = false
        for token in flat {
            switch token {
            case .gap:
                guard !segments.isEmpty || !run.isEmpty else { throw SyntaxError(message: "phrase \"\(phrase)\" starts with a wildcard") }
                if !run.isEmpty {
                    segments.append(Segment(alternatives: [alternative(run, stem: false)], maximumGapBefore: gap))
                    run = []
                }
                gap = maximumGapWords
                pendingGap = true
            case .word(let literal, let stem):
                let normalised = words(literal)
                if stem {
                    guard let last = normalised.last, last.unicodeScalars.count >= 2 else {
                        throw SyntaxError(message: "stem \"\(literal)*\" is too short; give at least two letters")
                    }
                }
                run += normalised
                pendingGap = false
                if stem {
                    segments.append(Segment(alternatives: [alternative(run, stem: true)], maximumGapBefore: gap))
                    run = []
                    gap = 0
                }
            case .group:
                break  // not present in flat sequences
            }
        }
        if !run.isEmpty { segments.append(Segment(alternatives: [alternative(run, stem: false)], maximumGapBefore: gap)) }
        guard !pendingGap else { throw SyntaxError(message: "phrase \"\(phrase)\" ends with a wildcard") }
        guard !segments.isEmpty else { throw SyntaxError(message: "phrase \"\(phrase)\" has no words once punctuation is ignored") }
        return segments
    }

    /// Segments of a sequence with groups kept whole: each group becomes one segment of its expanded alternatives.
    static func chainGroups(_ tokens: [Token], phrase: String) throws(SyntaxError) -> [Segment] {
        var segments: [Segment] = []
        var run: [Token] = []
        var gap: Int32 = 0
        func closeRun() throws(SyntaxError) {
            var items = run
            run = []
            if items.first == .gap {
                guard !segments.isEmpty else { throw SyntaxError(message: "phrase \"\(phrase)\" starts with a wildcard") }
                gap = maximumGapWords
                items.removeFirst()
            }
            let trailingGap = items.last == .gap
            if trailingGap { items.removeLast() }
            if !items.isEmpty {
                var part = try chain(items, phrase: phrase)
                part[0].maximumGapBefore = max(part[0].maximumGapBefore, gap)
                segments += part
                gap = 0
            }
            if trailingGap { gap = maximumGapWords }
        }
        for token in tokens {
            switch token {
            case .group(let alternatives, _):
                try closeRun()
                var options: [Alternative] = []
                for alternative in alternatives {
                    for flat in expand(alternative) {
                        let part = try chain(flat, phrase: phrase)
                        guard part.count == 1, part[0].alternatives.count == 1 else {
                            throw SyntaxError(message: "phrase \"\(phrase)\" combines many alternatives with wildcards or stems inside a group; split it into several phrases")
                        }
                        if !options.contains(part[0].alternatives[0]) { options.append(part[0].alternatives[0]) }
                    }
                }
                guard options.count <= maximumAlternatives else {
                    throw SyntaxError(message: "a group of phrase \"\(phrase)\" expands to more than \(maximumAlternatives) alternatives; split it")
                }
                segments.append(Segment(alternatives: options, maximumGapBefore: gap))
                gap = 0
            default:
                run.append(token)
            }
        }
        if !run.isEmpty {
            guard run.last != .gap else { throw SyntaxError(message: "phrase \"\(phrase)\" ends with a wildcard") }
            try closeRun()
        }
        guard !segments.isEmpty else { throw SyntaxError(message: "phrase \"\(phrase)\" has no words once punctuation is ignored") }
        return merge(segments)
    }

    /// The most alternatives a merged segment may have.
    static let mergeLimit = 1024

    /// Joins adjacent segments (no gap between them, the left one without stems) into one segment of their
    /// combined word sequences while the combinations stay within `mergeLimit`. A segment of common words such as
    /// `(i|we)` then never stands alone: it is matched as "i have", "we ve", so the matcher reports the phrase's
    /// words together instead of every "i" of every message, and stitching has far less to do.
    static func merge(_ segments: [Segment]) -> [Segment] {
        var merged: [Segment] = []
        for segment in segments {
            if var last = merged.last, segment.maximumGapBefore == 0,
                last.alternatives.count * segment.alternatives.count <= mergeLimit,
                last.alternatives.allSatisfy({ $0.bytes.first == UInt8(ascii: " ") && $0.bytes.last == UInt8(ascii: " ") }),
                segment.alternatives.allSatisfy({ $0.bytes.first == UInt8(ascii: " ") })
            {
                var combined: [Alternative] = []
                var seen = Set<Alternative>()
                combined.reserveCapacity(last.alternatives.count * segment.alternatives.count)
                for left in last.alternatives {
                    for right in segment.alternatives {
                        let alternative = Alternative(bytes: left.bytes + right.bytes.dropFirst())
                        if seen.insert(alternative).inserted { combined.append(alternative) }
                    }
                }
                last.alternatives = combined
                merged[merged.count - 1] = last
            } else {
                merged.append(segment)
            }
        }
        return merged
    }

    /// Scripts written without spaces between words (Han, kana, Thai, ...) cannot use word boundaries.
    static func needsWordBoundaries(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF,
                0x0E00...0x0E7F, 0x0E80...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF:
                return true
            default:
                return false
            }
        }
    }
}
