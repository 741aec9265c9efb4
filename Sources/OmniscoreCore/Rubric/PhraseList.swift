/// A named list of phrases in the syntax of `PhraseSyntax`.
public struct PhraseList: Sendable, Hashable {
    public var id: String
    public var description: String
    public var phrases: [Phrase]

    public init(id: String, description: String = "", phrases: [Phrase]) {
        self.id = id
        self.description = description
        self.phrases = phrases
    }
}

/// One phrase of a list, with an optional weight for lexicon-style use (tone).
public struct Phrase: Sendable, Hashable {
    public var text: String
    public var weight: Double

    public init(_ text: String, weight: Double = 1) {
        self.text = text
        self.weight = weight
    }
}
