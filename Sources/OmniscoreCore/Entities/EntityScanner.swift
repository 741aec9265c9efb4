/// Finds e-mail addresses, phone numbers, order and account numbers, money amounts, card numbers (Luhn-checked)
/// and IBANs (checksum-checked) in free text, with hand-written rules rather than regular expressions so a
/// message costs one pass.
public enum EntityScanner {
    /// Every entity in `text`, in order of position. Overlaps are resolved in favour of the earlier, longer one.
    public static func scan(_ text: String) -> [Entity] {
        // Every entity holds a digit or an "@": most messages have neither and cost one byte loop.
        let candidate = text.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains { ($0 >= 48 && $0 <= 57) || $0 == 64 } }
            ?? text.utf8.contains { ($0 >= 48 && $0 <= 57) || $0 == 64 }
        guard candidate else { return [] }
        let scalars = Array(text.unicodeScalars)
        var entities: [Entity] = []
        var index = 0
        var recent = RecentWords()  // the three words before the current position
        while index < scalars.count {
            let c = scalars[index]
            if isSpace(c) {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, !isSpace(scalars[end]) { end += 1 }
            let consumed = self.recognise(scalars, token: index..<end, context: recent, into: &entities)
            let next = max(end, consumed)
            recent.push(index..<end)
            index = next
        }
        return entities
    }

    /// The last three words, as ranges; their keyword classes are only worked out when a number needs them
    /// (most words are not next to one).
    struct RecentWords {
        private var words: (Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0)

        mutating func push(_ word: Range<Int>) {
            self.words = (self.words.1, self.words.2, word)
        }

        func contains(_ keyword: Keyword, in s: [Unicode.Scalar]) -> Bool {
            func matches(_ word: Range<Int>) -> Bool { !word.isEmpty && Keyword(s[word]) == keyword }
            return matches(self.words.0) || matches(self.words.1) || matches(self.words.2)
        }
    }

    /// What a word before a number says about it, without allocating a string per word.
    enum Keyword: Sendable {
        case order
        case account
        case number
        case other

        init(_ word: ArraySlice<Unicode.Scalar>) {
            // Up to 8 lower-case ASCII letters (and "#"), packed first byte highest, so a prefix test is a mask.
            var packed: UInt64 = 0
            var count = 0
            for c in word where c.value < 128 {
                var b = UInt8(c.value)
                if b >= 65 && b <= 90 { b |= 0x20 } else if !((b >= 97 && b <= 122) || b == 35) { continue }
                packed |= UInt64(b) << (56 - 8 * count)
                count += 1
                if count == 8 { break }
            }
            func starts(_ prefix: StaticString) -> Bool {
                let length = prefix.utf8CodeUnitCount
                guard length <= count else { return false }
                var wanted: UInt64 = 0
                for k in 0..<length { wanted |= UInt64(prefix.utf8Start[k]) << (56 - 8 * k) }
                let mask: UInt64 = length == 8 ? ~0 : ~(~0 >> (8 * length))
                return packed & mask == wanted
            }
            if starts("order") || starts("ref") || starts("booking") || starts("tracking") || starts("#") || starts("case") {
                self = .order
            } else if starts("account") || starts("acct") || starts("policy") || starts("member") {
                self = .account
            } else if (count == 2 && starts("no")) || starts("number") {
                self = .number
            } else {
                self = .other
            }
        }
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\n" || c == "\t" || c == "\r" || c.value == 0xA0
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122)
    }

    private static func isLeadingPunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "(", "[", "\"", "'", "<", "“", "‘", ":": return true
        default: return false
        }
    }

    private static func isTrailingPunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ")", "]", "\"", "'", ">", ".", ",", ";", ":", "!", "?", "”", "’": return true
        default: return false
        }
    }

    private static func isCurrencySymbol(_ c: Unicode.Scalar) -> Bool {
        c == "£" || c == "$" || c == "€"
    }

    /// EUR, USD, GBP, CHF in any case.
    private static func isCurrencyCode(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard word.count == 3, word.allSatisfy(isASCIILetter) else { return false }
        var code: UInt32 = 0
        for c in word { code = code << 8 | (c.value | 0x20) }
        func packed(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar) -> UInt32 { a.value << 16 | b.value << 8 | c.value }
        return code == packed("e", "u", "r") || code == packed("u", "s", "d") || code == packed("g", "b", "p") || code == packed("c", "h", "f")
    }

    /// Recognises an entity starting at the token; returns the scalar index up to which input was consumed.
    private static func recognise(_ s: [Unicode.Scalar], token: Range<Int>, context recent: RecentWords, into entities: inout [Entity]) -> Int {
        var lower = token.lowerBound
        var upper = token.upperBound
        // Trim surrounding punctuation: quotes, brackets, trailing full stops and commas.
        while lower < upper, isLeadingPunctuation(s[lower]) { lower += 1 }
        while upper > lower, isTrailingPunctuation(s[upper - 1]) { upper -= 1 }
        guard lower < upper else { return token.upperBound }
        let word = s[lower..<upper]

        // E-mail address.
        if let at = word.firstIndex(of: "@"), at > lower, at < upper - 1 {
            let domain = s[(at + 1)..<upper]
            if domain.contains("."), domain.last != ".",
                word.allSatisfy({ isASCIILetter($0) || isDigit($0) || "._%+-@".unicodeScalars.contains($0) })
            {
                entities.append(Entity(kind: .email, range: lower..<upper))
                return token.upperBound
            }
        }

        // Money: a currency symbol or code next to a number.
        if isCurrencySymbol(word.first!) || (word.count > 1 && isCurrencySymbol(word.last!) && isDigit(word.first!)) {
            let digits = word.filter { !isCurrencySymbol($0) }
            if let amount = parseAmount(Array(digits)) {
                entities.append(Entity(kind: .money, range: lower..<upper, amount: amount))
                return token.upperBound
            }
        }
        if isDigit(word.first!), let amount = parseAmount(Array(word)) {
            // "600 EUR", "1,200 pounds"
            if let (unitEnd, isCurrency) = nextWord(s, after: token.upperBound), isCurrency {
                entities.append(Entity(kind: .money, range: lower..<unitEnd, amount: amount))
                return unitEnd
            }
        }
        if isCurrencyCode(word) {
            if let (numberRange, amount) = nextNumber(s, after: token.upperBound) {
                entities.append(Entity(kind: .money, range: lower..<numberRange.upperBound, amount: amount))
                return numberRange.upperBound
            }
        }

        // Digit groups possibly spanning several tokens: cards, phones, IBANs, long numbers.
        if isDigit(word.first!) || word.first! == "+" || (word.first! == "(" && word.count > 1) {
            let (groupEnd, digits) = digitGroup(s, from: lower)
            if digits.count >= 13 && digits.count <= 19 && luhn(digits) && !(s[lower] == "+") {
                entities.append(Entity(kind: .card, range: lower..<groupEnd))
                return groupEnd
            }
            // A long digit run that fails Luhn is one number, not a card: do not rescan its tail as a phone.
            if digits.count > 15 && !(s[lower] == "+") { return groupEnd }
            if digits.count >= 9 && digits.count <= 15 && !looksLikeDate(s[lower..<groupEnd]) {
                if recent.contains(.order, in: s) {
                    entities.append(Entity(kind: .orderNumber, range: lower..<groupEnd, key: String(String.UnicodeScalarView(digits))))
                } else if recent.contains(.account, in: s) {
                    entities.append(Entity(kind: .accountNumber, range: lower..<groupEnd, key: String(String.UnicodeScalarView(digits))))
                } else {
                    entities.append(Entity(kind: .phone, range: lower..<groupEnd))
                }
                return groupEnd
            }
        }

        // IBAN: two letters, two digits, then 11-30 letters and digits, possibly in groups of four.
        if word.count >= 4, isASCIILetter(word.first!), isASCIILetter(word[lower + 1]), isDigit(word[lower + 2]), isDigit(word[lower + 3]) {
            if let ibanEnd = iban(s, from: lower) {
                entities.append(Entity(kind: .iban, range: lower..<ibanEnd))
                return ibanEnd
            }
        }

        // Order numbers: "LK-483920", "#483920", "A1234567"; or a bare 5-12 digit number after "order"/"ref".
        var letters = 0
        var digitCount = 0
        var other = 0
        for c in word {
            if isASCIILetter(c) { letters += 1 } else if isDigit(c) { digitCount += 1 } else if c != "-" && c != "#" { other += 1 }
        }
        if other == 0, digitCount >= 4, letters <= 4 {
            // "LK-483920", "#483920"; and codes that start with digits but hold a hyphen and a letter: "4471-DX".
            let prefixed = word.first! == "#" || (letters > 0 && (isASCIILetter(word.first!) || word.contains("-")))
            let numeric = letters == 0 && digitCount >= 5 && digitCount <= 12
            if prefixed || (numeric && (recent.contains(.order, in: s) || recent.contains(.number, in: s))) {
                let key = String(String.UnicodeScalarView(word.filter { isASCIILetter($0) || isDigit($0) })).uppercased()
                entities.append(Entity(kind: .orderNumber, range: lower..<upper, key: key))
            } else if numeric, recent.contains(.account, in: s) {
                let key = String(String.UnicodeScalarView(word.filter { isDigit($0) }))
                entities.append(Entity(kind: .accountNumber, range: lower..<upper, key: key))
            }
        }
        return token.upperBound
    }

    private static func looksLikeDate(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        // 2026-10-03 or 03/10/2026: two separators of the same kind and a four-digit year.
        let separators = s.filter { $0 == "-" || $0 == "/" || $0 == "." }
        return separators.count == 2 && s.count == 10
    }

    /// Digits (and separators) of a group like "+44 7700 900123", "4111 1111 1111 1111" or "(555) 010-0199".
    private static func digitGroup(_ s: [Unicode.Scalar], from start: Int) -> (Int, [Unicode.Scalar]) {
        var index = start
        var digits: [Unicode.Scalar] = []
        var lastDigitEnd = start
        while index < s.count {
            let c = s[index]
            if isDigit(c) {
                digits.append(c)
                index += 1
                lastDigitEnd = index
            } else if c == "+" && index == start {
                index += 1
            } else if c == " " || c == "-" || c == "(" || c == ")" || c == "." {
                // A separator continues the group only when a digit (or an opening bracket) follows.
                guard index + 1 < s.count, isDigit(s[index + 1]) || (c == " " && s[index + 1] == "(") else { break }
                if c == "." && digits.count < 3 { break }  // 12.50 is an amount, not a phone number
                index += 1
            } else {
                break
            }
            if digits.count > 19 { break }
        }
        return (lastDigitEnd, digits)
    }

    private static func luhn(_ digits: [Unicode.Scalar]) -> Bool {
        var sum = 0
        for (offset, c) in digits.reversed().enumerated() {
            var d = Int(c.value - 48)
            if offset % 2 == 1 {
                d *= 2
                if d > 9 { d -= 9 }
            }
            sum += d
        }
        return sum % 10 == 0
    }

    private static func iban(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var chars: [Unicode.Scalar] = []
        var index = start
        var end = start
        while index < s.count, chars.count < 34 {
            let c = s[index]
            if isASCIILetter(c) || isDigit(c) {
                chars.append(c)
                index += 1
                end = index
            } else if c == " ", index + 1 < s.count, isASCIILetter(s[index + 1]) || isDigit(s[index + 1]), chars.count % 4 == 0 {
                index += 1
            } else {
                break
            }
        }
        guard chars.count >= 15, isDigit(chars[2]), isDigit(chars[3]) else { return nil }
        // ISO 13616 check: move the first four characters to the end, letters to 10...35, mod 97 == 1.
        var remainder = 0
        for c in chars[4...] + chars[..<4] {
            let value: Int
            if isDigit(c) { value = Int(c.value - 48) } else { value = Int(Character(c).uppercased().unicodeScalars.first!.value) - 55 }
            if value >= 10 {
                remainder = (remainder * 100 + value) % 97
            } else {
                remainder = (remainder * 10 + value) % 97
            }
        }
        return remainder == 1 ? end : nil
    }

    /// "1,200.50" -> 1200.5; "1.200,50" -> 1200.5; "600" -> 600.
    static func parseAmount(_ chars: [Unicode.Scalar]) -> Double? {
        var trimmed = chars
        while let last = trimmed.last, !isDigit(last) { trimmed.removeLast() }
        guard !trimmed.isEmpty, trimmed.allSatisfy({ isDigit($0) || $0 == "," || $0 == "." }), isDigit(trimmed[0]) else {
            return nil
        }
        let lastSeparator = trimmed.lastIndex { $0 == "," || $0 == "." }
        var integer = ""
        var fraction = ""
        if let sep = lastSeparator, trimmed.count - sep - 1 <= 2 {
            integer = String(String.UnicodeScalarView(trimmed[..<sep].filter(isDigit)))
            fraction = String(String.UnicodeScalarView(trimmed[(sep + 1)...]))
        } else {
            integer = String(String.UnicodeScalarView(trimmed.filter(isDigit)))
        }
        guard integer.count <= 12 else { return nil }
        return Double(integer + (fraction.isEmpty ? "" : "." + fraction))
    }

    private static func nextWord(_ s: [Unicode.Scalar], after index: Int) -> (Int, Bool)? {
        var start = index
        while start < s.count, isSpace(s[start]) { start += 1 }
        var end = start
        while end < s.count, isASCIILetter(s[end]) || isCurrencySymbol(s[end]) { end += 1 }
        guard end > start else { return nil }
        let word = String(String.UnicodeScalarView(s[start..<end])).lowercased()
        return (end, currencyWords.contains(word))
    }

    private static func nextNumber(_ s: [Unicode.Scalar], after index: Int) -> (Range<Int>, Double)? {
        var start = index
        while start < s.count, isSpace(s[start]) { start += 1 }
        var end = start
        while end < s.count, isDigit(s[end]) || s[end] == "," || s[end] == "." { end += 1 }
        guard end > start, let amount = parseAmount(Array(s[start..<end])) else { return nil }
        return (start..<end, amount)
    }

    private static let currencyWords: Set<String> = [
        "eur", "euro", "euros", "usd", "dollar", "dollars", "gbp", "pound", "pounds", "quid", "bucks", "€", "£", "$", "chf",
    ]
}
