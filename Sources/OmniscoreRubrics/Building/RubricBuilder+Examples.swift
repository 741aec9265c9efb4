import OmniscoreCore

extension RubricBuilder {
    /// Examples start at a fixed instant, so their outcomes never depend on the day `rubric check` runs.
    static let exampleStart = Timestamp(millisecondsSinceEpoch: 1_767_603_600_000)  // 2026-01-05T09:00:00Z

    mutating func example(_ element: XMLElement, criterion: String) -> RubricExample? {
        let name = element.attribute("name") ?? ""
        let expected: RubricExample.Expectation
        switch element.attribute("expect") ?? "" {
        case "pass": expected = .verdict(.pass)
        case "fail": expected = .verdict(.fail)
        case "na": expected = .verdict(.na)
        default: expected = .notScored
        }
        guard let main = element.child("interaction"), let interaction = self.transcript(main, id: "example:\(criterion):\(name)", start: RubricBuilder.exampleStart) else {
            return nil
        }
        var history: [Interaction] = []
        for (index, earlier) in element.children("earlier").enumerated() {
            let ago = self.duration(earlier, "ago") ?? .seconds(86400 * (index + 1))
            if let built = self.transcript(earlier, id: "example:\(criterion):\(name):earlier-\(index + 1)", start: RubricBuilder.exampleStart - ago) {
                history.append(built)
            }
        }
        let location = "\(self.file):\(element.position.line):\(element.position.column)"
        return RubricExample(name: name, expected: expected, interaction: interaction, history: history, location: location)
    }

    /// Contrastive pairs, in a rubric or a pairs file; `sections` and `criteria` are the ids they may target
    /// (`nil`: not known yet, as in a pairs file checked against a rubric later).
    mutating func pairs(_ elements: [XMLElement], sections: Set<String>?, criteria: Set<String>?) -> [RubricPair] {
        var pairs: [RubricPair] = []
        var names: [String: SourcePosition] = [:]
        for element in elements {
            let name = element.attribute("name") ?? ""
            if let first = names[name] {
                self.report(.duplicateID, element.position(of: "name"), "pair \"\(name)\" is already used at line \(first.line); pair names must be unique")
            }
            names[name] = element.position(of: "name")
            let targets = ["section", "criterion", "figure"].filter { element.attribute($0) != nil }
            guard targets.count == 1 else {
                self.report(.invalidValue, element.position, "pair \"\(name)\" needs exactly one of section=\"...\", criterion=\"...\" or figure=\"total|outcome\"")
                continue
            }
            let target: RubricPair.Target
            switch targets[0] {
            case "section":
                let id = element.attribute("section")!
                if let sections, !sections.contains(id) {
                    let hint = RubricBuilder.closest(id, in: Array(sections)).map { "; did you mean \"\($0)\"?" } ?? ""
                    self.report(.unknownReference, element.position(of: "section"), "pair \"\(name)\" targets section \"\(id)\", which the rubric does not have\(hint)")
                }
                target = .section(id)
            case "criterion":
                let id = element.attribute("criterion")!
                if let criteria, !criteria.contains(id) {
                    let hint = RubricBuilder.closest(id, in: Array(criteria)).map { "; did you mean \"\($0)\"?" } ?? ""
                    self.report(.unknownReference, element.position(of: "criterion"), "pair \"\(name)\" targets criterion \"\(id)\", which the rubric does not have\(hint)")
                }
                target = .criterion(id)
            default:
                target = element.attribute("figure") == "total" ? .total : .outcome
            }
            let id = "pair:\(name)"
            guard let betterElement = element.child("better"), let worseElement = element.child("worse"),
                let better = self.transcript(betterElement, id: "\(id):better", start: RubricBuilder.exampleStart),
                let worse = self.transcript(worseElement, id: "\(id):worse", start: RubricBuilder.exampleStart)
            else { continue }
            var history: [Interaction] = []
            for (index, earlier) in element.children("earlier").enumerated() {
                let ago = self.duration(earlier, "ago") ?? .seconds(86400 * (index + 1))
                if let built = self.transcript(earlier, id: "\(id):earlier-\(index + 1)", start: RubricBuilder.exampleStart - ago) {
                    history.append(built)
                }
            }
            let location = "\(self.file):\(element.position.line):\(element.position.column)"
            pairs.append(RubricPair(
                name: name, behaviour: element.attribute("behaviour") ?? "", target: target, note: element.child("note")?.collapsedText ?? "",
                better: better, worse: worse, history: history, location: location
            ))
        }
        return pairs
    }

    mutating func transcript(_ element: XMLElement, id: String, start: Timestamp) -> Interaction? {
        let channel = element.attribute("channel").flatMap { Channel(name: $0) } ?? .chat
        var messages: [Message] = []
        var events: [InteractionEvent] = []
        for child in element.children {
            let at = child.attribute("at").flatMap { self.offset($0, in: child) }.map { start + $0 }
            switch child.name {
            case "customer", "agent", "bot", "system":
                messages.append(Message(role: Role(rawValue: child.name)!, at: at, text: child.text.trimmingSpaces))
            case "event":
                var detail: [(key: String, value: JSONValue)] = []
                for d in child.children("detail") {
                    let value = d.attribute("value") ?? ""
                    detail.append((d.attribute("name") ?? "", Double(value).map(JSONValue.number) ?? .string(value)))
                }
                let kind = child.attribute("kind") ?? ""
                self.checkEventKind(kind, at: child.position(of: "kind"))
                events.append(InteractionEvent(kind: kind, at: at, actor: "example-agent", detail: detail))
            default:
                break
            }
        }
        let last = (messages.compactMap(\.at) + events.compactMap(\.at)).max()
        return Interaction(
            id: id,
            channel: channel,
            customerID: "example-customer",
            agentID: "example-agent",
            startedAt: start,
            endedAt: last,
            subject: element.attribute("subject"),
            language: element.attribute("language"),
            messages: messages,
            events: events
        )
    }

    mutating func offset(_ text: String, in element: XMLElement) -> Duration? {
        guard text.hasPrefix("+"), let value = Duration(compact: String(text.dropFirst())) else {
            self.report(.invalidValue, element.position(of: "at"), "at=\"\(text)\" is not an offset such as +30s or +2m")
            return nil
        }
        return value
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
