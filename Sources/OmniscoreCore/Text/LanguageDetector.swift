/// Guesses the language of a conversation from stop words, for interactions whose source did not say.
///
/// Deliberately small: it only has to tell the languages a rubric covers from the ones it does not, and it
/// answers "unknown" rather than guess when the evidence is thin.
public enum LanguageDetector {
    struct Language: Sendable {
        var code: String
        var stopWords: [String]
    }

    static let languages: [Language] = [
        Language(code: "en", stopWords: [
            "the", "and", "you", "your", "with", "have", "this", "that", "what", "would", "please", "thank",
            "thanks", "is", "are", "was", "it", "my", "me", "for", "not", "can", "will", "just", "from", "they",
            "there", "been", "about", "when", "hi", "hello", "im", "ive", "its", "dont", "to", "of", "we", "our",
        ]),
        Language(code: "es", stopWords: [
            "el", "los", "las", "que", "y", "por", "para", "con", "una", "es", "mi", "pero", "como", "gracias",
            "hola", "necesito", "estoy", "muy", "esta", "tengo", "quiero", "cuando", "donde", "usted", "su", "del",
            "al", "lo", "le", "se", "ya", "hace", "pedido", "buenos", "dias",
        ]),
        Language(code: "fr", stopWords: [
            "le", "les", "et", "est", "je", "vous", "pour", "pas", "une", "mon", "avec", "dans", "sur", "merci",
            "bonjour", "commande", "mais", "tres", "cest", "jai", "suis", "votre", "nous", "ai", "ne", "du", "au",
            "des", "qui", "il", "elle", "ma", "ce",
        ]),
        Language(code: "de", stopWords: [
            "der", "die", "das", "und", "ist", "ich", "nicht", "sie", "mit", "mein", "meine", "ein", "eine", "zu",
            "auf", "fur", "danke", "hallo", "bestellung", "aber", "noch", "bitte", "wir", "ihr", "haben", "habe",
            "wurde", "ihre", "ihnen", "es", "den", "dem", "sind", "kann", "guten", "tag",
        ]),
        Language(code: "it", stopWords: [
            "il", "gli", "che", "non", "per", "con", "una", "sono", "mio", "grazie", "ciao", "ordine", "ma",
            "della", "questo", "ho", "buongiorno", "lei", "suo", "nel", "alla", "anche", "come",
        ]),
        Language(code: "pt", stopWords: [
            "os", "que", "nao", "uma", "com", "para", "meu", "obrigado", "obrigada", "voce", "esta", "muito",
            "tenho", "ola", "mas", "isso", "do", "da", "em", "um", "encomenda", "bom", "dia",
        ]),
        Language(code: "nl", stopWords: [
            "het", "een", "en", "ik", "niet", "van", "mijn", "dat", "met", "voor", "bedankt", "bestelling", "maar",
            "wij", "graag", "alstublieft", "heb", "zijn", "wordt", "ook", "nog", "bij", "goedemorgen",
        ]),
    ]

    /// The language codes this detector can tell apart.
    public static var supportedLanguages: [String] { languages.map(\.code) }

    /// The most likely language given stop-word counts per language, or `nil` when there are fewer than three stop
    /// words or two languages are nearly tied.
    static func detect(counts: [Int]) -> String? {
        var best = -1
        var bestCount = 0
        var second = 0
        for (index, count) in counts.enumerated() {
            if count > bestCount {
                second = bestCount
                bestCount = count
                best = index
            } else if count > second {
                second = count
            }
        }
        guard best >= 0, bestCount >= 3, Double(bestCount) >= 1.5 * Double(second) else { return nil }
        return languages[best].code
    }
}
