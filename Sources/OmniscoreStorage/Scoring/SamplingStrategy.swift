/// Which interactions a run scores. Every choice is reproducible from the seed and recorded in
/// `omniscore.samples` with its strategy and reason.
public enum SamplingStrategy: Sendable, Hashable {
    /// Every interaction (the default: 100 % coverage).
    case all
    /// Each interaction with this probability (0-1), decided by a seeded hash of its id.
    case random(rate: Double)
    /// Up to `count` interactions per agent and period, chosen by the seeded hash.
    case perAgent(count: Int, period: Period)
    /// Up to `count` interactions per stratum (channel, team or agent), chosen by the seeded hash.
    case stratified(by: Stratum, count: Int)
    /// The `count` riskiest interactions first: escalated, repeat contact, an angry customer, long handling.
    case riskFirst(count: Int)

    public enum Period: String, Sendable, Hashable, CaseIterable {
        case day, week, month
    }

    public enum Stratum: String, Sendable, Hashable, CaseIterable {
        case channel, team, agent

        var column: String {
            switch self {
            case .channel: return "i.channel"
            case .team: return "coalesce(a.team, '')"
            case .agent: return "coalesce(i.agent_id, '')"
            }
        }
    }

    /// A short name stored with each run and sample: `all`, `random:0.1`, `per-agent:5/week`,
    /// `stratified:channel:20`, `risk-first:500`.
    public var name: String {
        switch self {
        case .all: return "all"
        case .random(let rate): return "random:\(rate)"
        case .perAgent(let count, let period): return "per-agent:\(count)/\(period.rawValue)"
        case .stratified(let stratum, let count): return "stratified:\(stratum.rawValue):\(count)"
        case .riskFirst(let count): return "risk-first:\(count)"
        }
    }

    /// Parses the names above.
    public init?(name: String) {
        let parts = name.split(separator: ":").map(String.init)
        switch parts.first {
        case "all" where parts.count == 1:
            self = .all
        case "random" where parts.count == 2:
            guard let rate = Double(parts[1]), rate > 0, rate <= 1 else { return nil }
            self = .random(rate: rate)
        case "per-agent" where parts.count == 2:
            let pieces = parts[1].split(separator: "/").map(String.init)
            guard pieces.count == 2, let count = Int(pieces[0]), count > 0, let period = Period(rawValue: pieces[1]) else { return nil }
            self = .perAgent(count: count, period: period)
        case "stratified" where parts.count == 3:
            guard let stratum = Stratum(rawValue: parts[1]), let count = Int(parts[2]), count > 0 else { return nil }
            self = .stratified(by: stratum, count: count)
        case "risk-first" where parts.count == 2:
            guard let count = Int(parts[1]), count > 0 else { return nil }
            self = .riskFirst(count: count)
        default:
            return nil
        }
    }
}
