import OmniscoreCore

extension RubricBuilder {
    /// The single check inside a container element (`check`, `applies-when`, `when`, `scope`, `not`, `after`).
    mutating func check(in container: XMLElement) -> Check? {
        guard let element = container.children.first else {
            self.report(.schemaViolation, container.position, "<\(container.name)> needs a check inside it")
            return nil
        }
        return self.check(element)
    }

    mutating func check(_ e: XMLElement) -> Check? {
        switch e.name {
        case "all", "any":
            let children = e.children.compactMap { self.check($0) }
            guard children.count == e.children.count else { return nil }
            return e.name == "all" ? .all(children) : .any(children)
        case "not":
            return self.check(in: e).map(Check.not)
        case "says", "never-says":
            return self.says(e, forbidden: e.name == "never-says").map(Check.phrases)
        case "after":
            return self.after(e)
        case "event":
            return self.event(e).map(Check.event)
        case "before":
            guard let first = e.child("first"), let then = e.child("then") else { return nil }
            let a = self.steps(first)
            let b = self.steps(then)
            guard !a.isEmpty, !b.isEmpty else { return nil }
            return .order(OrderCheck(first: a, then: b))
        case "first-response":
            let limits = self.durationLimits(e)
            let fromStart = e.attribute("from-start").map { Set(self.channelList($0, at: e.position(of: "from-start"))) } ?? [.voice]
            return .firstResponse(FirstResponseCheck(limits: limits, fromStart: fromStart))
        case "elapsed":
            guard let from = e.child("from").flatMap({ self.anchor($0) }), let to = e.child("to").flatMap({ self.anchor($0) }) else { return nil }
            return .elapsed(ElapsedCheck(from: from, to: to, limits: self.durationLimits(e)))
        case "repeat-contact":
            guard let minimum = self.integer(e, "min-previous"), let window = self.duration(e, "within") else { return nil }
            return .repeatContact(RepeatContactCheck(minimumPrevious: minimum, window: window, sameIssue: e.attribute("same-issue") != "false"))
        case "asked-again":
            var items: [AskedAgainCheck.Item] = []
            for ask in e.children("ask") {
                guard let info = ask.attribute("info").flatMap(InfoKind.init(rawValue:)) else { continue }
                let lists = self.lists(ask)
                let given = self.lists(ask, "given")
                if !info.isEntity && given.isEmpty && ask.attribute("given") == nil {
                    self.report(.invalidValue, ask.position, "<ask info=\"\(info.rawValue)\"> needs given=\"list-id ...\": the phrases of a customer message that gives the \(info.label), which is not a value the scanner finds")
                }
                if !lists.isEmpty { items.append(.init(info: info, asks: lists, withinFirstWords: self.integer(ask, "within-words"), given: given)) }
            }
            guard !items.isEmpty else { return nil }
            return .askedAgain(AskedAgainCheck(items: items, window: self.duration(e, "within")))
        case "tone":
            let metric = ToneMetric(rawValue: e.attribute("metric") ?? "") ?? .politeness
            let minimum = self.number(e, "min")
            let maximum = self.number(e, "max")
            if minimum == nil && maximum == nil {
                self.report(.invalidValue, e.position, "<tone> needs min=\"...\" or max=\"...\"")
            }
            if let minimum, let maximum, minimum > maximum {
                self.report(.invalidValue, e.position(of: "min"), "min \(minimum) is above max \(maximum); nothing can pass")
            }
            let defaultSpeaker: Speaker = metric == .frustration ? .customer : .agent
            var credit: (from: Double, full: Double)? = nil
            let from = self.number(e, "credit-from")
            let full = self.number(e, "credit-full")
            if let from, let full {
                if from == full { self.report(.invalidValue, e.position(of: "credit-full"), "credit-full equals credit-from; graded credit needs a range") }
                credit = (from, full)
            } else if from != nil || full != nil {
                self.report(.invalidValue, e.position, "graded credit needs both credit-from=\"...\" and credit-full=\"...\"")
            }
            return .tone(ToneCheck(metric: metric, speaker: self.speaker(e, default: defaultSpeaker), aggregate: Aggregate(rawValue: e.attribute("aggregate") ?? "mean") ?? .mean, minimum: minimum, maximum: maximum, credit: credit))
        case "drift":
            guard let maximum = self.number(e, "max") else { return nil }
            return .drift(DriftCheck(maximumRange: maximum, minimumMessages: self.integer(e, "min-messages") ?? 2))
        case "journey-drift":
            guard let maximum = self.number(e, "max") else { return nil }
            return .journeyDrift(JourneyDriftCheck(maximumDifference: maximum, window: self.duration(e, "within"), otherChannelsOnly: e.attribute("other-channels") != "false", colderOnly: e.attribute("direction") == "colder"))
        case "style":
            guard let metric = StyleMetric(rawValue: e.attribute("metric") ?? "") else { return nil }
            return .style(StyleCheck(metric: metric, speaker: self.speaker(e, default: .agent), limits: self.countLimits(e)))
        case "frustration":
            guard let minimum = self.number(e, "min") else { return nil }
            return .frustration(FrustrationCheck(threshold: minimum, minimumMessages: self.integer(e, "messages") ?? 1, consecutive: e.attribute("consecutive") == "true"))
        case "amount":
            guard let over = self.number(e, "over") else { return nil }
            var check = AmountCheck(over: over, speaker: self.speaker(e, default: .customer), context: self.lists(e, "with"))
            if let kinds = e.attribute("events") {
                check.eventKinds = kinds.split(separator: " ").map(String.init)
                for kind in check.eventKinds { self.checkEventKind(kind, at: e.position(of: "events")) }
            }
            return .amount(check)
        case "escalation":
            if !self.hasEscalationPolicy {
                self.report(.unknownReference, e.position, "<escalation facet=...> needs an <escalation-policy> in the rubric")
                return nil
            }
            return EscalationFacet(rawValue: e.attribute("facet") ?? "").map(Check.escalation)
        case "channel":
            let channels = Set(self.channelList(e.attribute("is") ?? "", at: e.position(of: "is")))
            return .channel(channels)
        case "promises":
            var kinds: [PromiseCheck.Kind] = []
            for promise in e.children("promise") {
                let events = (promise.attribute("events") ?? "").split(separator: " ").map(String.init)
                for kind in events { self.checkEventKind(kind, at: promise.position(of: "events")) }
                let lists = self.lists(promise)
                guard !lists.isEmpty else { continue }
                kinds.append(.init(name: promise.attribute("kind") ?? "", lists: lists, events: events))
            }
            guard !kinds.isEmpty else { return nil }
            var requirements = Set(PromiseRequirement.allCases)
            if let text = e.attribute("require") {
                requirements = Set(text.split(separator: " ").compactMap { PromiseRequirement(rawValue: String($0)) })
            }
            if requirements.contains(.event), let bare = kinds.first(where: { $0.events.isEmpty }) {
                self.report(.invalidValue, e.position, "promise kind \"\(bare.name)\" has no events=\"...\" but require includes event, so it can never pass")
            }
            return .promises(PromiseCheck(kinds: kinds, requirements: requirements, window: self.integer(e, "within") ?? 1))
        case "handover":
            var check = HandoverCheck()
            if let events = e.attribute("events") {
                check.events = events.split(separator: " ").map(String.init)
                for kind in check.events { self.checkEventKind(kind, at: e.position(of: "events")) }
            }
            if let keys = e.attribute("summary-keys") { check.summaryKeys = keys.split(separator: " ").map(String.init) }
            check.summaryLists = self.lists(e, "summary")
            check.restartLists = self.lists(e, "restart")
            check.window = self.integer(e, "within") ?? 2
            return .handover(check)
        case "reference":
            var check = ReferenceCheck(speaker: self.speaker(e, default: .staff))
            if let keys = e.attribute("keys") { check.keys = keys.split(separator: " ").map(String.init) }
            return .reference(check)
        case "time-window":
            var check = TimeWindowCheck(speaker: self.speaker(e, default: .staff))
            if let keys = e.attribute("keys") { check.keys = keys.split(separator: " ").map(String.init) }
            return .timeWindow(check)
        case "bot-loop":
            return .botLoop(BotLoopCheck(repeats: self.integer(e, "repeats") ?? 2))
        case "need":
            guard let minimum = self.number(e, "min") else { return nil }
            return .need(minimum)
        default:
            self.report(.schemaViolation, e.position, "<\(e.name)> is not a check")
            return nil
        }
    }

    mutating func says(_ e: XMLElement, forbidden: Bool) -> PhraseCheck? {
        var lists = self.lists(e)
        if let inline = self.inlineList(e, owner: "says") { lists.append(inline) }
        if lists.isEmpty {
            if e.attribute("phrases") == nil && e.children("phrase").isEmpty {
                self.report(.invalidValue, e.position, "<\(e.name)> needs phrases=\"list-id ...\" or <phrase> children")
            }
            return nil
        }
        var scope = MessageScope.all
        if let text = e.attribute("in"), text != "all" {
            let parts = text.split(separator: " ")
            if parts.count == 2, let n = Int(parts[1]) { scope = parts[0] == "first" ? .first(n) : .last(n) }
        }
        var minimum = self.integer(e, "min") ?? (forbidden ? 0 : 1)
        var maximum = self.integer(e, "max")
        if forbidden {
            if e.attribute("min") != nil || e.attribute("max") != nil {
                self.report(.invalidValue, e.position, "<never-says> takes no min or max; use <says max=\"N\"> for a count limit")
            }
            minimum = 0
            maximum = 0
        }
        if let maximum, minimum > maximum {
            self.report(.invalidValue, e.position(of: "min"), "min \(minimum) is above max \(maximum); nothing can pass")
        }
        let withinWords = self.integer(e, "within-words")
        if let withinWords, withinWords < 1 {
            self.report(.invalidValue, e.position(of: "within-words"), "within-words must be at least 1")
        }
        return PhraseCheck(lists: lists, speaker: self.speaker(e, default: .agent), scope: scope, minimum: minimum, maximum: maximum, withinFirstWords: withinWords)
    }

    mutating func after(_ e: XMLElement) -> Check? {
        let sources = ["phrases", "frustration", "event"].filter { e.attribute($0) != nil }
        guard sources.count == 1 else {
            self.report(.invalidValue, e.position, "<after> needs exactly one trigger: phrases=\"...\", frustration=\"0.5\" or event=\"kind\"")
            return nil
        }
        let trigger: TriggerSource
        switch sources[0] {
        case "phrases":
            let lists = self.lists(e)
            guard !lists.isEmpty else { return nil }
            trigger = .phrases(lists: lists, speaker: self.speaker(e, default: .customer))
        case "frustration":
            guard let threshold = self.number(e, "frustration") else { return nil }
            trigger = .frustration(threshold)
        default:
            let kind = e.attribute("event")!
            self.checkEventKind(kind, at: e.position(of: "event"))
            trigger = .event(kind)
        }
        guard let within = self.integer(e, "within"), let then = self.check(in: e) else { return nil }
        return .after(AfterCheck(trigger: trigger, window: within, then: then))
    }

    mutating func event(_ e: XMLElement) -> EventCheck? {
        let kind = e.attribute("kind") ?? ""
        self.checkEventKind(kind, at: e.position(of: "kind"))
        var conditions: [DetailCondition] = []
        for detail in e.children("detail") {
            let name = detail.attribute("name") ?? ""
            var tests: [DetailCondition.Test] = []
            if let equals = detail.attribute("equals") { tests.append(.equals(equals.split(separator: "|").map(String.init))) }
            if let minimum = self.number(detail, "min") { tests.append(.atLeast(minimum)) }
            if let maximum = self.number(detail, "max") { tests.append(.atMost(maximum)) }
            if detail.attribute("exists") == "false" || detail.attribute("exists") == "0" {
                tests.append(.absent)
            } else if detail.attribute("exists") == "true" || detail.attribute("exists") == "1" || tests.isEmpty {
                tests.append(.exists)
            }
            for test in tests { conditions.append(DetailCondition(key: name, test: test)) }
        }
        let minimum = self.integer(e, "min") ?? 1
        let maximum = self.integer(e, "max")
        if let maximum, minimum > maximum {
            self.report(.invalidValue, e.position(of: "min"), "min \(minimum) is above max \(maximum); nothing can pass")
        }
        return EventCheck(kind: kind, conditions: conditions, minimum: minimum, maximum: maximum)
    }

    mutating func steps(_ container: XMLElement) -> [Step] {
        container.children.compactMap { element -> Step? in
            switch element.name {
            case "event": return self.event(element).map(Step.event)
            case "says":
                guard let check = self.says(element, forbidden: false) else { return nil }
                return .phrases(lists: check.lists, speaker: check.speaker)
            default: return nil
            }
        }
    }

    mutating func anchor(_ container: XMLElement) -> Anchor? {
        guard let element = container.children.first else { return nil }
        switch element.name {
        case "start": return .start
        case "end": return .end
        case "first-message": return .firstMessage(self.speaker(element, default: .customer))
        case "last-message": return .lastMessage(self.speaker(element, default: .customer))
        case "event":
            guard let check = self.event(element) else { return nil }
            return .event(check.kind)
        case "says":
            guard let check = self.says(element, forbidden: false) else { return nil }
            return .phrases(lists: check.lists, speaker: check.speaker)
        default: return nil
        }
    }
}
