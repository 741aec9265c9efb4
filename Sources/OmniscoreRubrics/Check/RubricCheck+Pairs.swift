public import OmniscoreCore

extension RubricCheck {
    /// The outcome of one contrastive pair.
    public struct PairResult: Sendable {
        public var name: String
        public var behaviour: String
        public var target: RubricPair.Target
        /// The compared figure of each version (section score, 1/0 for a criterion's pass/fail, total, outcome).
        public var better: Double?
        public var worse: Double?
        public var passed: Bool
        /// Why the pair is broken, or what separated the versions.
        public var reason: String
        public var location: String
        /// The compared section's (or the whole card's) criteria of each version: id, verdict and reason.
        public var betterCriteria: [(id: String, verdict: String, reason: String)] = []
        public var worseCriteria: [(id: String, verdict: String, reason: String)] = []
    }

    /// Scores both versions of every pair and checks that the better one scores higher.
    static func runPairs(_ pairs: [RubricPair], with scorer: Scorer) -> [PairResult] {
        pairs.map { pair in
            let history = pair.history.sorted { $0.startedAt < $1.startedAt }.map { scorer.score($0).journeyRecord }
            let better = scorer.score(pair.better, history: history)
            let worse = scorer.score(pair.worse, history: history)
            let a = Self.figure(pair.target, of: better)
            let b = Self.figure(pair.target, of: worse)
            var reason: String
            let passed: Bool
            switch (a, b) {
            case (let x?, let y?):
                if case .criterion = pair.target {
                    passed = x == 1 && y == 0
                    reason = passed ? "better passes, worse fails" : "better \(Self.verdictWord(x)), worse \(Self.verdictWord(y))"
                } else {
                    passed = x > y + 1e-9
                    reason = "better \(RubricCheck.format(x)) \(passed ? ">" : "≤") worse \(RubricCheck.format(y))"
                }
            default:
                passed = false
                reason = [("better", better, a), ("worse", worse, b)].compactMap { label, card, value in
                    value == nil ? "\(label) has no \(pair.target) (\(Self.why(card, pair.target)))" : nil
                }.joined(separator: "; ")
            }
            if !passed, case .criterion(let id) = pair.target {
                reason += ": \(worse.result(for: id)?.reason ?? "")"
            } else if !passed, case .section(let id) = pair.target {
                let differing = worse.criteria.filter { $0.section == id }.compactMap { w -> String? in
                    guard let o = better.result(for: w.id), o.verdict != w.verdict else { return nil }
                    return "\(w.id) \(o.verdict.rawValue)/\(w.verdict.rawValue)"
                }
                if !differing.isEmpty { reason += " (criteria better/worse: \(differing.joined(separator: ", ")))" }
            }
            var result = PairResult(name: pair.name, behaviour: pair.behaviour, target: pair.target, better: a, worse: b, passed: passed, reason: reason, location: pair.location)
            if !passed {
                func detail(_ card: Scorecard) -> [(id: String, verdict: String, reason: String)] {
                    if case .notScored(let why, let text) = card.status { return [("(status)", why.rawValue, text)] }
                    let section: String? = if case .section(let id) = pair.target { id } else { nil }
                    return card.criteria.filter { section == nil || $0.section == section }.map { ($0.id, $0.verdict.rawValue, $0.reason) }
                }
                result.betterCriteria = detail(better)
                result.worseCriteria = detail(worse)
            }
            return result
        }
    }

    /// The figure a pair compares.
    static func figure(_ target: RubricPair.Target, of card: Scorecard) -> Double? {
        guard card.isScored else { return nil }
        switch target {
        case .section(let id): return card.sections.first { $0.id == id }?.score
        case .criterion(let id):
            switch card.result(for: id)?.verdict {
            case .pass?: return 1
            case .fail?: return 0
            default: return nil
            }
        case .total: return card.total
        case .outcome: return card.customer?.outcome
        }
    }

    static func verdictWord(_ value: Double) -> String { value == 1 ? "passes" : "fails" }

    static func why(_ card: Scorecard, _ target: RubricPair.Target) -> String {
        if case .notScored(let reason, let detail) = card.status { return "not scored, \(reason.rawValue): \(detail)" }
        return "N/A"
    }
}
