/// A word of a message that the built-in word lexicon knows: a sentiment valence, a negator, an intensifier or a
/// stop word of some language.
struct WordFeature: Sendable {
    /// Index of the message in the interaction.
    var message: Int32
    /// 1-based index of the word in the normalised message.
    var word: Int32
    /// What the lexicon says about it.
    var entry: WordLexicon.Entry
}
