import Testing
@testable import OmniscoreCore

@Suite("Check primitives")
struct CheckPrimitiveTests {
    static let greeting = PhraseList(id: "greeting", phrases: [Phrase("(hi|hello)"), Phrase("good morning")])
    static let closing = PhraseList(id: "closing", phrases: [Phrase("anything else"), Phrase("have a (good|great) day")])
    static let sorry = PhraseList(id: "sorry", phrases: [Phrase("sorry"), Phrase("apologi*")])
    static let complaint = PhraseList(id: "complaint", phrases: [Phrase("complain*"), Phrase("unacceptable")])

    // MARK: Phrases

    @Test("a phrase in the agent's first message passes with evidence quoting it")
    func firstMessage() throws {
        let check = Check.phrases(PhraseCheck(lists: [0], speaker: .agent, scope: .first(1)))
        let interaction = Fixture.interaction([(.customer, "hi, my order is late"), (.agent, "Hello Dana! Let me check."), (.agent, "Found it.")])
        let result = try Fixture.verdict(check, lists: [Self.greeting], interaction)
        #expect(result.verdict == .pass)
        let evidence = try #require(result.evidence.first)
        #expect(evidence.message == 1)
        #expect(evidence.speaker == .agent)
        #expect(evidence.quote == "Hello")
        #expect(evidence.start == 0 && evidence.end == 5)
    }

    @Test("a greeting only in a later message fails the first-message scope, with a reason and no evidence")
    func lateGreeting() throws {
        let check = Check.phrases(PhraseCheck(lists: [0], speaker: .agent, scope: .first(1)))
        let interaction = Fixture.interaction([(.customer, "my order is late"), (.agent, "Order number?"), (.agent, "Hello, found it")])
        let result = try Fixture.verdict(check, lists: [Self.greeting], interaction)
        #expect(result.verdict == .fail)
        #expect(result.evidence.isEmpty)
        #expect(result.reason == "no greeting phrase in the agent's first message")
    }

    @Test("last-message scope and customer speaker are respected")
    func lastMessageAndSpeaker() throws {
        let closing = Check.phrases(PhraseCheck(lists: [0], speaker: .agent, scope: .last(1)))
        let closed = Fixture.interaction([(.customer, "thanks"), (.agent, "Anything else? Have a great day")])
        #expect(try Fixture.verdict(closing, lists: [Self.closing], closed).verdict == .pass)
        let customerOnly = Fixture.interaction([(.customer, "have a great day"), (.agent, "Bye")])
        #expect(try Fixture.verdict(closing, lists: [Self.closing], customerOnly).verdict == .fail)
    }

    @Test("forbidden phrases fail with every occurrence as evidence; count bounds are inclusive")
    func countBounds() throws {
        let never = Check.phrases(PhraseCheck(lists: [0], speaker: .agent, minimum: 0, maximum: 0))
        let interaction = Fixture.interaction([(.customer, "late again"), (.agent, "Sorry. Really sorry."), (.agent, "I apologise")])
        let result = try Fixture.verdict(never, lists: [Self.sorry], interaction)
        #expect(result.verdict == .fail)
        #expect(result.evidence.count == 3)
        let atMostThree = Check.phrases(PhraseCheck(lists: [0], speaker: .agent, minimum: 2, maximum: 3))
        #expect(try Fixture.verdict(atMostThree, lists: [Self.sorry], interaction).verdict == .pass)
        let atLeastFour = Check.phrases(PhraseCheck(lists: [0], speaker: .agent, minimum: 4))
        #expect(try Fixture.verdict(atLeastFour, lists: [Self.sorry], interaction).verdict == .fail)
    }

    @Test("within-words only counts phrases at the start of a message")
    func withinWords() throws {
        let check = Check.phrases(PhraseCheck(lists: [0], speaker: .agent, scope: .first(1), withinFirstWords: 2))
        let list = PhraseList(id: "opener", phrases: [Phrase("morning")])
        #expect(try Fixture.verdict(check, lists: [list], Fixture.interaction([(.customer, "hi"), (.agent, "Morning, Sam here")])).verdict == .pass)
        #expect(try Fixture.verdict(check, lists: [list], Fixture.interaction([(.customer, "hi"), (.agent, "It arrives tomorrow morning")])).verdict == .fail)
    }

    // MARK: After

    @Test("after a trigger, the check looks only at the next N agent messages; N/A without a trigger")
    func after() throws {
        let check = Check.after(AfterCheck(trigger: .phrases(lists: [1], speaker: .customer), window: 1, then: .phrases(PhraseCheck(lists: [0]))))
        let lists = [Self.sorry, Self.complaint]
        let handled = Fixture.interaction([(.customer, "This is unacceptable"), (.agent, "I'm so sorry")])
        #expect(try Fixture.verdict(check, lists: lists, handled).verdict == .pass)
        let late = Fixture.interaction([(.customer, "This is unacceptable"), (.agent, "Order number?"), (.agent, "Sorry about that")])
        let lateResult = try Fixture.verdict(check, lists: lists, late)
        #expect(lateResult.verdict == .fail)
        #expect(lateResult.reason.contains("after \"unacceptable\" in message 1"))
        let calm = Fixture.interaction([(.customer, "Where is my parcel?"), (.agent, "On its way")])
        #expect(try Fixture.verdict(check, lists: lists, calm).verdict == .na)
    }

    // MARK: Events and order

    @Test("events match kind and detail conditions")
    func events() throws {
        let escalatedToTwo = Check.event(EventCheck(kind: "escalated", conditions: [DetailCondition(key: "tier", test: .atLeast(2))]))
        let tierTwo = Fixture.interaction([(.customer, "manager"), (.agent, "ok")], events: [Fixture.event("escalated", after: 60, [("tier", .number(2))])])
        let tierOne = Fixture.interaction([(.customer, "manager"), (.agent, "ok")], events: [Fixture.event("escalated", after: 60, [("tier", .string("1"))])])
        #expect(try Fixture.verdict(escalatedToTwo, tierTwo).verdict == .pass)
        #expect(try Fixture.verdict(escalatedToTwo, tierOne).verdict == .fail)
        let reason = Check.event(EventCheck(kind: "escalated", conditions: [DetailCondition(key: "reason", test: .equals(["legal", "manager"]))]))
        let withReason = Fixture.interaction([(.customer, "x y z"), (.agent, "ok")], events: [Fixture.event("escalated", after: 5, [("reason", .string("Legal"))])])
        #expect(try Fixture.verdict(reason, withReason).verdict == .pass)
    }

    @Test("order: identity before refund passes, refund first fails, no refund is N/A, untimed is N/A")
    func order() throws {
        let check = Check.order(OrderCheck(first: [.event(EventCheck(kind: "identity_verified"))], then: [.event(EventCheck(kind: "refund_issued"))]))
        let lines: [(Role, String)] = [(.customer, "refund please"), (.agent, "ok"), (.agent, "done")]
        let good = Fixture.interaction(lines, events: [Fixture.event("identity_verified", after: 40), Fixture.event("refund_issued", after: 70)])
        let bad = Fixture.interaction(lines, events: [Fixture.event("refund_issued", after: 40), Fixture.event("identity_verified", after: 70)])
        let missing = Fixture.interaction(lines, events: [Fixture.event("refund_issued", after: 40)])
        let none = Fixture.interaction(lines)
        #expect(try Fixture.verdict(check, good).verdict == .pass)
        let badResult = try Fixture.verdict(check, bad)
        #expect(badResult.verdict == .fail)
        #expect(badResult.evidence.map(\.eventKind) == ["refund_issued", "identity_verified"])
        #expect(try Fixture.verdict(check, missing).verdict == .fail)
        #expect(try Fixture.verdict(check, none).verdict == .na)
    }

    @Test("order between a phrase and an event uses message times")
    func orderPhraseEvent() throws {
        let verify = PhraseList(id: "verify", phrases: [Phrase("(confirm|verify) your (postcode|date of birth)")])
        let check = Check.order(OrderCheck(first: [.phrases(lists: [0], speaker: .agent)], then: [.event(EventCheck(kind: "refund_issued"))]))
        let good = Fixture.interaction([(.customer, "refund"), (.agent, "Please confirm your postcode"), (.customer, "AB1"), (.agent, "Refunded")], events: [Fixture.event("refund_issued", after: 95)])
        #expect(try Fixture.verdict(check, lists: [verify], good).verdict == .pass)
        let bad = Fixture.interaction([(.customer, "refund"), (.agent, "Refunded"), (.agent, "Please confirm your postcode")], events: [Fixture.event("refund_issued", after: 35)])
        #expect(try Fixture.verdict(check, lists: [verify], bad).verdict == .fail)
    }

    // MARK: Timing

    @Test("first response within the channel's limit, from the customer's first message or the call start")
    func firstResponse() throws {
        let check = Check.firstResponse(FirstResponseCheck(limits: ChannelLimits(default: .seconds(120), perChannel: [.email: .seconds(86400), .voice: .seconds(60)])))
        let fastChat = Fixture.interaction([(.customer, "hello"), (.agent, "hi")], spacing: 90)
        let slowChat = Fixture.interaction([(.customer, "hello"), (.agent, "hi")], spacing: 300)
        let slowEmail = Fixture.interaction([(.customer, "hello"), (.agent, "hi")], channel: .email, spacing: 3600)
        let untimed = Fixture.interaction([(.customer, "hello"), (.agent, "hi")], spacing: nil)
        let outbound = Fixture.interaction([(.agent, "hi, following up"), (.customer, "thanks")])
        #expect(try Fixture.verdict(check, fastChat).verdict == .pass)
        let slow = try Fixture.verdict(check, slowChat)
        #expect(slow.verdict == .fail)
        #expect(slow.reason == "first agent reply 5m after the customer's first message, over the 2m target")
        #expect(try Fixture.verdict(check, slowEmail).verdict == .pass)
        #expect(try Fixture.verdict(check, untimed).verdict == .na)
        #expect(try Fixture.verdict(check, outbound).verdict == .na)
        let voice = Fixture.interaction([(.agent, "Larkspur, Sam speaking"), (.customer, "hi")], channel: .voice, start: Fixture.start - .seconds(45))
        #expect(try Fixture.verdict(check, voice).verdict == .pass)
    }

    @Test("elapsed between two anchors")
    func elapsed() throws {
        let check = Check.elapsed(ElapsedCheck(from: .event("refund_requested"), to: .event("refund_issued"), limits: ChannelLimits(default: .seconds(600))))
        let quick = Fixture.interaction([(.customer, "refund"), (.agent, "ok")], events: [Fixture.event("refund_requested", after: 0), Fixture.event("refund_issued", after: 300)])
        let slow = Fixture.interaction([(.customer, "refund"), (.agent, "ok")], events: [Fixture.event("refund_requested", after: 0), Fixture.event("refund_issued", after: 3000)])
        let never = Fixture.interaction([(.customer, "refund"), (.agent, "ok")], events: [Fixture.event("refund_requested", after: 0)])
        #expect(try Fixture.verdict(check, quick).verdict == .pass)
        #expect(try Fixture.verdict(check, slow).verdict == .fail)
        #expect(try Fixture.verdict(check, never).verdict == .na)
    }

    // MARK: Journey

    static func record(_ id: String, _ channel: Channel, daysAgo: Int, subject: [String] = [], keys: [String] = [], info: Set<InfoKind> = [], warmth: Double? = 0.9) -> JourneyRecord {
        JourneyRecord(interactionID: id, customerID: "cus-1", channel: channel, startedAt: Fixture.start - .seconds(daysAgo * 86400), subjectWords: subject, issueKeys: keys, providedInfo: info, agentWarmth: warmth)
    }

    @Test("repeat contact counts earlier contacts about the same issue within the window")
    func repeatContact() throws {
        let check = Check.repeatContact(RepeatContactCheck(minimumPrevious: 2, window: .seconds(7 * 86400)))
        let interaction = Fixture.interaction([(.customer, "still no parasol"), (.agent, "sorry")], subject: "Parasol replacement")
        let history = [
            Self.record("a", .chat, daysAgo: 3, subject: ["parasol", "rib"]),
            Self.record("b", .email, daysAgo: 2, subject: ["parasol"]),
            Self.record("c", .chat, daysAgo: 1, subject: ["kettle"]),
            Self.record("d", .voice, daysAgo: 20, subject: ["parasol"]),
        ]
        let result = try Fixture.verdict(check, interaction, history: history)
        #expect(result.verdict == .pass)
        #expect(result.evidence.compactMap(\.interaction) == ["a", "b"])
        #expect(try Fixture.verdict(check, interaction, history: Array(history.suffix(2))).verdict == .fail)
    }

    @Test("asked again: in this conversation, across the journey, and not for read-backs")
    func askedAgain() throws {
        let ask = PhraseList(id: "ask", phrases: [Phrase("(what is|whats|send me) (your|the) order number")])
        let check = Check.askedAgain(AskedAgainCheck(items: [.init(info: .orderNumber, asks: [0])], window: .seconds(30 * 86400)))
        let again = Fixture.interaction([(.customer, "Order LK-483920 is missing"), (.agent, "What is your order number?")])
        let result = try Fixture.verdict(check, lists: [ask], again)
        #expect(result.verdict == .fail)
        #expect(result.evidence.count == 2)
        #expect(result.evidence[1].quote == "LK-483920")
        let fine = Fixture.interaction([(.customer, "My order is missing"), (.agent, "What is your order number?")])
        #expect(try Fixture.verdict(check, lists: [ask], fine).verdict == .pass)
        let acrossChannels = try Fixture.verdict(check, lists: [ask], fine, history: [Self.record("email-1", .email, daysAgo: 2, info: [.orderNumber])])
        #expect(acrossChannels.verdict == .fail)
        #expect(acrossChannels.evidence.last?.interaction == "email-1")
        let never = Fixture.interaction([(.customer, "hi"), (.agent, "hello")])
        #expect(try Fixture.verdict(check, lists: [ask], never).verdict == .na)
    }

    @Test("journey drift compares the agent's warmth with earlier contacts on other channels")
    func journeyDrift() throws {
        let check = Check.journeyDrift(JourneyDriftCheck(maximumDifference: 0.3, window: .seconds(30 * 86400), colderOnly: true))
        let cold = Fixture.interaction([(.customer, "still waiting"), (.agent, "Wait."), (.agent, "Not our problem.")], channel: .email)
        let warm = Fixture.interaction([(.customer, "still waiting"), (.agent, "Thank you so much for your patience, I'm really sorry. Could you bear with me?")], channel: .email)
        let history = [Self.record("chat-1", .chat, daysAgo: 2, warmth: 0.95)]
        #expect(try Fixture.verdict(check, cold, history: history).verdict == .fail)
        #expect(try Fixture.verdict(check, warm, history: history).verdict == .pass)
        #expect(try Fixture.verdict(check, cold).verdict == .na)
        let sameChannel = [Self.record("email-0", .email, daysAgo: 2, warmth: 0.95)]
        #expect(try Fixture.verdict(check, cold, history: sameChannel).verdict == .na)
    }

    // MARK: Tone and style

    @Test("tone bounds on politeness and frustration")
    func tone() throws {
        let polite = Check.tone(ToneCheck(metric: .politeness, speaker: .agent, aggregate: .mean, minimum: 0.5))
        let warm = Fixture.interaction([(.customer, "hi"), (.agent, "Hi! Thanks so much for getting in touch, I'd be happy to help. Could you share the order number, please?")])
        let curt = Fixture.interaction([(.customer, "hi"), (.agent, "Send order number.")])
        #expect(try Fixture.verdict(polite, warm).verdict == .pass)
        #expect(try Fixture.verdict(polite, curt).verdict == .fail)
        let calm = Check.tone(ToneCheck(metric: .frustration, speaker: .customer, aggregate: .maximum, maximum: 0.5))
        let angry = Fixture.interaction([(.customer, "This is RIDICULOUS, the third time I've called, absolutely fed up!!"), (.agent, "sorry")])
        #expect(try Fixture.verdict(calm, angry).verdict == .fail)
        #expect(try Fixture.verdict(calm, warm).verdict == .pass)
    }

    @Test("drift: one plain reply between warm ones is not a swing, turning cold is")
    func drift() throws {
        let check = Check.drift(DriftCheck(maximumRange: 0.45))
        let steady = Fixture.interaction([(.customer, "hi"), (.agent, "Hi! Thanks for getting in touch, happy to help."), (.agent, "Your order left our warehouse on Monday."), (.agent, "Thank you, have a lovely day!")])
        let swing = Fixture.interaction([(.customer, "hi"), (.agent, "Hi! Thanks so much for getting in touch, I'd be really happy to help."), (.agent, "Thank you so much for your patience!"), (.agent, "Calm down."), (.agent, "As I said, not my problem.")])
        let single = Fixture.interaction([(.customer, "hi"), (.agent, "Hello!")])
        #expect(try Fixture.verdict(check, steady).verdict == .pass)
        #expect(try Fixture.verdict(check, swing).verdict == .fail)
        #expect(try Fixture.verdict(check, single).verdict == .na)
    }

    @Test("style limits differ per channel; channels without a limit are N/A")
    func style() throws {
        let exclamations = Check.style(StyleCheck(metric: .exclamations, limits: ChannelLimits(default: 1, perChannel: [.social: 2])))
        let lines: [(Role, String)] = [(.customer, "hi"), (.agent, "Great news! It shipped!")]
        #expect(try Fixture.verdict(exclamations, Fixture.interaction(lines)).verdict == .fail)
        #expect(try Fixture.verdict(exclamations, Fixture.interaction(lines, channel: .social)).verdict == .pass)
        let emoji = Check.style(StyleCheck(metric: .emoji, limits: ChannelLimits(perChannel: [.email: 0])))
        #expect(try Fixture.verdict(emoji, Fixture.interaction([(.customer, "hi"), (.agent, "Done 🎉")], channel: .email)).verdict == .fail)
        #expect(try Fixture.verdict(emoji, Fixture.interaction([(.customer, "hi"), (.agent, "Done 🎉")])).verdict == .na)
        let shouting = Check.style(StyleCheck(metric: .shouting, limits: ChannelLimits(default: 0)))
        let loud = try Fixture.verdict(shouting, Fixture.interaction([(.customer, "hi"), (.agent, "PLEASE READ THE EMAIL")]))
        #expect(loud.verdict == .fail)
        #expect(loud.evidence.first?.quote == "PLEASE READ THE EMAIL")
    }

    @Test("sustained frustration needs enough frustrated customer messages")
    func sustainedFrustration() throws {
        let check = Check.frustration(FrustrationCheck(threshold: 0.6, minimumMessages: 2))
        let angry = Fixture.interaction([(.customer, "This is ridiculous!!"), (.agent, "sorry"), (.customer, "Absolutely unacceptable, I'm furious"), (.agent, "I understand")])
        let once = Fixture.interaction([(.customer, "This is ridiculous!!"), (.agent, "sorry"), (.customer, "ok thanks, that helps")])
        #expect(try Fixture.verdict(check, angry).verdict == .pass)
        #expect(try Fixture.verdict(check, once).verdict == .fail)
    }

    @Test("amounts over a threshold in messages or event details")
    func amount() throws {
        let check = Check.amount(AmountCheck(over: 500))
        #expect(try Fixture.verdict(check, Fixture.interaction([(.customer, "I paid £1,249.00 for it"), (.agent, "ok")])).verdict == .pass)
        #expect(try Fixture.verdict(check, Fixture.interaction([(.customer, "it was 650 euros"), (.agent, "ok")])).verdict == .pass)
        #expect(try Fixture.verdict(check, Fixture.interaction([(.customer, "it was £49.99"), (.agent, "ok")])).verdict == .fail)
        let event = Fixture.interaction([(.customer, "refund"), (.agent, "ok")], events: [Fixture.event("refund_issued", after: 30, [("amount", .number(720))])])
        #expect(try Fixture.verdict(check, event).verdict == .pass)
    }

    @Test("channel check")
    func channel() throws {
        let check = Check.channel([.voice])
        #expect(try Fixture.verdict(check, Fixture.interaction([(.customer, "hi"), (.agent, "hi")], channel: .voice)).verdict == .pass)
        #expect(try Fixture.verdict(check, Fixture.interaction([(.customer, "hi"), (.agent, "hi")])).verdict == .fail)
    }

    // MARK: Combinators

    @Test("all, any and not combine pass, fail and N/A", arguments: [
        ("all", [Verdict.pass, .pass], Verdict.pass),
        ("all", [.pass, .fail], .fail),
        ("all", [.na, .pass], .pass),
        ("all", [.na, .na], .na),
        ("any", [.fail, .pass], .pass),
        ("any", [.fail, .fail], .fail),
        ("any", [.na, .fail], .fail),
        ("any", [.na, .na], .na),
        ("not", [.pass], .fail),
        ("not", [.fail], .pass),
        ("not", [.na], .na),
    ])
    func combinators(kind: String, children: [Verdict], expected: Verdict) throws {
        // Leaf checks with a known outcome on the fixture interaction (a chat).
        func leaf(_ verdict: Verdict) -> Check {
            switch verdict {
            case .pass: return .channel([.chat])
            case .fail: return .channel([.email])
            case .na: return .drift(DriftCheck(maximumRange: 0.5))  // one agent message: N/A
            }
        }
        let leaves = children.map(leaf)
        let check: Check = kind == "all" ? .all(leaves) : kind == "any" ? .any(leaves) : .not(leaves[0])
        #expect(try Fixture.verdict(check, Fixture.interaction([(.customer, "hi"), (.agent, "hello")])).verdict == expected)
    }
}

@Suite("Event detail absence")
struct EventDetailAbsenceTests {
    @Test("exists=false matches an event whose detail key is missing or null, and only then")
    func absent() throws {
        let check = Check.event(EventCheck(kind: "escalated", conditions: [DetailCondition(key: "tier", test: .absent)]))
        let lines: [(Role, String)] = [(.customer, "hi"), (.agent, "Passing you to my supervisor now.")]
        let without = Fixture.interaction(lines, events: [Fixture.event("escalated", after: 30)])
        let withNull = Fixture.interaction(lines, events: [Fixture.event("escalated", after: 30, [(key: "tier", value: .null)])])
        let withTier = Fixture.interaction(lines, events: [Fixture.event("escalated", after: 30, [(key: "tier", value: .number(2))])])
        #expect(try Fixture.verdict(check, without).verdict == .pass)
        #expect(try Fixture.verdict(check, withNull).verdict == .pass)
        #expect(try Fixture.verdict(check, withTier).verdict == .fail)
    }
}
