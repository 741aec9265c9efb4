/// Per-message tone measures of one interaction: politeness of agent and bot messages, frustration of customer
/// messages, sentiment of every message; plus the interaction-level blends reported in `ToneSummary`.
struct ToneAnalysis: Sendable {
    /// 0-1 for agent and bot messages, `nil` for others.
    var politeness: [Double?]
    /// 0-1 for customer messages, `nil` for others.
    var frustration: [Double?]
    /// 0-1 for customer messages: annoyance with the company (anger, sarcasm, impatience, repetition, hostility),
    /// without the distress and sadness that frustration also counts; what escalation need reads.
    var annoyance: [Double?]
    /// VADER-style compound sentiment, -1 ... 1, every message.
    var sentiment: [Double]
    /// Messages with an empathy phrase (built-in or the voice guide's).
    var hasEmpathy: [Bool]
    /// Hits of the voice guide's banned and avoided lists, and of its preferred lists, per message.
    var voiceViolations: [Int]
    var preferredTerms: [Int]
    /// Occurrences of each built-in category per message: `counts[message * categories + category]`.
    let counts: [Int]
    /// Hits of the voice guide's banned and avoided lists per message, for the politeness features.
    let banned: [Int]
    let avoided: [Int]
    /// Empathy phrases per message, built-in and the voice guide's.
    let empathyCounts: [Int]
    /// The sum of the negative word valences of each message (VADER units, <= 0): context for irony.
    let negativeValence: [Double]

    static let categoryCount = ToneLexicon.Category.allCases.count

    /// Politeness of each category's occurrences saturates: the second "thank you" adds half, the fourth nothing.
    @inline(__always)
    static func saturated(_ count: Int) -> Double {
        count == 0 ? 0 : 1 + 0.5 * Double(min(count, 3) - 1)
    }

    static func logistic(_ x: Double) -> Double { 1 / (1 + Math.exp(-x)) }

    /// Occurrences of `category` in message `index`.
    @inline(__always)
    func count(_ category: ToneLexicon.Category, in index: Int) -> Int {
        self.counts[index * ToneAnalysis.categoryCount + category.rawValue]
    }

    init(interaction: Interaction, text: InteractionText, hits: PhraseHits, voice: VoiceGuide, lexiconBase: Int, politenessModel: SignalModel = .defaults(.politeness)) {
        let count = interaction.messages.count
        let categories = ToneAnalysis.categoryCount
        // Occurrences per message and category; the imperative category only counts when it opens the message.
        var counts = [Int](repeating: 0, count: count * categories)
        for category in ToneLexicon.Category.allCases {
            for hit in hits[list: lexiconBase + category.rawValue] {
                if (category == .imperative || category == .bluntNo) && hit.firstWord != 1 { continue }
                counts[Int(hit.message) * categories + category.rawValue] += 1
            }
        }
        var empathyExtra = [Int](repeating: 0, count: count)
        var banned = [Int](repeating: 0, count: count)
        var avoided = [Int](repeating: 0, count: count)
        var preferred = [Int](repeating: 0, count: count)
        var frustrationExtra = [Double](repeating: 0, count: count)
        for list in voice.empathy { for hit in hits[list: list] { empathyExtra[Int(hit.message)] += 1 } }
        for list in voice.banned { for hit in hits[list: list] { banned[Int(hit.message)] += 1 } }
        for list in voice.avoided { for hit in hits[list: list] { avoided[Int(hit.message)] += 1 } }
        for list in voice.preferred { for hit in hits[list: list] { preferred[Int(hit.message)] += 1 } }
        for list in voice.frustration { for hit in hits[list: list] { frustrationExtra[Int(hit.message)] += hit.weight } }

        let (sentiment, negative) = ToneAnalysis.sentiment(text: text, messageCount: count)
        self.sentiment = sentiment
        self.negativeValence = negative
        self.politeness = Array(repeating: nil, count: count)
        self.frustration = Array(repeating: nil, count: count)
        self.annoyance = Array(repeating: nil, count: count)
        self.hasEmpathy = Array(repeating: false, count: count)
        self.voiceViolations = zip(banned, avoided).map { $0 + $1 }
        self.preferredTerms = preferred
        self.banned = banned
        self.avoided = avoided
        self.counts = counts
        self.empathyCounts = zip(0..<count, empathyExtra).map { counts[$0 * categories + ToneLexicon.Category.empathy.rawValue] + $1 }

        let politenessCategories = SignalModel.politenessCategories
        let extras = politenessCategories.count
        for (index, message) in interaction.messages.enumerated() {
            let stats = text.stats[index]
            let base = index * categories
            func n(_ category: ToneLexicon.Category) -> Int { counts[base + category.rawValue] }
            let empathyCount = n(.empathy) + empathyExtra[index]
            self.hasEmpathy[index] = empathyCount > 0
            switch message.role {
            case .agent, .bot:
                var raw = 0.0
                var courtesy = 0.0
                let weights = politenessModel.weights
                // An eye-roll or a smirk is irony in a picture.
                let rolledEyes = stats.emoji > 0 && ToneAnalysis.hasEyeRoll(message.text) ? 1 : 0
                for (k, category) in politenessCategories.enumerated() {
                    var occurrences = category == .empathy ? empathyCount : n(category)
                    if category == .irony { occurrences += rolledEyes }
                    if category == .imperative && n(.please) > 0 { occurrences = 0 }  // "Please send ..." is a request
                    let contribution = weights[k] * ToneAnalysis.saturated(occurrences)
                    raw += contribution
                    if contribution > 0 { courtesy += contribution }
                }
                raw += weights[extras] * sentiment[index]
                raw += weights[extras + 1] * ToneAnalysis.saturated(banned[index])
                raw += weights[extras + 2] * ToneAnalysis.saturated(avoided[index])  // bureaucratic jargon reads as cold
                raw += weights[extras + 3] * ToneAnalysis.saturated(preferred[index])
                if stats.shouting != nil { raw += weights[extras + 4] }
                if stats.words <= 6 && courtesy == 0 { raw += weights[extras + 5] }  // "Wait." "Done." "Send it."
                self.politeness[index] = ToneAnalysis.logistic(politenessModel.scale * raw + politenessModel.bias)
            case .customer:
                var raw = 0.0
                // Praise reads as sarcasm only in a negative context: "Oh great, it's broken again" is, "Oh lovely.
                // Will they need a signature?" is not.
                let negativeContext = n(.anger) + n(.repetition) + n(.distress) + n(.profanity) + n(.insult) + n(.threat) + n(.impatience) > 0
                    || negative[index] <= -1.0
                let sarcastic = n(.sarcasm) > 0 || n(.irony) > 0 || (n(.ironicPraise) > 0 && negativeContext)
                for category in ToneLexicon.Category.allCases {
                    let weight = ToneLexicon.frustrationWeight(category)
                    guard weight != 0 else { continue }
                    // "Thanks for nothing", "Oh great": sarcasm turns thanks and praise around.
                    if sarcastic && weight < 0 { continue }
                    raw += weight * ToneAnalysis.saturated(n(category))
                }
                if sarcastic && n(.sarcasm) == 0 && n(.irony) == 0 { raw += 0.9 }  // ironic praise
                if !sarcastic && n(.ironicPraise) > 0 && n(.positive) == 0 { raw -= 0.5 }  // sincere praise
                raw += 0.9 * frustrationExtra[index]
                let s = sentiment[index]
                raw += s < 0 ? -1.2 * s : (sarcastic ? 0 : -0.4 * s)
                if stats.shouting != nil { raw += 1.0 }
                if stats.letters >= 12 && stats.uppercaseRatio > 0.6 { raw += 0.6 }
                if stats.exclamations >= 2 { raw += 0.4 }
                if stats.longestPunctuationRun >= 2 { raw += 0.3 }
                // One clear marker ("fed up", "really worried") is enough to read as frustrated.
                self.frustration[index] = ToneAnalysis.logistic(1.5 * (raw - 0.6))
                var annoyed = 0.0
                for category in ToneLexicon.Category.allCases {
                    let weight = ToneLexicon.annoyanceWeight(category)
                    guard weight != 0 else { continue }
                    if sarcastic && weight < 0 { continue }
                    annoyed += weight * ToneAnalysis.saturated(n(category))
                }
                if sarcastic && n(.sarcasm) == 0 && n(.irony) == 0 { annoyed += 0.9 }
                annoyed += 0.5 * frustrationExtra[index]
                annoyed += s < 0 ? -0.6 * s : (sarcastic ? 0 : -0.4 * s)
                if stats.shouting != nil { annoyed += 1.0 }
                if stats.letters >= 12 && stats.uppercaseRatio > 0.6 { annoyed += 0.6 }
                if stats.exclamations >= 2 { annoyed += 0.3 }
                if stats.longestPunctuationRun >= 2 { annoyed += 0.3 }
                self.annoyance[index] = ToneAnalysis.logistic(1.5 * (annoyed - 0.6))
            case .system:
                break
            }
        }
    }

    /// Emoji that read as contempt from an agent: face with rolling eyes, unamused, smirking, facepalm.
    static func hasEyeRoll(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value == 0x1F644 || $0.value == 0x1F612 || $0.value == 0x1F60F || $0.value == 0x1F926 }
    }

    /// The politeness features of agent or bot message `index`, in the order of `SignalModel.Kind.politeness`:
    /// what `omniscore rubric fit` learns the politeness weights from.
    func politenessFeatures(message index: Int, stats: TextStats, positiveWeights: [Double]) -> [Double] {
        var features: [Double] = []
        var courtesy = 0.0
        let please = self.count(.please, in: index) > 0
        for (k, category) in SignalModel.politenessCategories.enumerated() {
            var occurrences = category == .empathy ? self.empathyCounts[index] : self.count(category, in: index)
            if category == .imperative && please { occurrences = 0 }
            let value = ToneAnalysis.saturated(occurrences)
            if positiveWeights[k] > 0 { courtesy += positiveWeights[k] * value }
            features.append(value)
        }
        features.append(self.sentiment[index])
        features.append(ToneAnalysis.saturated(self.banned[index]))
        features.append(ToneAnalysis.saturated(self.avoided[index]))
        features.append(ToneAnalysis.saturated(self.preferredTerms[index]))
        features.append(stats.shouting != nil ? 1 : 0)
        features.append(stats.words <= 6 && courtesy == 0 ? 1 : 0)
        return features
    }

    /// Compound sentiment per message from the word lexicon, with VADER's negation ("not good"), intensifier
    /// ("very bad") and exclamation rules.
    static func sentiment(text: InteractionText, messageCount: Int) -> (compound: [Double], negative: [Double]) {
        var sums = [Double](repeating: 0, count: messageCount)
        var negatives = [Double](repeating: 0, count: messageCount)
        let features = text.features
        var index = 0
        while index < features.count {
            let feature = features[index]
            if feature.entry.valence != 0 {
                var value = Double(feature.entry.valence)
                // Look back up to three words in the same message.
                var back = index - 1
                while back >= 0, features[back].message == feature.message, feature.word - features[back].word <= 3 {
                    let previous = features[back]
                    let distance = feature.word - previous.word
                    if previous.entry.flags.contains(.negator) { value *= -0.74 }
                    if distance <= 2 && previous.entry.flags.contains(.intensifier) { value += value > 0 ? 0.293 : -0.293 }
                    if distance <= 2 && previous.entry.flags.contains(.dampener) { value -= value > 0 ? 0.293 : -0.293 }
                    back -= 1
                }
                sums[Int(feature.message)] += value
                if value < 0 { negatives[Int(feature.message)] += value }
            }
            index += 1
        }
        var result = [Double](repeating: 0, count: messageCount)
        for m in 0..<messageCount {
            var s = sums[m]
            guard s != 0 else { continue }
            let exclamations = Double(min(text.stats[m].exclamations, 4))
            s += s > 0 ? 0.292 * exclamations : -0.292 * exclamations
            result[m] = s / (s * s + 15).squareRoot()
        }
        return (result, negatives)
    }
}
