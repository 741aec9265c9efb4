/// Masks personal data in text shown outside the database: e-mail addresses, phone numbers, card numbers
/// (Luhn-checked), IBANs, account numbers, and the names of known customers (whole words, any case).
public struct PIIMasker: Sendable {
    private let names: Set<String>

    /// - Parameter names: full names of customers; each part of three letters or more is masked on its own too.
    public init(names: [String] = []) {
        var parts: Set<String> = []
        for name in names {
            for word in TextNormalizer.normalizedWords(name) where word.count >= 3 { parts.insert(word) }
        }
        self.names = parts
    }

    /// `text` with each entity replaced by a tag such as `[email]`, `[card]` or `[name]`.
    public func mask(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
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
        if !self.names.isEmpty {
            var index = 0
            while index < scalars.count {
                guard scalars[index].properties.isAlphabetic else {
                    index += 1
                    continue
                }
                var end = index
                while end < scalars.count, scalars[end].properties.isAlphabetic || scalars[end] == "'" { end += 1 }
                let word = String(String.UnicodeScalarView(scalars[index..<end]))
                if let folded = TextNormalizer.normalizedWords(word).first, self.names.contains(folded),
                    !replacements.contains(where: { $0.range.overlaps(index..<end) })
                {
                    replacements.append((index..<end, "[name]"))
                }
                index = end
            }
        }
        guard !replacements.isEmpty else { return text }
        replacements.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out = String.UnicodeScalarView()
        var position = 0
        for replacement in replacements where replacement.range.lowerBound >= position {
            out.append(contentsOf: scalars[position..<replacement.range.lowerBound])
            out.append(contentsOf: replacement.tag.unicodeScalars)
            position = replacement.range.upperBound
        }
        out.append(contentsOf: scalars[position...])
        return String(out)
    }
}
