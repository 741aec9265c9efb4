import OmniscoreCore

/// Turns the element tree of a schema-valid rubric into a `Rubric`, checking what the schema cannot: unique ids,
/// references to phrase lists, phrase syntax, weights, reachability, event kinds and examples. It collects every
/// problem with its position instead of stopping at the first.
struct RubricBuilder {
    let file: String
    var diagnostics: [RubricError] = []
    var phraseLists: [PhraseList] = []
    var listIndex: [String: Int] = [:]
    var listPositions: [SourcePosition] = []
    var usedLists: Set<Int> = []
    var eventKinds: Set<String> = RubricBuilder.standardEventKinds
    var channels: Set<Channel> = Set(Channel.allCases)
    var hasEscalationPolicy = false
    var inlineCounter = 0

    /// Event kinds every rubric may use without declaring them in `<event-kinds>`.
    static let standardEventKinds: Set<String> = [
        "escalated", "transferred", "identity_verified", "identity_failed", "refund_requested", "refund_issued",
        "refund_denied", "return_authorised", "complaint_logged", "account_updated", "payment_made",
        "callback_scheduled", "resolved", "reopened", "bot_handoff", "hold_started", "hold_ended", "note_added",
        "survey_sent", "closed", "ticket_created", "case_created", "follow_up_scheduled", "replacement_ordered",
    ]

    init(file: String) {
        self.file = file
    }

    mutating func report(_ code: RubricError.Code, _ position: SourcePosition, _ message: String, severity: RubricError.Severity = .error) {
        self.diagnostics.append(RubricError(code, severity: severity, file: self.file, line: max(position.line, 1), column: max(position.column, 1), message: message))
    }

    // MARK: Rubric

    mutating func build(_ root: XMLElement, sha256: String) -> Rubric? {
        var rubric = Rubric(id: root.attribute("id") ?? "", version: root.attribute("version") ?? "", sha256: sha256)
        rubric.title = root.child("title")?.collapsedText ?? ""
        rubric.description = root.child("description")?.collapsedText ?? ""
        if let languages = root.child("languages") {
            rubric.languages = languages.collapsedText.split(separator: " ").map(String.init)
            for code in rubric.languages where !LanguageDetector.supportedLanguages.contains(code) {
                self.report(.invalidValue, languages.position, "language \"\(code)\" cannot be detected from text; interactions must then say their language (the detector knows \(LanguageDetector.supportedLanguages.joined(separator: ", ")))", severity: .warning)
            }
        }
        if let element = root.child("channels") {
            rubric.channels = Set(self.channelList(element.collapsedText, at: element.position))
            self.channels = rubric.channels
        }
        if let kinds = root.child("event-kinds") {
            for kind in kinds.collapsedText.split(separator: " ") { self.eventKinds.insert(String(kind)) }
        }
        if let scoring = root.child("scoring") {
            rubric.scoring = ScoringRules(
                passMark: self.number(scoring, "pass-mark") ?? 80,
                autoFailScore: self.number(scoring, "auto-fail-score") ?? 0,
                minimumAgentMessages: self.integer(scoring, "min-agent-messages") ?? 1,
                minimumWords: self.integer(scoring, "min-words") ?? 3,
                skipsPleasantries: scoring.attribute("pleasantries") != "score"
            )
        }
        if let journey = root.child("journey"), let window = self.duration(journey, "window") {
            rubric.journeyWindow = window
        }
        // Phrase lists first: checks refer to them.
        for element in root.children("phrases") { self.addPhraseList(element) }
        if let scope = root.child("scope") {
            rubric.scopeDescription = scope.attribute("description") ?? ""
            rubric.scope = self.check(in: scope)
        }
        if let voice = root.child("voice") { rubric.voice = self.voice(voice) }
        if let policy = root.child("escalation-policy") {
            self.hasEscalationPolicy = true
            rubric.escalationPolicy = self.escalationPolicy(policy)
        }
        if let signals = root.child("signals") { rubric.signals = self.signals(signals) }
        var sectionIDs: [String: SourcePosition] = [:]
        var criterionIDs: [String: SourcePosition] = [:]
        for element in root.children("section") {
            let id = element.attribute("id") ?? ""
            if let first = sectionIDs[id] {
                self.report(.duplicateID, element.position(of: "id"), "section id \"\(id)\" is already used at line \(first.line); section ids must be unique")
            }
            sectionIDs[id] = element.position(of: "id")
            var section = Section(id: id, title: element.attribute("title") ?? id, weight: self.number(element, "weight"))
            for criterionElement in element.children("criterion") {
                let criterionID = criterionElement.attribute("id") ?? ""
                if let first = criterionIDs[criterionID] {
                    self.report(.duplicateID, criterionElement.position(of: "id"), "criterion id \"\(criterionID)\" is already used at line \(first.line); criterion ids must be unique across the rubric")
                }
                criterionIDs[criterionID] = criterionElement.position(of: "id")
                if let criterion = self.criterion(criterionElement) { section.criteria.append(criterion) }
            }
            rubric.sections.append(section)
        }
        rubric.pairs = self.pairs(root.children("pair"), sections: Set(sectionIDs.keys), criteria: Set(criterionIDs.keys))
        rubric.phraseLists = self.phraseLists
        self.checkWeights(rubric, root: root)
        for (index, list) in self.phraseLists.enumerated() where !self.usedLists.contains(index) && !list.id.contains("#") {
            self.report(.unusedPhraseList, self.listPositions[index], "phrase list \"\(list.id)\" is never used; reference it from a check or the voice guide, or delete it", severity: .warning)
        }
        return self.diagnostics.contains { $0.severity == .error } ? nil : rubric
    }

    mutating func checkWeights(_ rubric: Rubric, root: XMLElement) {
        let sections = root.children("section")
        let weighted = sections.filter { $0.attribute("weight") != nil }
        if !weighted.isEmpty && weighted.count != sections.count {
            for element in sections where element.attribute("weight") == nil {
                self.report(.invalidValue, element.position, "section \"\(element.attribute("id") ?? "")\" has no weight while other sections do; give every section a weight, or none for a points-based total")
            }
        }
        let available = rubric.criteria.filter { !$0.isBonus }.reduce(0) { $0 + $1.points }
        if available <= 0 && !rubric.criteria.isEmpty {
            self.report(.invalidValue, root.position, "no criterion has points outside bonuses, so no total can be computed; give at least one criterion points > 0")
        }
        for (section, element) in zip(rubric.sections, sections) where !section.criteria.isEmpty && section.criteria.allSatisfy({ $0.isBonus || $0.points == 0 }) {
            self.report(.invalidValue, element.position, "section \"\(section.id)\" has only bonus or zero-point criteria, so its score is never defined", severity: .warning)
        }
    }

    // MARK: Phrase lists

    mutating func addPhraseList(_ element: XMLElement) {
        let id = element.attribute("id") ?? ""
        if let existing = self.listIndex[id] {
            self.report(.duplicateID, element.position(of: "id"), "phrase list \"\(id)\" is already defined at line \(self.listPositions[existing].line); phrase list ids must be unique")
            return
        }
        var phrases: [Phrase] = []
        for name in (element.attribute("include") ?? "").split(separator: " ").map(String.init) {
            if let builtin = BuiltinLexicon.phrases(named: name) {
                phrases += builtin.map { Phrase($0) }
            } else {
                let hint = RubricBuilder.closest(name, in: BuiltinLexicon.names).map { "; did you mean \"\($0)\"?" } ?? "; the built-in lexicons are \(BuiltinLexicon.names.joined(separator: ", "))"
                self.report(.unknownReference, element.position(of: "include"), "unknown built-in lexicon \"\(name)\"\(hint)")
            }
        }
        phrases += self.phrases(element.children("phrase"))
        if phrases.isEmpty && element.attribute("include") == nil {
            self.report(.schemaViolation, element.position, "phrase list \"\(id)\" has no phrases; add <phrase> children or include=\"lexicon\"")
        }
        self.listIndex[id] = self.phraseLists.count
        self.listPositions.append(element.position(of: "id"))
        self.phraseLists.append(PhraseList(id: id, description: element.attribute("description") ?? "", phrases: phrases))
    }

    mutating func phrases(_ elements: [XMLElement]) -> [Phrase] {
        var phrases: [Phrase] = []
        for element in elements {
            let text = element.collapsedText
            do {
                _ = try PhraseSyntax.compile(text)
                phrases.append(Phrase(text, weight: self.number(element, "weight") ?? 1))
            } catch {
                self.report(.invalidPhrase, element.position, error.message)
            }
        }
        return phrases
    }

    /// Resolves a space-separated list of phrase list ids.
    mutating func lists(_ element: XMLElement, _ attribute: String = "phrases") -> [Int] {
        guard let value = element.attribute(attribute) else { return [] }
        var result: [Int] = []
        for id in value.split(separator: " ").map(String.init) {
            if let index = self.listIndex[id] {
                result.append(index)
                self.usedLists.insert(index)
            } else {
                let hint = RubricBuilder.closest(id, in: Array(self.listIndex.keys)).map { "; did you mean \"\($0)\"?" } ?? "; define it with <phrases id=\"\(id)\">"
                self.report(.unknownReference, element.position(of: attribute), "unknown phrase list \"\(id)\"\(hint)")
            }
        }
        return result
    }

    /// Inline `<phrase>` children become an anonymous list.
    mutating func inlineList(_ element: XMLElement, owner: String) -> Int? {
        let children = element.children("phrase")
        guard !children.isEmpty else { return nil }
        let phrases = self.phrases(children)
        guard !phrases.isEmpty else { return nil }
        self.inlineCounter += 1
        let index = self.phraseLists.count
        self.phraseLists.append(PhraseList(id: "\(owner)#\(self.inlineCounter)", phrases: phrases))
        self.listPositions.append(element.position)
        self.usedLists.insert(index)
        return index
    }

    static func closest(_ id: String, in candidates: [String]) -> String? {
        var best: (String, Int)? = nil
        for candidate in candidates.sorted() {
            let distance = editDistance(Array(id), Array(candidate))
            if distance <= max(2, id.count / 3), best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    // MARK: Voice and policy

    mutating func voice(_ element: XMLElement) -> VoiceGuide {
        var voice = VoiceGuide(frustratedThreshold: self.number(element, "frustrated-at") ?? 0.5)
        if let e = element.child("empathy") { voice.empathy = self.lists(e) }
        if let e = element.child("banned") { voice.banned = self.lists(e) }
        if let e = element.child("avoid") { voice.avoided = self.lists(e) }
        if let e = element.child("preferred") { voice.preferred = self.lists(e) }
        if let e = element.child("frustration") { voice.frustration = self.lists(e) }
        if let e = element.child("tone-score") {
            let defaults = ToneWeights()
            voice.weights = ToneWeights(
                politeness: self.number(e, "politeness") ?? defaults.politeness,
                voice: self.number(e, "voice") ?? defaults.voice,
                empathy: self.number(e, "empathy") ?? defaults.empathy,
                consistency: self.number(e, "consistency") ?? defaults.consistency,
                style: self.number(e, "style") ?? defaults.style
            )
            let w = voice.weights
            if w.politeness + w.voice + w.empathy + w.consistency + w.style <= 0 {
                self.report(.invalidValue, e.position, "the tone-score weights add up to 0; give at least one a positive weight")
            }
        }
        return voice
    }

    mutating func escalationPolicy(_ element: XMLElement) -> EscalationPolicy {
        var triggers: [EscalationTrigger] = []
        var ids: [String: SourcePosition] = [:]
        for t in element.children("trigger") {
            let id = t.attribute("id") ?? ""
            if let first = ids[id] {
                self.report(.duplicateID, t.position(of: "id"), "trigger id \"\(id)\" is already used at line \(first.line)")
            }
            ids[id] = t.position(of: "id")
            let tier = self.integer(t, "tier") ?? 2
            let maximum = self.integer(t, "max-tier")
            if let maximum, maximum < tier {
                self.report(.invalidValue, t.position(of: "max-tier"), "max-tier \(maximum) is below tier \(tier); no escalation could ever be right")
            }
            let deadline = t.child("deadline").map { self.durationLimits($0) } ?? ChannelLimits()
            guard let when = t.child("when"), let condition = self.check(in: when) else { continue }
            var usesNeed = false
            condition.visit { if case .need = $0 { usesNeed = true } }
            if usesNeed {
                self.report(.invalidValue, when.position, "a trigger cannot test <need>: escalation need is computed from the triggers; use need-threshold=\"...\" on <escalation-policy>")
            }
            let destinations = (t.attribute("to") ?? "").split(separator: " ").map { String($0).lowercased() }
            triggers.append(EscalationTrigger(id: id, title: t.attribute("title") ?? id, condition: condition, tier: tier, maximumTier: maximum, destinations: destinations, deadline: deadline, botPhaseOnly: t.attribute("phase") == "bot"))
        }
        let handoff = element.attribute("handoff-events").map { $0.split(separator: " ").map(String.init) } ?? ["bot_handoff"]
        for kind in handoff { self.checkEventKind(kind, at: element.position(of: "handoff-events")) }
        let threshold = self.number(element, "need-threshold")
        let needless = self.number(element, "needless-below")
        if let threshold, let needless, needless > threshold {
            self.report(.invalidValue, element.position(of: "needless-below"), "needless-below \(needless) is above need-threshold \(threshold): an escalation the policy requires would count as needless")
        }
        return EscalationPolicy(
            triggers: triggers,
            eventKind: element.attribute("event") ?? "escalated",
            tierKey: element.attribute("tier-key") ?? "tier",
            destinationKey: element.attribute("destination-key") ?? "to",
            handoffEvents: handoff,
            botReplies: self.integer(element, "bot-replies") ?? 1,
            needThreshold: threshold,
            needlessBelow: needless,
            needTier: self.integer(element, "need-tier") ?? 2
        )
    }

    // MARK: Signal models

    mutating func signals(_ element: XMLElement) -> SignalModels {
        var models = SignalModels()
        var seen: Set<String> = []
        for model in element.children("model") {
            guard let kind = model.attribute("figure").flatMap(SignalModel.Kind.init(rawValue:)) else { continue }
            if seen.contains(kind.rawValue) {
                self.report(.duplicateID, model.position(of: "figure"), "the \(kind.rawValue) model is already given; give each figure one <model>")
            }
            seen.insert(kind.rawValue)
            var value = models[kind]
            if let bias = self.number(model, "bias") { value.bias = bias }
            for weight in model.children("weight") {
                let feature = weight.attribute("feature") ?? ""
                guard let number = self.number(weight, "value") else { continue }
                if !value.setWeight(feature, to: number) {
                    let hint = RubricBuilder.closest(feature, in: kind.features).map { "; did you mean \"\($0)\"?" } ?? "; its features are \(kind.features.joined(separator: ", "))"
                    self.report(.unknownReference, weight.position(of: "feature"), "the \(kind.rawValue) model has no feature \"\(feature)\"\(hint)")
                }
            }
            models[kind] = value
        }
        return models
    }

    // MARK: Criteria

    mutating func criterion(_ element: XMLElement) -> Criterion? {
        let id = element.attribute("id") ?? ""
        var criterionChannels: Set<Channel>? = nil
        if element.attribute("channels") != nil {
            let listed = Set(self.channelList(element.attribute("channels")!, at: element.position(of: "channels")))
            criterionChannels = listed
            if listed.isDisjoint(with: self.channels) {
                self.report(.unreachable, element.position(of: "channels"), "criterion \"\(id)\" only applies to \(listed.sorted().map(\.rawValue).joined(separator: ", ")), which the rubric does not score, so it can never apply")
            } else if !listed.isSubset(of: self.channels) {
                self.report(.unreachable, element.position(of: "channels"), "criterion \"\(id)\" lists channels the rubric does not score: \(listed.subtracting(self.channels).sorted().map(\.rawValue).joined(separator: ", "))", severity: .warning)
            }
        }
        let applies = element.child("applies-when").flatMap { self.check(in: $0) }
        if let applies, let effective = criterionChannels ?? Optional(self.channels), case .channel(let only) = applies, only.isDisjoint(with: effective) {
            self.report(.unreachable, element.child("applies-when")!.position, "criterion \"\(id)\" applies only on channels it is not scored on, so it can never apply")
        }
        guard let checkElement = element.child("check"), let check = self.check(in: checkElement) else { return nil }
        var criterion = Criterion(
            id: id,
            title: element.child("title")?.collapsedText ?? id,
            description: element.child("description")?.collapsedText ?? "",
            points: self.number(element, "points") ?? 1,
            severity: element.attribute("severity") == "critical" ? .critical : .normal,
            isBonus: element.attribute("bonus") == "true" || element.attribute("bonus") == "1",
            channels: criterionChannels,
            appliesWhen: applies,
            check: check,
            coaching: element.child("coaching")?.collapsedText ?? ""
        )
        if criterion.isBonus && criterion.severity == .critical {
            self.report(.invalidValue, element.position(of: "bonus"), "a bonus criterion cannot be critical: failing a bonus costs nothing")
        }
        var names: [String: SourcePosition] = [:]
        for example in element.children("example") {
            let name = example.attribute("name") ?? ""
            if let first = names[name] {
                self.report(.duplicateID, example.position(of: "name"), "example \"\(name)\" is already used at line \(first.line) in this criterion")
            }
            names[name] = example.position(of: "name")
            if let built = self.example(example, criterion: id) { criterion.examples.append(built) }
        }
        let expectations = Set(criterion.examples.map(\.expected))
        if !expectations.contains(.verdict(.pass)) || !expectations.contains(.verdict(.fail)) {
            let missing = [Verdict.pass, .fail].filter { !expectations.contains(.verdict($0)) }.map(\.rawValue).joined(separator: " and ")
            self.report(.missingExamples, element.position, "criterion \"\(id)\" has no \(missing) example; add <example expect=\"...\"> transcripts so `rubric check` can test it", severity: .warning)
        }
        return criterion
    }

    // MARK: Values

    mutating func number(_ element: XMLElement, _ attribute: String) -> Double? {
        guard let text = element.attribute(attribute) else { return nil }
        guard let value = Double(text) else {
            self.report(.invalidValue, element.position(of: attribute), "\(attribute)=\"\(text)\" is not a number")
            return nil
        }
        return value
    }

    mutating func integer(_ element: XMLElement, _ attribute: String) -> Int? {
        guard let text = element.attribute(attribute) else { return nil }
        guard let value = Int(text) else {
            self.report(.invalidValue, element.position(of: attribute), "\(attribute)=\"\(text)\" is not a whole number")
            return nil
        }
        return value
    }

    mutating func duration(_ element: XMLElement, _ attribute: String) -> Duration? {
        guard let text = element.attribute(attribute) else { return nil }
        guard let value = Duration(compact: text) else {
            self.report(.invalidValue, element.position(of: attribute), "\(attribute)=\"\(text)\" is not a duration; write 30s, 15m, 4h, 2d or 1h30m")
            return nil
        }
        return value
    }

    mutating func channelList(_ text: String, at position: SourcePosition) -> [Channel] {
        text.split(separator: " ").compactMap { name in
            guard let channel = Channel(name: name) else {
                self.report(.invalidValue, position, "unknown channel \"\(name)\"")
                return nil
            }
            return channel
        }
    }

    mutating func speaker(_ element: XMLElement, default value: Speaker) -> Speaker {
        element.attribute("who").flatMap(Speaker.init(rawValue:)) ?? value
    }

    /// `max="10m"` plus `<on channel="email social" max="4h"/>` children; `none` removes the limit.
    mutating func durationLimits(_ element: XMLElement) -> ChannelLimits<Duration> {
        var limits = ChannelLimits<Duration>()
        var none: Set<Channel> = []
        if let text = element.attribute("max"), text != "none" { limits.defaultValue = self.duration(element, "max") }
        for on in element.children("on") {
            let channels = self.channelList(on.attribute("channel") ?? "", at: on.position(of: "channel"))
            if on.attribute("max") == "none" {
                none.formUnion(channels)
                continue
            }
            guard let value = self.duration(on, "max") else { continue }
            for channel in channels { limits.perChannel[channel] = value }
        }
        if !none.isEmpty {
            // A channel explicitly without a limit must not fall back to the default.
            let fallback = limits.defaultValue
            limits.defaultValue = nil
            for channel in Channel.allCases where !none.contains(channel) && limits.perChannel[channel] == nil {
                if let fallback { limits.perChannel[channel] = fallback }
            }
        }
        if limits.defaultValue == nil && limits.perChannel.isEmpty && none.isEmpty {
            self.report(.invalidValue, element.position, "<\(element.name)> sets no limit; add max=\"...\" or <on channel=\"...\" max=\"...\"/>")
        }
        return limits
    }

    mutating func countLimits(_ element: XMLElement) -> ChannelLimits<Int> {
        var limits = ChannelLimits<Int>()
        var none: Set<Channel> = []
        if let text = element.attribute("max"), text != "none" { limits.defaultValue = self.integer(element, "max") }
        for on in element.children("on") {
            let channels = self.channelList(on.attribute("channel") ?? "", at: on.position(of: "channel"))
            if on.attribute("max") == "none" {
                none.formUnion(channels)
                continue
            }
            guard let value = self.integer(on, "max") else { continue }
            for channel in channels { limits.perChannel[channel] = value }
        }
        if !none.isEmpty {
            let fallback = limits.defaultValue
            limits.defaultValue = nil
            for channel in Channel.allCases where !none.contains(channel) && limits.perChannel[channel] == nil {
                if let fallback { limits.perChannel[channel] = fallback }
            }
        }
        if limits.defaultValue == nil && limits.perChannel.isEmpty && none.isEmpty {
            self.report(.invalidValue, element.position, "<\(element.name)> sets no limit; add max=\"...\" or <on channel=\"...\" max=\"...\"/>")
        }
        return limits
    }

    mutating func checkEventKind(_ kind: String, at position: SourcePosition) {
        guard !self.eventKinds.contains(kind) else { return }
        let hint = RubricBuilder.closest(kind, in: Array(self.eventKinds)).map { "did you mean \"\($0)\"? " } ?? ""
        self.report(.unknownEventKind, position, "event kind \"\(kind)\" is not a standard kind; \(hint)declare it in <event-kinds> if your platform records it", severity: .warning)
    }
}
