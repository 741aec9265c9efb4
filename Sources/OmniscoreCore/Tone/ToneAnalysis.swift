/// Per-message tone measures of one interaction: politeness of agent and bot messages, frustration of customer
/// messages, sentiment of every message; plus the interaction-level blends reported in `ToneSummary`.
struct ToneAnalysis: Sendable {
    /// 0-1 for agent and bot messages, `nil` for others.
    var politeness: [Double?]
    /// 0-1 for customer messages, `nil` for others.
    var frustration: [Double?]
    /// VADER-style compound sentiment, -1 ... 1, every message.
    var sentiment: [Double]
    /// Messages with an empathy phrase (built-in or the voice guide's).
    var hasEmpathy: [Bool]
    /// Hits of the voice guide's banned and avoided lists, and of its preferred lists, per message.
    var voiceViolations: [Int]
    var preferredTerms: [Int]

    /// Politeness of each category's occurrences saturates: the second "thank you" adds half, the fourth nothing.
    @inline(__always)
    static func saturated(_ count: Int) -> Double {
        count == 0 ? 0 : 1 + 0.5 * Double(min(count, 3) - 1)
    }

    static func logistic(_ x: Double) -> Double { 1 / (1 + Math.exp(-x)) }

    init(interaction: Interaction, text: InteractionText, hits: PhraseHits, voice: VoiceGuide, lexiconBase: Int) {
        let count = interaction.messages.count
        let categories = ToneLexicon.Category.allCases.count
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

        self.sentiment = ToneAnalysis.sentiment(text: text, messageCount: count)
        self.politeness = Array(repeating: nil, count: count)
        self.frustration = Array(repeating: nil, count: count)
        self.hasEmpathy = Array(repeating: false, count: count)
        self.voiceViolations = zip(banned, avoided).map { $0 + $1 }
        self.preferredTerms = preferred

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
                for category in ToneLexicon.Category.allCases {
                    let weight = ToneLexicon.politenessWeight(category)
                    guard weight != 0 else { continue }
                    var occurrences = category == .empathy ? empathyCount : n(category)
                    if category == .imperative && n(.please) > 0 { occurrences = 0 }  // "Please send ..." is a request
                    let contribution = weight * ToneAnalysis.saturated(occurrences)
                    raw += contribution
                    if contribution > 0 { courtesy += contribution }
                }
                raw += 0.6 * self.sentiment[index]
                raw -= 1.8 * ToneAnalysis.saturated(banned[index])
                raw -= 0.6 * ToneAnalysis.saturated(avoided[index])  // bureaucratic jargon reads as cold
                raw += 0.2 * ToneAnalysis.saturated(preferred[index])
                if stats.shouting != nil { raw -= 1.2 }
                if stats.words <= 6 && courtesy == 0 { raw -= 0.6 }  // "Wait." "Done." "Send it."
                // A purely informational message sits a little below the middle: warmth has to be shown.
                self.politeness[index] = ToneAnalysis.logistic(1.1 * raw - 0.3)
            case .customer:
                var raw = 0.0
                let sarcastic = n(.sarcasm) > 0
                for category in ToneLexicon.Category.allCases {
                    let weight = ToneLexicon.frustrationWeight(category)
                    guard weight != 0 else { continue }
                    // "Thanks for nothing", "Oh great": sarcasm turns thanks and praise around.
                    if sarcastic && weight < 0 { continue }
                    raw += weight * ToneAnalysis.saturated(n(category))
                }
                raw += 0.9 * frustrationExtra[index]
                let s = self.sentiment[index]
                raw += s < 0 ? -1.2 * s : (sarcastic ? 0 : -0.4 * s)
                if stats.shouting != nil { raw += 1.0 }
                if stats.letters >= 12 && stats.uppercaseRatio > 0.6 { raw += 0.6 }
                if stats.exclamations >= 2 { raw += 0.4 }
                if stats.longestPunctuationRun >= 2 { raw += 0.3 }
                // One clear marker ("fed up", "really worried") is enough to read as frustrated.
                self.frustration[index] = ToneAnalysis.logistic(1.5 * (raw - 0.6))
            case .system:
                break
            }
        }
    }

    /// Compound sentiment per message from the word lexicon, with VADER's negation ("not good"), intensifier
    /// ("very bad") and exclamation rules.
    static func sentiment(text: InteractionText, messageCount: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: messageCount)
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
        return result
    }
}
