/// Masks personal data in text shown outside the database: e-mail addresses, phone numbers, card numbers
/// (Luhn-checked), IBANs, account numbers, UK postcodes, and the names and handles of known customers.
///
/// Names come from the customer's own record and the customer's message headers, never from a guess at what looks
/// like a name. A full name is masked wherever its words appear in sequence; a single part of it on its own only
/// when it is at least three letters and not a common word ("the", "hope", "will"): a customer called Hope Bell
/// makes "Hope Bell" and "Bell" `[name]`, not every "hope". A handle (`@the_wren_nest`, `wren_42`) is masked as the
/// whole token only, never split into its words.
public struct PIIMasker: Sendable {
    private let parts: Set<String>
    private let fullNames: [[String]]
    private let handles: Set<String>

    /// - Parameter names: customers' names and handles as their records and message headers give them.
    public init(names: [String] = []) {
        var parts: Set<String> = []
        var fullNames: Set<[String]> = []
        var handles: Set<String> = []
        for name in names {
            let trimmed = name.trimmingSpaces
            guard !trimmed.isEmpty else { continue }
            if Self.isHandle(trimmed) {
                let handle = String(trimmed.drop { $0 == "@" }).lowercased()
                if handle.count >= 3 { handles.insert(handle) }
                continue
            }
            let words = TextNormalizer.normalizedWords(trimmed)
            if words.count >= 2 { fullNames.insert(words) }
            for word in words where word.unicodeScalars.count >= 3 && !Self.isCommonWord(word) { parts.insert(word) }
        }
        self.parts = parts
        self.fullNames = fullNames.sorted { $0.count > $1.count || ($0.count == $1.count && $0.lexicographicallyPrecedes($1)) }
        self.handles = handles
    }

    /// A handle rather than a name: one token with an @, an underscore or a digit in it.
    static func isHandle(_ name: String) -> Bool {
        !name.contains(" ") && (name.hasPrefix("@") || name.contains("_") || name.contains { $0.isNumber })
    }

    /// Words a name part must not be masked as on its own: stop words, sentiment words, negators.
    static func isCommonWord(_ word: String) -> Bool {
        WordLexicon.shared.entry(forHash: WordLexicon.hash(word.utf8)) != nil || WordLexicon.neutralInSupport.contains(word)
    }

    /// `text` with each entity replaced by a tag such as `[email]`, `[card]` or `[name]`.
    public func mask(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let replacements = self.replacements(scalars)
        guard !replacements.isEmpty else { return text }
        return Self.apply(replacements, to: scalars)
    }

    /// `scalars` with `replacements` (sorted, not overlapping, as `replacements(_:)` gives them) put in.
    public static func apply(_ replacements: [(range: Range<Int>, tag: String)], to scalars: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var position = 0
        for replacement in replacements {
            out.append(contentsOf: scalars[position..<replacement.range.lowerBound])
            out.append(contentsOf: replacement.tag.unicodeScalars)
            position = replacement.range.upperBound
        }
        out.append(contentsOf: scalars[position...])
        return String(out)
    }

    /// What `mask` replaces, as Unicode-scalar ranges of `scalars` with their tags: sorted, never overlapping. For
    /// callers that must keep other offsets into the text (evidence marks) in step with the masked text.
    public func replacements(_ scalars: [Unicode.Scalar]) -> [(range: Range<Int>, tag: String)] {
        let text = String(String.UnicodeScalarView(scalars))
        var replacements: [(range: Range<Int>, tag: String)] = []
        for entity in EntityScanner.scan(text) {
            switch entity.kind {
            case .email: replacements.append((entity.range, "[email]"))
            case .phone: replacements.append((entity.range, "[phone]"))
            case .card: replacements.append((entity.range, "[card]"))
            case .iban: replacements.append((entity.range, "[iban]"))
            case .accountNumber: replacements.append((entity.range, "[account]"))
            default: break
            }
        }
        replacements += Self.postcodes(scalars).map { ($0, "[postcode]") }
        if !self.handles.isEmpty { replacements += self.handleRanges(scalars).map { ($0, "[name]") } }
        if !self.parts.isEmpty || !self.fullNames.isEmpty { replacements += self.nameRanges(scalars).map { ($0, "[name]") } }
        replacements.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var kept: [(range: Range<Int>, tag: String)] = []
        var position = 0
        for replacement in replacements where replacement.range.lowerBound >= position {
            kept.append(replacement)
            position = replacement.range.upperBound
        }
        return kept
    }

    /// Words of the text (letters and apostrophes) with their ranges and folded form.
    private static func words(_ scalars: [Unicode.Scalar]) -> [(range: Range<Int>, folded: String)] {
        var found: [(Range<Int>, String)] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index].properties.isAlphabetic else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, scalars[end].properties.isAlphabetic || scalars[end] == "'" { end += 1 }
            // A word glued to an underscore or a digit is part of a handle or a code, not a name.
            let glued = (index > 0 && Self.isHandleScalar(scalars[index - 1]) && !scalars[index - 1].properties.isAlphabetic)
                || (end < scalars.count && Self.isHandleScalar(scalars[end]) && !scalars[end].properties.isAlphabetic)
            if !glued, let folded = TextNormalizer.normalizedWords(String(String.UnicodeScalarView(scalars[index..<end]))).first {
                found.append((index..<end, folded))
            }
            index = end
        }
        return found
    }

    private func nameRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        let words = Self.words(scalars)
        var ranges: [Range<Int>] = []
        var i = 0
        while i < words.count {
            var matched = 0
            for name in self.fullNames where i + name.count <= words.count {
                if (0..<name.count).allSatisfy({ words[i + $0].folded == name[$0] }) {
                    matched = name.count
                    break
                }
            }
            if matched > 0 {
                ranges.append(words[i].range.lowerBound..<words[i + matched - 1].range.upperBound)
                i += matched
            } else {
                if self.parts.contains(words[i].folded) { ranges.append(words[i].range) }
                i += 1
            }
        }
        return ranges
    }

    private static func isHandleScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
    }

    /// Whole handle tokens (`@the_wren_nest` or `the_wren_nest`), matched without case.
    private func handleRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            guard Self.isHandleScalar(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, Self.isHandleScalar(scalars[end]) { end += 1 }
            let token = String(String.UnicodeScalarView(scalars[index..<end])).lowercased()
            if self.handles.contains(token) {
                let start = index > 0 && scalars[index - 1] == "@" ? index - 1 : index
                ranges.append(start..<end)
            }
            index = end
        }
        return ranges
    }

    /// UK postcodes ("SW1A 1AA", "m1 1ae"): outward code (area letters, district digit, optional letter or digit),
    /// a space or none, inward code (digit, two letters), standing as their own word.
    static func postcodes(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        func letter(_ i: Int) -> Bool { i < scalars.count && scalars[i].isASCII && scalars[i].properties.isAlphabetic }
        func digit(_ i: Int) -> Bool { i < scalars.count && ("0"..."9").contains(scalars[i]) }
        func boundary(_ i: Int) -> Bool { i < 0 || i >= scalars.count || !(scalars[i].properties.isAlphabetic || digit(i)) }
        var ranges: [Range<Int>] = []
        var i = 0
        while i < scalars.count {
            guard letter(i), boundary(i - 1) else {
                i += 1
                continue
            }
            var j = i + 1
            if letter(j) { j += 1 }
            guard digit(j) else {
                i += 1
                continue
            }
            j += 1
            if letter(j) || digit(j) { j += 1 }
            var k = j
            if k < scalars.count, scalars[k] == " " { k += 1 }
            if digit(k), letter(k + 1), letter(k + 2), boundary(k + 3) {
                ranges.append(i..<(k + 3))
                i = k + 3
            } else {
                i += 1
            }
        }
        return ranges
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
