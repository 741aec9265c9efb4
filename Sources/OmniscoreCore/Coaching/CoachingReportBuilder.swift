/// Builds coaching reports from aggregated figures and the rubric (titles, points, coaching text). Pure.
public struct CoachingReportBuilder: Sendable {
    public var rubric: Rubric
    public var period: ReportPeriod
    public var masker: PIIMasker
    /// Below this many interactions (or applicable verdicts) a figure is marked "too few".
    public var minimumSample: Int

    public init(rubric: Rubric, period: ReportPeriod, masker: PIIMasker = PIIMasker(), minimumSample: Int = 10) {
        self.rubric = rubric
        self.period = period
        self.masker = masker
        self.minimumSample = minimumSample
    }

    /// Reports for every agent in `input` that had scored interactions in the period, in agent id order.
    public func reports(from input: CoachingInput) -> [CoachingReport] {
        let index = Index(input)
        let agents = Set(input.scores.filter { $0.isCurrent && $0.count > 0 }.map(\.agentID)).sorted()
        return agents.map { self.report(for: $0, index: index, input: input) }
    }

    /// Lookups shared by all agents' reports (team medians need every agent of the team).
    struct Index {
        var criteria: [String: [String: (current: CoachingReport.Rate?, previous: CoachingReport.Rate?)]] = [:]
        var scores: [String: (current: CoachingInput.ScoreSummary?, previous: CoachingInput.ScoreSummary?)] = [:]
        var teams: [String: [String]] = [:]

        init(_ input: CoachingInput) {
            for count in input.criteria {
                let rate = CoachingReport.Rate(passes: count.passes, fails: count.fails)
                var entry = self.criteria[count.agentID, default: [:]][count.criterionID] ?? (nil, nil)
                if count.isCurrent { entry.current = rate } else { entry.previous = rate }
                self.criteria[count.agentID, default: [:]][count.criterionID] = entry
            }
            for summary in input.scores {
                var entry = self.scores[summary.agentID] ?? (nil, nil)
                if summary.isCurrent { entry.current = summary } else { entry.previous = summary }
                self.scores[summary.agentID] = entry
            }
            for (agent, info) in input.agents {
                if let team = info.team { self.teams[team, default: []].append(agent) }
            }
        }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    func report(for agent: String, index: Index, input: CoachingInput) -> CoachingReport {
        let info = input.agents[agent] ?? (nil, nil)
        let teammates = info.team.flatMap { index.teams[$0] } ?? [agent]
        let current = index.scores[agent]?.current
        let previous = index.scores[agent]?.previous
        let totalPoints = max(1, self.rubric.sections.flatMap(\.criteria).filter { !$0.isBonus }.reduce(0) { $0 + $1.points })

        var lines: [CoachingReport.CriterionLine] = []
        var coachingText: [String: String] = [:]
        for section in self.rubric.sections {
            for criterion in section.criteria {
                coachingText[criterion.id] = criterion.coaching
                let rates = index.criteria[agent]?[criterion.id]
                let rate = rates?.current ?? CoachingReport.Rate(passes: 0, fails: 0)
                let teamRates = teammates.compactMap { index.criteria[$0]?[criterion.id]?.current?.passRate }
                let failRate = rate.passRate.map { 1 - $0 } ?? 0
                lines.append(CoachingReport.CriterionLine(
                    id: criterion.id,
                    section: section.id,
                    title: criterion.title.isEmpty ? criterion.id : criterion.title,
                    points: criterion.points,
                    current: rate,
                    previous: rates?.previous,
                    teamMedianPassRate: Self.median(teamRates),
                    priority: criterion.points / totalPoints * failRate,
                    isTooFew: rate.applicable < self.minimumSample
                ))
            }
        }
        let weakest = lines.filter { $0.current.fails > 0 }.sorted { ($0.priority, $1.id) > ($1.priority, $0.id) }.prefix(3)
        let excerpts = Dictionary(grouping: input.excerpts.filter { $0.agentID == agent }, by: \.criterionID)
        let focus = weakest.map { line in
            CoachingReport.Focus(
                criterion: line,
                coaching: coachingText[line.id] ?? "",
                excerpts: (excerpts[line.id] ?? []).prefix(3).map { excerpt in
                    var masked = excerpt
                    masked.quote = self.masker.mask(excerpt.quote)
                    masked.reason = self.masker.mask(excerpt.reason)
                    return masked
                }
            )
        }
        let strengths = lines.filter { $0.current.applicable >= max(3, self.minimumSample / 2) && $0.current.fails == 0 || ($0.current.passRate ?? 0) >= 0.95 && $0.current.applicable >= max(3, self.minimumSample / 2) }
            .sorted { ($0.current.applicable, $0.points, $1.id) > ($1.current.applicable, $1.points, $0.id) }
            .prefix(3)
        let sections = self.rubric.sections.map { section in
            CoachingReport.SectionLine(
                id: section.id,
                title: section.title.isEmpty ? section.id : section.title,
                mean: current?.sectionMeans[section.id],
                previousMean: previous?.sectionMeans[section.id],
                teamMedian: Self.median(teammates.compactMap { index.scores[$0]?.current?.sectionMeans[section.id] })
            )
        }
        let channels = input.channels.filter { $0.agentID == agent }.sorted { $0.channel < $1.channel }
        let tones = channels.filter { $0.count >= 3 }.compactMap(\.meanTone)
        let spread = tones.count >= 2 ? tones.max()! - tones.min()! : nil
        let versionNote: String? = input.otherVersions.isEmpty ? nil
            : "This period was also scored with other versions of \(self.rubric.id): "
                + input.otherVersions.map { "\($0.version) (\($0.count) interactions, sha256 \($0.sha256.prefix(12)))" }.joined(separator: ", ")
                + ". Figures here use version \(self.rubric.version) only, in both periods, so like is compared with like."
        return CoachingReport(
            id: "\(agent)/\(self.period.description)/\(self.rubric.sha256.prefix(12))",
            agentID: agent,
            agentName: info.name,
            team: info.team,
            period: self.period.description,
            previousPeriod: self.period.previous.description,
            rubricID: self.rubric.id,
            rubricVersion: self.rubric.version,
            rubricSHA256: self.rubric.sha256,
            interactions: current?.count ?? 0,
            previousInteractions: previous?.count ?? 0,
            minimumSample: self.minimumSample,
            overall: current?.meanTotal,
            previousOverall: previous?.meanTotal,
            teamMedianOverall: Self.median(teammates.compactMap { index.scores[$0]?.current?.meanTotal }),
            customerOutcome: current?.meanOutcome,
            previousCustomerOutcome: previous?.meanOutcome,
            sections: sections,
            criteria: lines,
            focus: Array(focus),
            strengths: Array(strengths),
            channels: channels,
            toneSpread: spread,
            escalationMistakes: input.escalationMistakes.filter { $0.agentID == agent }.sorted { $0.interactionID < $1.interactionID },
            trend: input.trend.filter { $0.agentID == agent }.sorted { $0.period < $1.period },
            versionNote: versionNote
        )
    }
}
