/// A scorecard written by a QA lead: sections of weighted criteria, each a check over an interaction.
///
/// Rubrics are values: build one with the XML loader in `OmniscoreRubrics`, or in code for tests. The scorer
/// pins every scorecard to `id`, `version` and `sha256`.
public struct Rubric: Sendable, Hashable {
    /// Stable identifier, for example `omnichannel-standard`.
    public var id: String
    /// The author's version label, for example `1.2.0`.
    public var version: String
    public var title: String
    public var description: String
    /// SHA-256 of the canonical rubric bytes (hex), set by the loader; empty for rubrics built in code.
    public var sha256: String
    /// Language codes the rubric's phrases cover; empty means any language.
    public var languages: [String]
    /// Channels the rubric scores; others are `not_scored` as `unsupported_channel`.
    public var channels: Set<Channel>
    /// When set, interactions for which this check does not pass are `not_scored` as `out_of_scope`.
    public var scope: Check?
    /// A human description of the scope, for reasons and explanations.
    public var scopeDescription: String
    public var scoring: ScoringRules
    /// Named phrase lists, referenced by index from checks.
    public var phraseLists: [PhraseList]
    public var voice: VoiceGuide
    public var escalationPolicy: EscalationPolicy?
    /// How far back journey checks look by default.
    public var journeyWindow: Duration
    public var sections: [Section]
    /// The models behind politeness, `escalation.need` and `customer.outcome`.
    public var signals: SignalModels
    /// Contrastive pairs: the rubric's tests that it tells a better interaction from a worse one.
    public var pairs: [RubricPair]

    public init(
        id: String,
        version: String,
        title: String = "",
        description: String = "",
        sha256: String = "",
        languages: [String] = ["en"],
        channels: Set<Channel> = Set(Channel.allCases),
        scope: Check? = nil,
        scopeDescription: String = "",
        scoring: ScoringRules = ScoringRules(),
        phraseLists: [PhraseList] = [],
        voice: VoiceGuide = VoiceGuide(),
        escalationPolicy: EscalationPolicy? = nil,
        journeyWindow: Duration = .seconds(30 * 86400),
        sections: [Section] = [],
        signals: SignalModels = SignalModels(),
        pairs: [RubricPair] = []
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.sha256 = sha256
        self.languages = languages
        self.channels = channels
        self.scope = scope
        self.scopeDescription = scopeDescription
        self.scoring = scoring
        self.phraseLists = phraseLists
        self.voice = voice
        self.escalationPolicy = escalationPolicy
        self.journeyWindow = journeyWindow
        self.sections = sections
        self.signals = signals
        self.pairs = pairs
    }

    /// Every criterion, in document order.
    public var criteria: [Criterion] { self.sections.flatMap(\.criteria) }

    /// The index of the phrase list named `id`.
    public func phraseListIndex(_ id: String) -> Int? {
        self.phraseLists.firstIndex { $0.id == id }
    }
}

/// How criterion verdicts become a total.
public struct ScoringRules: Sendable, Hashable {
    /// A total at or above this passes.
    public var passMark: Double
    /// The total of an interaction with a failed critical criterion.
    public var autoFailScore: Double
    /// Fewer agent messages than this is `not_scored` as `too_short`.
    public var minimumAgentMessages: Int
    /// Fewer words in all messages together than this is `not_scored` as `too_short`.
    public var minimumWords: Int
    /// An exchange of nothing but pleasantries ("thanks" / "you're welcome") is `not_scored` as `too_short`.
    public var skipsPleasantries: Bool

    public init(passMark: Double = 80, autoFailScore: Double = 0, minimumAgentMessages: Int = 1, minimumWords: Int = 3, skipsPleasantries: Bool = true) {
        self.passMark = passMark
        self.autoFailScore = autoFailScore
        self.minimumAgentMessages = minimumAgentMessages
        self.minimumWords = minimumWords
        self.skipsPleasantries = skipsPleasantries
    }
}

/// A group of criteria with its own 0-100 score: tone, process, escalation or any custom one.
public struct Section: Sendable, Hashable {
    public var id: String
    public var title: String
    /// Relative weight in the total; when no section has a weight, the total is points-based.
    public var weight: Double?
    public var criteria: [Criterion]

    public init(id: String, title: String = "", weight: Double? = nil, criteria: [Criterion] = []) {
        self.id = id
        self.title = title
        self.weight = weight
        self.criteria = criteria
    }
}

/// How much a failed criterion matters.
public enum Severity: String, Sendable, Hashable {
    /// Loses its points.
    case normal
    /// Loses its points and fails the whole interaction ("fail all", "automatic fail").
    case critical
}

/// One scored line of a rubric.
public struct Criterion: Sendable, Hashable {
    /// Unique within the rubric, for example `process.greeting`.
    public var id: String
    public var title: String
    /// What the criterion means, for reviewers and explanations.
    public var description: String
    /// Points earned when it passes.
    public var points: Double
    public var severity: Severity
    /// Bonus points are added when it passes but never counted in the denominator.
    public var isBonus: Bool
    /// Channels it applies to; `nil` means every channel of the rubric.
    public var channels: Set<Channel>?
    /// When set and not passing, the criterion is N/A and leaves the denominator.
    public var appliesWhen: Check?
    /// The check that decides pass or fail.
    public var check: Check
    /// Advice for trainers, shown in coaching reports.
    public var coaching: String
    /// Short transcripts with the expected verdict; `omniscore rubric check` runs them as tests.
    public var examples: [RubricExample]

    public init(
        id: String,
        title: String = "",
        description: String = "",
        points: Double = 1,
        severity: Severity = .normal,
        isBonus: Bool = false,
        channels: Set<Channel>? = nil,
        appliesWhen: Check? = nil,
        check: Check,
        coaching: String = "",
        examples: [RubricExample] = []
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.points = points
        self.severity = severity
        self.isBonus = isBonus
        self.channels = channels
        self.appliesWhen = appliesWhen
        self.check = check
        self.coaching = coaching
        self.examples = examples
    }
}

/// A labelled mini-transcript embedded in a rubric: the criterion's own unit test.
public struct RubricExample: Sendable, Hashable {
    /// What the example expects of its criterion.
    public enum Expectation: Sendable, Hashable, CustomStringConvertible {
        case verdict(Verdict)
        /// The interaction is not scored at all (out of scope, too short, ...).
        case notScored

        public var description: String {
            switch self {
            case .verdict(let verdict): return verdict.rawValue
            case .notScored: return "not-scored"
            }
        }
    }

    /// A name for reports, for example `greets-in-first-message`.
    public var name: String
    public var expected: Expectation
    public var interaction: Interaction
    /// Earlier interactions of the same customer, for journey checks.
    public var history: [Interaction]
    /// Where the example is written, `file:line:column`, for failure messages.
    public var location: String

    public init(name: String, expected: Expectation, interaction: Interaction, history: [Interaction] = [], location: String = "") {
        self.name = name
        self.expected = expected
        self.interaction = interaction
        self.history = history
        self.location = location
    }
}
