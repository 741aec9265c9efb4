/// What a criterion, a scope or an escalation trigger tests. Checks combine with `all`, `any` and `not`; each
/// evaluates to pass, fail or N/A, always with evidence or a reason.
public indirect enum Check: Sendable, Hashable {
    /// Passes when every child passes; fails when one fails; N/A when all are N/A.
    case all([Check])
    /// Passes when one child passes; fails when none passes and one fails; N/A when all are N/A.
    case any([Check])
    /// Swaps pass and fail; N/A stays N/A.
    case not(Check)
    /// Phrases said by a speaker within a scope, counted against bounds.
    case phrases(PhraseCheck)
    /// A check evaluated in the window after each occurrence of a trigger; N/A when the trigger never occurs.
    case after(AfterCheck)
    /// Structured events, with conditions on their detail.
    case event(EventCheck)
    /// Step A happens before step B; N/A when B never happens.
    case order(OrderCheck)
    /// The first agent reply within a per-channel limit.
    case firstResponse(FirstResponseCheck)
    /// The time between two anchors within a per-channel limit.
    case elapsed(ElapsedCheck)
    /// The customer contacted us at least N times before within a window (journey).
    case repeatContact(RepeatContactCheck)
    /// The agent did not ask for information the customer already gave (in this or an earlier interaction).
    case askedAgain(AskedAgainCheck)
    /// A continuous tone measure within bounds.
    case tone(ToneCheck)
    /// The agent's tone does not drift within the interaction.
    case drift(DriftCheck)
    /// The agent's tone is consistent with the customer's earlier interactions on other channels.
    case journeyDrift(JourneyDriftCheck)
    /// Per-message style limits: exclamation marks, emoji, shouting, ...
    case style(StyleCheck)
    /// Sustained customer frustration.
    case frustration(FrustrationCheck)
    /// A money amount over a threshold, in the customer's words or in event details.
    case amount(AmountCheck)
    /// One facet of the rubric's escalation policy outcome.
    case escalation(EscalationFacet)
    /// The interaction is on one of these channels.
    case channel(Set<Channel>)
    /// Every promise the agent makes (a callback, a follow-up, a refund, a replacement) carries a reference, a time
    /// window and the matching event; N/A without a promise.
    case promises(PromiseCheck)
    /// Every handover (transfer, escalation, bot to human) carries a context summary and the customer is not asked
    /// to start again; N/A without a handover.
    case handover(HandoverCheck)
    /// A reference (ticket, case or complaint number) given by the company: in a staff message of the window or in
    /// an event's detail.
    case reference(ReferenceCheck)
    /// A time commitment ("within 3 working days", "by Friday", "at 2pm") in a staff message of the window or in
    /// an event's detail.
    case timeWindow(TimeWindowCheck)
    /// The bot repeats itself or keeps failing to understand instead of handing over.
    case botLoop(BotLoopCheck)
    /// The interaction's escalation need (0-1) is at least this.
    case need(Double)
}

/// Whose messages a check looks at.
public enum Speaker: String, Sendable, Hashable, CaseIterable {
    case agent
    case customer
    case bot
    /// Agent or bot: whoever answers for the company.
    case staff
    case any

    /// Whether a message by `role` belongs to this speaker.
    public func includes(_ role: Role) -> Bool {
        switch self {
        case .agent: return role == .agent
        case .customer: return role == .customer
        case .bot: return role == .bot
        case .staff: return role == .agent || role == .bot
        case .any: return role != .system
        }
    }
}

/// Which of a speaker's messages a phrase check looks at.
public enum MessageScope: Sendable, Hashable {
    case all
    /// The speaker's first N messages.
    case first(Int)
    /// The speaker's last N messages.
    case last(Int)
}

public struct PhraseCheck: Sendable, Hashable {
    /// Phrase lists (indices into `Rubric.phraseLists`).
    public var lists: [Int]
    public var speaker: Speaker
    public var scope: MessageScope
    /// At least this many occurrences.
    public var minimum: Int
    /// At most this many occurrences (`0` means forbidden).
    public var maximum: Int?
    /// Only occurrences starting within the first N words of a message count ("Morning, Sam speaking").
    public var withinFirstWords: Int?

    public init(lists: [Int], speaker: Speaker = .agent, scope: MessageScope = .all, minimum: Int = 1, maximum: Int? = nil, withinFirstWords: Int? = nil) {
        self.lists = lists
        self.speaker = speaker
        self.scope = scope
        self.minimum = minimum
        self.maximum = maximum
        self.withinFirstWords = withinFirstWords
    }
}

/// What starts the window of an `after` check or an order step.
public enum TriggerSource: Sendable, Hashable {
    /// A message by `speaker` with a phrase of these lists.
    case phrases(lists: [Int], speaker: Speaker)
    /// A customer message whose frustration is at least this (0-1).
    case frustration(Double)
    /// An event of this kind.
    case event(String)
}

public struct AfterCheck: Sendable, Hashable {
    public var trigger: TriggerSource
    /// The window: the next N agent messages after the trigger.
    public var window: Int
    public var then: Check

    public init(trigger: TriggerSource, window: Int, then: Check) {
        self.trigger = trigger
        self.window = window
        self.then = then
    }
}

/// A condition on one detail value of an event.
public struct DetailCondition: Sendable, Hashable {
    public enum Test: Sendable, Hashable {
        case exists
        /// The key is missing or null (`exists="false"`).
        case absent
        case equals([String])
        case atLeast(Double)
        case atMost(Double)
    }

    public var key: String
    public var test: Test

    public init(key: String, test: Test) {
        self.key = key
        self.test = test
    }
}

public struct EventCheck: Sendable, Hashable {
    public var kind: String
    public var conditions: [DetailCondition]
    public var minimum: Int
    public var maximum: Int?

    public init(kind: String, conditions: [DetailCondition] = [], minimum: Int = 1, maximum: Int? = nil) {
        self.kind = kind
        self.conditions = conditions
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// Something that happens at a point of the interaction, for order checks.
public enum Step: Sendable, Hashable {
    case event(EventCheck)
    case phrases(lists: [Int], speaker: Speaker)
}

public struct OrderCheck: Sendable, Hashable {
    /// Any of these must happen...
    public var first: [Step]
    /// ...before the first occurrence of any of these.
    public var then: [Step]

    public init(first: [Step], then: [Step]) {
        self.first = first
        self.then = then
    }
}

public struct FirstResponseCheck: Sendable, Hashable {
    public var limits: ChannelLimits<Duration>
    /// Channels measured from the start of the interaction rather than from the customer's first message.
    public var fromStart: Set<Channel>

    public init(limits: ChannelLimits<Duration>, fromStart: Set<Channel> = [.voice]) {
        self.limits = limits
        self.fromStart = fromStart
    }
}

/// A point in an interaction for `elapsed` checks.
public enum Anchor: Sendable, Hashable {
    case start
    case end
    case firstMessage(Speaker)
    case lastMessage(Speaker)
    case event(String)
    case phrases(lists: [Int], speaker: Speaker)
}

public struct ElapsedCheck: Sendable, Hashable {
    public var from: Anchor
    public var to: Anchor
    public var limits: ChannelLimits<Duration>

    public init(from: Anchor, to: Anchor, limits: ChannelLimits<Duration>) {
        self.from = from
        self.to = to
        self.limits = limits
    }
}

public struct RepeatContactCheck: Sendable, Hashable {
    /// Earlier interactions needed.
    public var minimumPrevious: Int
    public var window: Duration
    /// Count only earlier interactions about the same issue.
    public var sameIssue: Bool

    public init(minimumPrevious: Int, window: Duration, sameIssue: Bool = true) {
        self.minimumPrevious = minimumPrevious
        self.window = window
        self.sameIssue = sameIssue
    }
}

/// Customer information an agent should not ask for twice.
public enum InfoKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case email
    case phone
    case orderNumber = "order-number"
    case accountNumber = "account-number"
    /// A booking, confirmation, ticket, case, claim or policy reference.
    case reference
    /// The description of the problem.
    case problem
    /// A document, photo, receipt or screenshot the customer sent.
    case document

    /// Whether the customer gives it as an entity (a value in the text) rather than in words only phrase lists
    /// recognise.
    public var isEntity: Bool {
        switch self {
        case .email, .phone, .orderNumber, .accountNumber, .reference: return true
        case .problem, .document: return false
        }
    }

    public static func < (lhs: InfoKind, rhs: InfoKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Words for reasons: "order number".
    public var label: String { self.rawValue.replacingHyphens }
}

extension String {
    var replacingHyphens: String { String(self.map { $0 == "-" ? " " : $0 }) }
}

public struct AskedAgainCheck: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var info: InfoKind
        /// Phrase lists of agent questions asking for it.
        public var asks: [Int]
        /// Only phrases starting within the first N words of a message count ("Order number?").
        public var withinFirstWords: Int?
        /// Phrase lists of customer messages that give it ("I've attached a photo", "the screen stays black"): how
        /// `problem` and `document`, which are not values in the text, are recognised as given.
        public var given: [Int]

        public init(info: InfoKind, asks: [Int], withinFirstWords: Int? = nil, given: [Int] = []) {
            self.info = info
            self.asks = asks
            self.withinFirstWords = withinFirstWords
            self.given = given
        }
    }

    public var items: [Item]
    /// How far back earlier interactions count; `nil` uses the rubric's journey window.
    public var window: Duration?

    public init(items: [Item], window: Duration? = nil) {
        self.items = items
        self.window = window
    }
}

/// Continuous tone measures, each computed per message.
public enum ToneMetric: String, Sendable, Hashable {
    /// 0-1, agent and bot messages.
    case politeness
    /// 0-1, customer messages.
    case frustration
    /// -1 ... 1, any message.
    case sentiment
}

public enum Aggregate: String, Sendable, Hashable {
    case mean
    case minimum = "min"
    case maximum = "max"
}

public struct ToneCheck: Sendable, Hashable {
    public var metric: ToneMetric
    public var speaker: Speaker
    public var aggregate: Aggregate
    public var minimum: Double?
    public var maximum: Double?
    /// Graded credit: a criterion with this check earns its points in proportion to where the measure lies
    /// between `credit.from` (no points) and `credit.full` (all points), whatever the verdict; `from` above `full`
    /// grades a measure where lower is better.
    public var credit: (from: Double, full: Double)?

    public init(metric: ToneMetric, speaker: Speaker = .agent, aggregate: Aggregate = .mean, minimum: Double? = nil, maximum: Double? = nil, credit: (from: Double, full: Double)? = nil) {
        self.metric = metric
        self.speaker = speaker
        self.aggregate = aggregate
        self.minimum = minimum
        self.maximum = maximum
        self.credit = credit
    }

    public static func == (lhs: ToneCheck, rhs: ToneCheck) -> Bool {
        lhs.metric == rhs.metric && lhs.speaker == rhs.speaker && lhs.aggregate == rhs.aggregate && lhs.minimum == rhs.minimum
            && lhs.maximum == rhs.maximum && lhs.credit?.from == rhs.credit?.from && lhs.credit?.full == rhs.credit?.full
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.metric)
        hasher.combine(self.speaker)
        hasher.combine(self.aggregate)
        hasher.combine(self.minimum)
        hasher.combine(self.maximum)
        hasher.combine(self.credit?.from)
        hasher.combine(self.credit?.full)
    }
}

public struct DriftCheck: Sendable, Hashable {
    /// The largest allowed swing of the agent's politeness (0-1): the range of the rolling mean of two consecutive
    /// agent messages.
    public var maximumRange: Double
    /// Fewer agent messages than this makes the check N/A.
    public var minimumMessages: Int

    public init(maximumRange: Double, minimumMessages: Int = 2) {
        self.maximumRange = maximumRange
        self.minimumMessages = minimumMessages
    }
}

public struct JourneyDriftCheck: Sendable, Hashable {
    /// The largest allowed difference between this interaction's agent politeness and an earlier one's (0-1).
    public var maximumDifference: Double
    public var window: Duration?
    /// Compare only with earlier interactions on other channels.
    public var otherChannelsOnly: Bool
    /// Count only swings to a colder tone (warm on chat, curt on e-mail), not warmer ones.
    public var colderOnly: Bool

    public init(maximumDifference: Double, window: Duration? = nil, otherChannelsOnly: Bool = true, colderOnly: Bool = false) {
        self.maximumDifference = maximumDifference
        self.window = window
        self.otherChannelsOnly = otherChannelsOnly
        self.colderOnly = colderOnly
    }
}

public enum StyleMetric: String, Sendable, Hashable, CaseIterable {
    /// `!` per message.
    case exclamations
    /// Emoji per message.
    case emoji
    /// Runs of capital words per message (0 or 1).
    case shouting
    /// `?` per message.
    case questions
    /// The longest run of `!`/`?` in a message.
    case punctuationRun = "punctuation-run"
    /// Words per message.
    case words
}

public struct StyleCheck: Sendable, Hashable {
    public var metric: StyleMetric
    public var speaker: Speaker
    /// The most allowed per message, per channel; a channel with no limit is unchecked.
    public var limits: ChannelLimits<Int>

    public init(metric: StyleMetric, speaker: Speaker = .agent, limits: ChannelLimits<Int>) {
        self.metric = metric
        self.speaker = speaker
        self.limits = limits
    }
}

public struct FrustrationCheck: Sendable, Hashable {
    /// Frustration (0-1) a customer message needs to count.
    public var threshold: Double
    public var minimumMessages: Int
    /// Whether the counted messages must follow each other (among the customer's messages).
    public var consecutive: Bool

    public init(threshold: Double, minimumMessages: Int, consecutive: Bool = false) {
        self.threshold = threshold
        self.minimumMessages = minimumMessages
        self.consecutive = consecutive
    }
}

public struct AmountCheck: Sendable, Hashable {
    /// Passes when an amount is strictly greater than this.
    public var over: Double
    /// Whose messages are searched for amounts.
    public var speaker: Speaker
    /// Event kinds whose `amount` detail counts too.
    public var eventKinds: [String]
    /// When set, an amount in a message counts only if the same message has a phrase of these lists ("refund",
    /// "charged", "dispute"): an amount in dispute, not any price mentioned.
    public var context: [Int]

    public init(over: Double, speaker: Speaker = .customer, eventKinds: [String] = ["refund_requested", "refund_issued", "payment_made"], context: [Int] = []) {
        self.over = over
        self.speaker = speaker
        self.eventKinds = eventKinds
        self.context = context
    }
}

/// One aspect of the escalation outcome.
public enum EscalationFacet: String, Sendable, Hashable, CaseIterable {
    /// N/A without a trigger; fails when a trigger fired and nobody escalated (missed).
    case escalatedWhenRequired = "when-required"
    /// N/A without an escalation; fails when escalated and no trigger fired (needless).
    case notNeedless = "not-needless"
    /// N/A unless triggered and escalated; fails below the required tier or above a maximum (wrong tier).
    case rightTier = "right-tier"
    /// N/A unless triggered and escalated; fails after the deadline (late).
    case inTime = "in-time"
    /// Always applies: passes when the outcome is `correct` or `not_needed`, fails on every mistake (missed,
    /// needless, wrong tier, late), so the escalation section has a score on every interaction.
    case appropriate
}

/// What makes a promise complete.
public enum PromiseRequirement: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A reference the customer can quote (ticket, case, refund number).
    case reference
    /// When it will happen ("by 5pm tomorrow", "within 3 working days").
    case window
    /// The event that shows it was set in motion (`callback_scheduled`, `ticket_created`, ...).
    case event

    public static func < (lhs: PromiseRequirement, rhs: PromiseRequirement) -> Bool {
        PromiseRequirement.allCases.firstIndex(of: lhs)! < PromiseRequirement.allCases.firstIndex(of: rhs)!
    }
}

public struct PromiseCheck: Sendable, Hashable {
    /// One kind of promise: the phrases that make it and the events that back it.
    public struct Kind: Sendable, Hashable {
        /// `callback`, `follow-up`, `refund`, `replacement` or the rubric's own name.
        public var name: String
        public var lists: [Int]
        public var events: [String]

        public init(name: String, lists: [Int], events: [String]) {
            self.name = name
            self.lists = lists
            self.events = events
        }
    }

    public var kinds: [Kind]
    public var requirements: Set<PromiseRequirement>
    /// Staff messages after the promise in which the reference and the time may still be given.
    public var window: Int

    public init(kinds: [Kind], requirements: Set<PromiseRequirement> = Set(PromiseRequirement.allCases), window: Int = 1) {
        self.kinds = kinds
        self.requirements = requirements
        self.window = window
    }
}

public struct HandoverCheck: Sendable, Hashable {
    /// Event kinds that hand the customer over.
    public var events: [String]
    /// Event detail keys that carry the context summary.
    public var summaryKeys: [String]
    /// Phrases of a staff message saying the context was passed on or picked up ("I've passed on your order
    /// number", "I can see from the notes that ...").
    public var summaryLists: [Int]
    /// Phrases of a staff message that make the customer start again ("How can I help?", "What seems to be the
    /// problem?").
    public var restartLists: [Int]
    /// Staff messages before and after the handover that count.
    public var window: Int

    public init(events: [String] = ["transferred", "escalated", "bot_handoff"], summaryKeys: [String] = ["summary", "context", "notes", "handover_note"], summaryLists: [Int] = [], restartLists: [Int] = [], window: Int = 2) {
        self.events = events
        self.summaryKeys = summaryKeys
        self.summaryLists = summaryLists
        self.restartLists = restartLists
        self.window = window
    }
}

public struct ReferenceCheck: Sendable, Hashable {
    public var speaker: Speaker
    /// Event detail keys holding a reference.
    public var keys: [String]

    public init(speaker: Speaker = .staff, keys: [String] = ["reference", "ref", "ticket", "case", "case_id", "ticket_id", "id", "number"]) {
        self.speaker = speaker
        self.keys = keys
    }
}

public struct TimeWindowCheck: Sendable, Hashable {
    public var speaker: Speaker
    /// Event detail keys holding a time.
    public var keys: [String]

    public init(speaker: Speaker = .staff, keys: [String] = ["due", "at", "window", "scheduled_for", "deadline", "date", "by"]) {
        self.speaker = speaker
        self.keys = keys
    }
}

public struct BotLoopCheck: Sendable, Hashable {
    /// How many looping bot replies (a repeat of an earlier reply or a "didn't understand") make a loop.
    public var repeats: Int

    public init(repeats: Int = 2) {
        self.repeats = repeats
    }
}
