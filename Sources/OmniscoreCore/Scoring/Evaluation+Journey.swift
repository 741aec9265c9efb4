extension Evaluation {
    /// Words that say nothing about which issue a subject is about: function words and the vocabulary every
    /// support subject shares ("Re: order not delivered"), so "Parasol arrived broken" and "Parasol replacement"
    /// meet on "parasol" while "Bench delivery late" and "Sofa delivery late" do not meet at all.
    static let subjectStopWords = Set(LanguageDetector.languages[0].stopWords + [
        "re", "fw", "fwd", "aw", "about", "order", "orders", "query", "question", "issue", "problem", "help", "request",
        "delivery", "delivered", "late", "refund", "refunds", "return", "returns", "returned", "missing", "damaged",
        "broken", "account", "payment", "payments", "item", "items", "parcel", "update", "status", "complaint", "card",
        "charge", "charged", "still", "not", "arrived", "new", "replacement", "exchange", "again", "wrong", "faulty",
        "follow", "urgent", "please", "your", "our", "need", "needs", "info", "information", "enquiry", "inquiry",
        "contact", "call", "chat", "email", "message", "customer", "service", "team", "request", "received", "sent",
        "want", "can", "cant", "how", "why", "when", "where", "who", "which", "has", "had", "got", "get",
    ])

    /// The summary of this interaction that later interactions of the customer see.
    func journeyRecord() -> JourneyRecord {
        var subjectWords: [String] = []
        if let subject = self.interaction.subject {
            for word in TextNormalizer.normalizedWords(subject) where word.count >= 3 && !Evaluation.subjectStopWords.contains(word) {
                if !subjectWords.contains(word) { subjectWords.append(word) }
            }
        }
        var keys: [String] = []
        var provided: Set<InfoKind> = []
        for (index, message) in self.interaction.messages.enumerated() where message.role == .customer {
            for entity in self.entities[index] {
                if let info = entity.infoKind { provided.insert(info) }
                if entity.kind == .orderNumber {
                    provided.insert(.reference)
                    if !entity.key.isEmpty, !keys.contains(entity.key) { keys.append(entity.key) }
                }
            }
        }
        for (info, lists) in self.givenLists {
            // A system line such as "Customer sent an image" counts as the customer's.
            for list in lists where self.hits[list: list].contains(where: { self.interaction.messages[Int($0.message)].role != .agent && self.interaction.messages[Int($0.message)].role != .bot }) {
                provided.insert(info)
            }
        }
        let escalated = self.interaction.events.contains { $0.kind == (self.rubric.escalationPolicy?.eventKind ?? "escalated") }
        return JourneyRecord(
            interactionID: self.interaction.id,
            customerID: self.interaction.customerID,
            channel: self.interaction.channel,
            startedAt: self.interaction.startedAt,
            subjectWords: subjectWords,
            issueKeys: keys.sorted(),
            providedInfo: provided,
            agentWarmth: self.warmth(),
            wasEscalated: escalated
        )
    }

    /// Earlier interactions within `window` before this one started.
    func recentHistory(within window: Duration) -> [JourneyRecord] {
        let earliest = self.interaction.startedAt - window
        return self.history
            .filter { $0.startedAt < self.interaction.startedAt && $0.startedAt >= earliest && $0.interactionID != self.interaction.id }
            .sorted { ($0.startedAt, $0.interactionID) < ($1.startedAt, $1.interactionID) }
    }

    /// At least N earlier contacts (about the same issue) within the window.
    func evaluateRepeatContact(_ check: RepeatContactCheck) -> Outcome {
        let current = self.record
        let earlier = self.recentHistory(within: check.window).filter { !check.sameIssue || $0.isSameIssue(as: current) }
        let about = check.sameIssue ? " about the same issue" : ""
        let evidence = earlier.map { Evidence(interaction: $0.interactionID, note: "\($0.channel.rawValue) contact on \(ISO8601.formatDate($0.startedAt))") }
        let window = check.window.compactDescription
        if earlier.count >= check.minimumPrevious {
            let channels = Set(earlier.map(\.channel.rawValue)).sorted().joined(separator: ", ")
            return .pass("contact \(earlier.count + 1)\(about) within \(window) (earlier on \(channels))", evidence, time: self.interaction.startedAt, message: 0)
        }
        return .fail("\(earlier.count) earlier contact(s)\(about) within \(window); \(check.minimumPrevious) make a repeat contact", evidence)
    }

    /// The agent does not ask for information the customer already gave, in this interaction or an earlier one.
    func evaluateAskedAgain(_ check: AskedAgainCheck, in window: Window) -> Outcome {
        let earlier = self.recentHistory(within: check.window ?? self.rubric.journeyWindow)
        var asked: [(message: Int, info: InfoKind, hit: PhraseHit, given: [Int])] = []
        let gratitude = self.lexiconBase + ToneLexicon.Category.gratitude.rawValue
        for item in check.items {
            for list in item.asks {
                for hit in self.hits[list: list] {
                    let index = Int(hit.message)
                    guard window.messages.contains(index), self.interaction.messages[index].role == .agent else { continue }
                    if let words = item.withinFirstWords, hit.firstWord > Int32(words) { continue }
                    // Reading the value back ("your order LK-1234 is ...") or thanking for it ("thanks for the
                    // order number") is not asking for it.
                    if item.info.isEntity, self.entities[index].contains(where: { Evaluation.entity($0, gives: item.info) }) { continue }
                    let thanked = self.hits[list: gratitude].contains { $0.message == hit.message && hit.firstWord > $0.lastWord && hit.firstWord - $0.lastWord <= 2 }
                    if thanked { continue }
                    asked.append((index, item.info, hit, item.given))
                }
            }
        }
        guard !asked.isEmpty else {
            let kinds = check.items.map(\.info.label).joined(separator: ", ")
            return .na("the agent never asked for \(kinds)")
        }
        asked.sort { ($0.message, $0.hit.start) < ($1.message, $1.hit.start) }
        var passes: [String] = []
        for ask in asked {
            // Given earlier in this interaction?
            for index in 0..<ask.message where self.interaction.messages[index].role == .customer || self.interaction.messages[index].role == .system {
                if let range = self.given(ask.info, in: index, lists: ask.given, asked: ask.hit) {
                    let given = self.evidence(message: index, range: range, note: "the customer gave the \(ask.info.label) here")
                    return .fail(
                        "the agent asked for the \(ask.info.label) in \(Evaluation.ordinal(ask.message)) although the customer gave it in \(Evaluation.ordinal(index))",
                        [self.evidence(for: ask.hit), given]
                    )
                }
            }
            // Given in an earlier interaction of the journey?
            if let record = earlier.last(where: { $0.providedInfo.contains(ask.info) }) {
                return .fail(
                    "the agent asked for the \(ask.info.label) in \(Evaluation.ordinal(ask.message)) although the customer gave it in interaction \(record.interactionID) (\(record.channel.rawValue), \(ISO8601.formatDate(record.startedAt)))",
                    [self.evidence(for: ask.hit), Evidence(interaction: record.interactionID, note: "the customer gave the \(ask.info.label) here")]
                )
            }
            passes.append("the \(ask.info.label) in \(Evaluation.ordinal(ask.message))")
        }
        return .pass("the agent asked only for what the customer had not given: \(passes.joined(separator: ", "))", asked.prefix(3).map { self.evidence(for: $0.hit) })
    }

    /// Whether an entity is a value of `info`: any order-like code counts as a reference.
    static func entity(_ entity: Entity, gives info: InfoKind) -> Bool {
        entity.infoKind == info || (info == .reference && entity.kind == .orderNumber)
    }

    /// Where customer message `index` gives `info`: the entity's span, or the span of a phrase of `lists` for
    /// information given in words. A document counts only when it is the kind asked for: a photo sent does not
    /// answer a request for a bank statement (when either side names no document, it is taken to be the same).
    func given(_ info: InfoKind, in index: Int, lists: [Int], asked: PhraseHit? = nil) -> Range<Int>? {
        if info.isEntity, let entity = self.entities[index].first(where: { Evaluation.entity($0, gives: info) }) {
            return entity.range
        }
        var wanted: Set<UInt64> = []
        if info == .document, let asked {
            wanted = self.documentWords(Int(asked.start)..<Int(asked.end))
        }
        for list in lists {
            if let hit = self.hits[list: list].first(where: { Int($0.message) == index }) {
                if !wanted.isEmpty {
                    // The documents the message speaks of, not only the words of the phrase ("please find attached
                    // my last three payslips").
                    if self.documentWords(self.text.messageRanges[index]).isDisjoint(with: wanted) { continue }
                }
                let range = self.text.originalRange(of: Int(hit.start)..<Int(hit.end))
                return Int(range.lowerBound)..<Int(range.upperBound)
            }
        }
        return nil
    }

    /// The words of normalised text that say which document it is: "bank statement", "payslips", "photo", with
    /// plurals folded, synonyms joined and the verbs and small words around them left out; as hashes, so no
    /// string is built per word.
    func documentWords(_ range: Range<Int>) -> Set<UInt64> {
        var result: Set<UInt64> = []
        self.text.bytes.withUnsafeBufferPointer { bytes in
            var start = range.lowerBound
            while start < range.upperBound {
                while start < range.upperBound, bytes[start] == UInt8(ascii: " ") { start += 1 }
                var end = start
                while end < range.upperBound, bytes[end] != UInt8(ascii: " ") { end += 1 }
                if end - start >= 3 {
                    var word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if !Evaluation.documentStopWordHashes.contains(WordLexicon.hash(word)) {
                        if word.count > 3, word.last == UInt8(ascii: "s") { word = UnsafeBufferPointer(rebasing: word.dropLast()) }
                        let folded = WordLexicon.hash(word)
                        result.insert(Evaluation.documentSynonymHashes[folded] ?? folded)
                    }
                }
                start = end
            }
        }
        return result
    }

    static let documentStopWordHashes = Set(Evaluation.documentStopWords.map { WordLexicon.hash(Array($0.utf8)) })
    static let documentSynonymHashes = Dictionary(uniqueKeysWithValues: Evaluation.documentSynonyms.map { (WordLexicon.hash(Array($0.key.utf8)), WordLexicon.hash(Array($0.value.utf8))) })

    static let documentSynonyms: [String: String] = [
        "pic": "photo", "picture": "photo", "image": "photo", "photograph": "photo", "snap": "photo", "snapshot": "photo",
        "img": "photo", "jpg": "photo", "jpeg": "photo", "png": "photo", "payslip": "payslip", "slip": "payslip",
        "licence": "license", "passport": "id", "identification": "id",
    ]

    static let documentStopWords: Set<String> = [
        "send", "sent", "attach", "attached", "upload", "uploaded", "email", "emailed", "mail", "mailed", "share", "shared",
        "forward", "forwarded", "provide", "provided", "resend", "need", "needed", "require", "required", "could", "can",
        "you", "please", "pls", "the", "your", "my", "our", "some", "over", "here", "again", "still", "will", "ive", "have",
        "has", "just", "and", "with", "for", "them", "this", "that", "these", "those", "all", "both", "two", "three", "four",
        "six", "last", "see", "find", "enclosed", "included", "include", "added", "submitted", "posted", "pop", "drop",
        "through", "across", "are", "were", "was", "weve", "well", "also", "already", "thing", "only", "few", "copy", "copie",
        "would", "may", "any", "more", "one", "new", "latest", "recent", "quick", "clear", "full",
    ]

    /// This interaction's agent politeness against earlier interactions' on other channels.
    func evaluateJourneyDrift(_ check: JourneyDriftCheck) -> Outcome {
        guard let current = self.warmth() else { return .na("the agent sent no messages") }
        let earlier = self.recentHistory(within: check.window ?? self.rubric.journeyWindow).filter {
            $0.agentWarmth != nil && (!check.otherChannelsOnly || $0.channel != self.interaction.channel)
        }
        guard !earlier.isEmpty else {
            return .na(check.otherChannelsOnly ? "no earlier interaction of this customer on another channel" : "no earlier interaction of this customer")
        }
        var worst = earlier[0]
        var worstDifference = 0.0
        for record in earlier {
            let change = current - record.agentWarmth!
            let difference = check.colderOnly ? max(0, -change) : abs(change)
            if difference > worstDifference {
                worstDifference = difference
                worst = record
            }
        }
        let evidence = earlier.map {
            Evidence(interaction: $0.interactionID, note: "\($0.channel.rawValue): politeness \(Evaluation.format($0.agentWarmth! * 100))/100")
        }
        let now = Evaluation.format(current * 100)
        let then = Evaluation.format(worst.agentWarmth! * 100)
        if worstDifference <= check.maximumDifference {
            return .pass("agent warmth \(now)/100 here, in line with earlier \(earlier.map(\.channel.rawValue).joined(separator: ", ")) contact(s)", evidence)
        }
        let swing = check.colderOnly ? "the tone turned colder between channels" : "the tone swung between channels"
        return .fail("agent warmth \(now)/100 here against \(then)/100 on \(worst.channel.rawValue) (\(worst.interactionID)): \(swing)", evidence)
    }
}
