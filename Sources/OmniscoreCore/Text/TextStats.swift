/// Surface features of one message, counted while it is normalised: what tone and style checks need beyond words.
public struct TextStats: Sendable, Hashable {
    /// Unicode scalars in the original text (the unit of evidence offsets).
    public var scalars: Int32 = 0
    /// Words after normalisation.
    public var words: Int32 = 0
    /// Letters, and how many of them are upper case.
    public var letters: Int32 = 0
    public var uppercaseLetters: Int32 = 0
    /// `!` and `?` characters.
    public var exclamations: Int32 = 0
    public var questions: Int32 = 0
    /// The longest run of `!` and `?` characters, such as 3 for "?!!".
    public var longestPunctuationRun: Int32 = 0
    /// Emoji, counting a joined sequence (family, flag, skin tone) once.
    public var emoji: Int32 = 0
    /// Scalar offset of the first emoji.
    public var firstEmoji: Int32 = -1
    /// The first run of two or more consecutive all-capital words with at least one of four letters or more
    /// ("PLEASE HELP", not "UPS ID"): shouting. Scalar offsets, end exclusive.
    public var shouting: Range<Int32>? = nil
    /// All-capital words of two letters or more.
    public var capitalWords: Int32 = 0

    public init() {}

    /// The share of letters in upper case, 0 when there are no letters.
    public var uppercaseRatio: Double {
        self.letters == 0 ? 0 : Double(self.uppercaseLetters) / Double(self.letters)
    }
}
