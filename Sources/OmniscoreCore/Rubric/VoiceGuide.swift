/// The company's voice guide as the tone model uses it: which phrase lists are empathy, banned language, jargon,
/// slang, preferred terms and customer frustration markers, plus the weights of the continuous tone score.
///
/// The built-in English tone lexicons (gratitude, apology, hedges, condescension, anger, ...) always apply; these
/// lists add the company's own terms on top.
public struct VoiceGuide: Sendable, Hashable {
    /// Phrase lists (indices into `Rubric.phraseLists`) by role.
    public var empathy: [Int]
    public var banned: [Int]
    public var avoided: [Int]
    public var preferred: [Int]
    public var frustration: [Int]
    /// Customer frustration (0-1) at or above which a message counts as frustrated.
    public var frustratedThreshold: Double
    public var weights: ToneWeights

    public init(
        empathy: [Int] = [],
        banned: [Int] = [],
        avoided: [Int] = [],
        preferred: [Int] = [],
        frustration: [Int] = [],
        frustratedThreshold: Double = 0.5,
        weights: ToneWeights = ToneWeights()
    ) {
        self.empathy = empathy
        self.banned = banned
        self.avoided = avoided
        self.preferred = preferred
        self.frustration = frustration
        self.frustratedThreshold = frustratedThreshold
        self.weights = weights
    }
}

/// Weights of the components of the 0-100 tone score; components that do not apply are left out and the rest
/// renormalised.
public struct ToneWeights: Sendable, Hashable {
    public var politeness: Double
    public var voice: Double
    public var empathy: Double
    public var consistency: Double
    public var style: Double

    public init(politeness: Double = 0.5, voice: Double = 0.15, empathy: Double = 0.15, consistency: Double = 0.1, style: Double = 0.1) {
        self.politeness = politeness
        self.voice = voice
        self.empathy = empathy
        self.consistency = consistency
        self.style = style
    }
}
