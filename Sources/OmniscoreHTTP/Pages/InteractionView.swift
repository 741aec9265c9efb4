import OmniscoreCore
import OmniscoreInterchange
import OmniscoreStorage

/// One interaction: the transcript with evidence highlighted, events, the customer's other interactions, the
/// verdicts of the newest scorecard with human reviews and disputes beside them, and the forms the user may use.
struct InteractionView: Sendable {
    struct MessageView: Sendable {
        /// 1-based, as verdict reasons count messages ("message 3").
        var number: Int
        var role: String
        var isAgent: Bool
        var at: String?
        /// Escaped piece by piece by `TranscriptRenderer`; the only unescaped value of the page.
        var highlightedHTML: String
    }

    struct EventView: Sendable {
        var kind: String
        var at: String
        var detail: String
    }

    struct JourneyView: Sendable {
        var id: String
        var query: String
        var channel: String
        var startedAt: String
        var total: String
    }

    struct ReviewView: Sendable {
        var reviewer: String
        var at: String
        var verdict: String
        var verdictClass: String
        var reason: String
    }

    struct DisputeView: Sendable {
        var by: String
        var reason: String
        var status: String
        var resolution: String?
    }

    struct CriterionView: Sendable {
        var id: String
        var verdict: String
        var verdictClass: String
        var reason: String
        var reviews: [ReviewView]
        var disputes: [DisputeView]
    }

    struct NotScored: Sendable {
        var reason: String
        var detail: String
    }

    /// The customer signals of the scorecard: frustration at the start, peak and end, the likely outcome, and
    /// how strongly the conversation called for escalation.
    struct SignalsView: Sendable {
        var outcome: String
        var frustrationStart: String
        var frustrationPeak: String
        var frustrationEnd: String
        var need: String
        var escalation: String?
        var drivers: String?
    }

    struct CardView: Sendable {
        var version: String
        var sha256: String
        var shortSHA: String
        var total: String?
        var signals: SignalsView?
        var notScored: NotScored?
        var criteria: [CriterionView]
        var criterionIDs: [String]
        var mayReview: Bool
        var mayDispute: Bool
    }

    var id: String
    var query: String
    var channel: String
    var startedAt: String
    var agent: String
    var subject: String?
    var messages: [MessageView]
    var hasEvents: Bool
    var events: [EventView]
    var journey: [JourneyView]
    var card: CardView?

    /// With a `masker`, personal data in the transcript, the subject, event details and every reason is masked
    /// (the role may not see it); evidence marks move with the masked text.
    init(_ detail: WorkspaceStore.Detail, user: AccessStore.User, masker: PIIMasker? = nil) {
        func masked(_ text: String) -> String { masker?.mask(text) ?? text }
        let stored = detail.scorecards.first
        let marks = stored.map { TranscriptRenderer.marks(scorecard: $0.scorecard) } ?? [:]
        self.id = detail.id
        self.query = Layout.query(detail.id)
        self.channel = detail.channel
        self.startedAt = detail.startedAt
        self.agent = detail.agentID ?? "–"
        self.subject = detail.subject.map(masked)
        self.messages = detail.messages.enumerated().map { index, message in
            MessageView(number: index + 1, role: message.role, isAgent: message.role == "agent", at: message.at,
                        highlightedHTML: TranscriptRenderer.highlight(message.text, marks: marks[index] ?? [], masker: masker))
        }
        self.hasEvents = !detail.events.isEmpty
        self.events = detail.events.map { EventView(kind: $0.kind, at: $0.at ?? "", detail: masked($0.detail ?? "")) }
        self.journey = detail.journey.map { JourneyView(id: $0.id, query: Layout.query($0.id), channel: $0.channel, startedAt: $0.startedAt, total: Layout.score($0.total)) }
        self.card = stored.flatMap { stored in
            guard let members = try? JSONObjectDecoder.members(of: stored.scorecard) else { return nil }
            func text(_ key: String, in object: [(key: String, value: JSONValue)]) -> String { object.first { $0.key == key }?.value.textValue ?? "" }
            var criteria: [CriterionView] = []
            if case .array(let items)? = members.first(where: { $0.key == "criteria" })?.value {
                for case .object(let criterion) in items {
                    let id = text("id", in: criterion)
                    let verdict = text("verdict", in: criterion)
                    criteria.append(CriterionView(
                        id: id, verdict: verdict, verdictClass: Layout.verdictClass(verdict), reason: masked(text("reason", in: criterion)),
                        reviews: detail.reviews.filter { $0.criterion == id }.map {
                            ReviewView(reviewer: $0.reviewer, at: $0.at, verdict: $0.verdict, verdictClass: Layout.verdictClass($0.verdict), reason: masked($0.reason))
                        },
                        disputes: detail.disputes.filter { $0.criterion == id }.map { DisputeView(by: $0.by, reason: masked($0.reason), status: $0.status, resolution: $0.resolution.map(masked)) }
                    ))
                }
            }
            var signals: SignalsView? = nil
            if case .object(let customer)? = members.first(where: { $0.key == "customer" })?.value {
                let frustration: [(key: String, value: JSONValue)]
                if case .object(let levels)? = customer.first(where: { $0.key == "frustration" })?.value { frustration = levels } else { frustration = [] }
                func figure(_ key: String, in object: [(key: String, value: JSONValue)]) -> String {
                    Layout.score(object.first { $0.key == key }?.value.numberValue)
                }
                var escalation: [(key: String, value: JSONValue)] = []
                if case .object(let object)? = members.first(where: { $0.key == "escalation" })?.value { escalation = object }
                var drivers: [String] = []
                if case .array(let items)? = customer.first(where: { $0.key == "drivers" })?.value { drivers = items.compactMap(\.textValue) }
                signals = SignalsView(
                    outcome: figure("outcome", in: customer),
                    frustrationStart: figure("start", in: frustration), frustrationPeak: figure("peak", in: frustration), frustrationEnd: figure("end", in: frustration),
                    need: figure("need", in: escalation), escalation: escalation.isEmpty || text("verdict", in: escalation).isEmpty ? nil : text("verdict", in: escalation).replacingUnderscores,
                    drivers: drivers.isEmpty ? nil : drivers.joined(separator: ", ")
                )
            }
            let notScored = text("status", in: members) == "not_scored" ? NotScored(reason: text("reason", in: members), detail: text("detail", in: members)) : nil
            return CardView(
                version: stored.version, sha256: stored.sha256, shortSHA: String(stored.sha256.prefix(12)),
                total: members.first { $0.key == "total" }?.value.numberValue.map { Layout.score($0) },
                signals: signals,
                notScored: notScored, criteria: criteria, criterionIDs: criteria.map(\.id),
                mayReview: user.role == .admin || user.role == .qaLead,
                mayDispute: user.role == .agent || user.role == .admin
            )
        }
    }
}

extension String {
    /// "not_needed" -> "not needed", for display.
    var replacingUnderscores: String { String(self.map { $0 == "_" ? " " : $0 }) }
}
