public import OmniscoreCore

/// Scores a stream of JSONL lines in constant memory: decode, score against the journey of earlier lines of the
/// same customer, encode. Bad lines become errors for the caller's rejects file; nothing is dropped silently.
public struct StreamScorer: Sendable {
    /// Counts for the run summary.
    public struct Summary: Sendable, Hashable {
        public var lines = 0
        public var blank = 0
        public var scored = 0
        public var rejected = 0
        public var notScored: [NotScoredReason: Int] = [:]
        public var bytes = 0

        public init() {}

        public var notScoredTotal: Int { self.notScored.values.reduce(0, +) }

        /// "scored 120, not_scored 8 (empty 2, no_agent_message 3, ...), rejected 1".
        public var description: String {
            var text = "scored \(self.scored), not_scored \(self.notScoredTotal)"
            let reasons = NotScoredReason.allCases.compactMap { reason in self.notScored[reason].map { "\(reason.rawValue) \($0)" } }
            if !reasons.isEmpty { text += " (" + reasons.joined(separator: ", ") + ")" }
            text += ", rejected \(self.rejected)"
            if self.blank > 0 { text += ", blank lines \(self.blank)" }
            return text
        }
    }

    public let scorer: Scorer
    public var decoder: InteractionDecoder
    public private(set) var summary = Summary()
    private var book: JourneyBook

    public init(scorer: Scorer, decoder: InteractionDecoder = InteractionDecoder(), journeyCapacity: Int = 200_000) {
        self.scorer = scorer
        self.decoder = decoder
        self.book = JourneyBook(window: scorer.journeyLookback, capacity: journeyCapacity)
    }

    /// What became of one line.
    public enum Outcome: Sendable {
        /// The scorecard, encoded as one JSON line (without newline).
        case scorecard([UInt8], Scorecard)
        case rejected(InterchangeError)
        case blank
    }

    /// Processes one line (without its newline).
    public mutating func process(_ line: UnsafeRawBufferPointer, number: Int) -> Outcome {
        self.summary.lines += 1
        self.summary.bytes += line.count + 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            self.summary.blank += 1
            return .blank
        }
        let interaction: Interaction
        do {
            interaction = try self.decoder.decode(line, line: number)
        } catch {
            self.summary.rejected += 1
            return .rejected(error)
        }
        let card = self.scorer.score(interaction, history: self.book.history(for: interaction.customerID, before: interaction.startedAt))
        self.book.record(card.journeyRecord)
        if let reason = card.notScoredReason {
            self.summary.notScored[reason, default: 0] += 1
        } else {
            self.summary.scored += 1
        }
        return .scorecard(ScorecardEncoder.encode(card), card)
    }

    /// Counts a line the reader had to reject before decoding (for example, longer than the reader accepts).
    public mutating func recordRejection(bytes: Int) {
        self.summary.lines += 1
        self.summary.bytes += bytes
        self.summary.rejected += 1
    }

    /// Journey records currently kept (bounded by the capacity and the look-back window).
    public var journeyRecords: Int { self.book.count }
}
