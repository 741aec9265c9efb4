import Testing
@testable import OmniscoreCore

/// The behaviours a QA lead tells apart: promises, handovers, references and times, bot loops and handovers,
/// escalation destinations and need, information asked again, sarcasm read in context, graded credit.
@Suite("Judgement primitives")
struct JudgementTests {
    static let callback = PhraseList(id: "callback", phrases: [Phrase("(ill|someone will|we will) call you (back)?")])
    static let followUp = PhraseList(id: "follow-up", phrases: [Phrase("(theyll|someone will|we will) (be in touch|get back to you)")])
    static let summary = PhraseList(id: "summary", phrases: [Phrase("(ive|i have) passed on"), Phrase("i can see from the notes")])
    static let restart = PhraseList(id: "restart", phrases: [Phrase("how can i help")])

    static var promises: Check {
        .promises(PromiseCheck(kinds: [
            .init(name: "callback", lists: [0], events: ["callback_scheduled"]),
            .init(name: "follow-up", lists: [1], events: ["ticket_created"]),
        ]))
    }

    // MARK: Promises

    @Test("a promise with a reference, a time and its event passes")
    func completePromise() throws {
        let interaction = Fixture.interaction(
            [(.customer, "Can the mortgage team call me?"), (.agent, "Of course, I'll call you back tomorrow between 2 and 4pm, reference CB-33210.")],
            events: [Fixture.event("callback_scheduled", after: 40, [("reference", .string("CB-33210"))])]
        )
        let result = try Fixture.verdict(Self.promises, lists: [Self.callback, Self.followUp], interaction)
        #expect(result.verdict == .pass, "\(result.reason)")
    }

    @Test("a vague promise fails naming what it lacks")
    func vaguePromise() throws {
        let interaction = Fixture.interaction([(.customer, "Can the mortgage team call me?"), (.agent, "Sure, someone will call you back.")])
        let result = try Fixture.verdict(Self.promises, lists: [Self.callback, Self.followUp], interaction)
        #expect(result.verdict == .fail)
        #expect(result.reason.contains("without a reference, a time, a callback_scheduled event"))
    }

    @Test("a conditional promise is not a promise, and no promise is N/A")
    func conditionalPromise() throws {
        let conditional = Fixture.interaction([(.customer, "When will my refund arrive?"), (.agent, "Within 5 days. If it hasn't arrived by Friday, we will get back to you.")])
        #expect(try Fixture.verdict(Self.promises, lists: [Self.callback, Self.followUp], conditional).verdict == .na)
        let none = Fixture.interaction([(.customer, "What time do you close?"), (.agent, "At 6pm today.")])
        #expect(try Fixture.verdict(Self.promises, lists: [Self.callback, Self.followUp], none).verdict == .na)
    }

    @Test("clock times count as a time window", arguments: ["at 2pm", "at 2.30 pm", "by 17:30", "around 9am"])
    func clockTimes(text: String) {
        #expect(TimeExpressions.containsClockTime("She'll ring you \(text), ok?"))
        #expect(!TimeExpressions.containsClockTime("Order 1230 has 4 items"))
    }

    // MARK: Handovers

    static var handover: Check { .handover(HandoverCheck(events: ["transferred", "bot_handoff"], summaryLists: [0], restartLists: [1])) }

    @Test("a transfer that passes the context on passes")
    func handoverWithSummary() throws {
        let interaction = Fixture.interaction(
            [(.customer, "I was charged twice for March."), (.agent, "I'm transferring you to Billing; I've passed on the double charge."), (.agent, "Hi, Priya here, I can see from the notes you were charged twice.")],
            events: [Fixture.event("transferred", after: 45)]
        )
        #expect(try Fixture.verdict(Self.handover, lists: [Self.summary, Self.restart], interaction).verdict == .pass)
    }

    @Test("a transfer that makes the customer start again fails")
    func handoverRestart() throws {
        let interaction = Fixture.interaction(
            [(.customer, "I was charged twice for March."), (.agent, "I'll transfer you to Billing."), (.agent, "Hi, Priya from Billing. How can I help?")],
            events: [Fixture.event("transferred", after: 45)]
        )
        let result = try Fixture.verdict(Self.handover, lists: [Self.summary, Self.restart], interaction)
        #expect(result.verdict == .fail)
        #expect(result.reason.contains("start again"))
    }

    @Test("a summary in the event's detail counts; a bot giving way to a person is a handover even without an event")
    func handoverDetailAndBot() throws {
        let detail = Fixture.interaction(
            [(.customer, "My parcel is crushed."), (.agent, "Transferring you now."), (.agent, "Hello, Sam from returns.")],
            events: [Fixture.event("transferred", after: 45, [("summary", .string("parcel crushed, photo sent, wants replacement"))])]
        )
        #expect(try Fixture.verdict(Self.handover, lists: [Self.summary, Self.restart], detail).verdict == .pass)
        let bot = Fixture.interaction([(.customer, "I want a person"), (.bot, "Connecting you."), (.agent, "Hi there. How can I help?")])
        #expect(try Fixture.verdict(Self.handover, lists: [Self.summary, Self.restart], bot).verdict == .fail)
        let none = Fixture.interaction([(.customer, "When is my bill due?"), (.agent, "On the 14th.")])
        #expect(try Fixture.verdict(Self.handover, lists: [Self.summary, Self.restart], none).verdict == .na)
    }

    // MARK: References, times, bot loops

    @Test("a reference and a time in a staff message or an event detail")
    func referenceAndTime() throws {
        let spoken = Fixture.interaction([(.customer, "I want to complain."), (.agent, "Logged, reference C-20931; we reply within 5 working days.")])
        #expect(try Fixture.verdict(.reference(ReferenceCheck()), spoken).verdict == .pass)
        #expect(try Fixture.verdict(.timeWindow(TimeWindowCheck()), spoken).verdict == .pass)
        let event = Fixture.interaction([(.customer, "I want to complain."), (.agent, "I've logged it.")], events: [Fixture.event("complaint_logged", after: 30, [("reference", .string("C-1")), ("due", .string("2026-01-20"))])])
        #expect(try Fixture.verdict(.reference(ReferenceCheck()), event).verdict == .pass)
        #expect(try Fixture.verdict(.timeWindow(TimeWindowCheck()), event).verdict == .pass)
        let neither = Fixture.interaction([(.customer, "I want to complain."), (.agent, "Sorry to hear that.")])
        #expect(try Fixture.verdict(.reference(ReferenceCheck()), neither).verdict == .fail)
        #expect(try Fixture.verdict(.timeWindow(TimeWindowCheck()), neither).verdict == .fail)
    }

    @Test("a bot that repeats itself or keeps failing to understand loops")
    func botLoop() throws {
        let looping = Fixture.interaction([
            (.customer, "A person please"), (.bot, "I can help with orders, returns and delivery."),
            (.customer, "HUMAN"), (.bot, "Sorry, I didn't understand that."), (.customer, "agent"), (.bot, "I can help with orders, returns and delivery."),
            (.agent, "Hi, Sam here, sorry for the wait."),
        ])
        let result = try Fixture.verdict(.botLoop(BotLoopCheck(repeats: 2)), looping)
        #expect(result.verdict == .pass)
        let fine = Fixture.interaction([(.customer, "Where is my parcel?"), (.bot, "It arrives tomorrow."), (.agent, "Anything else?")])
        #expect(try Fixture.verdict(.botLoop(BotLoopCheck(repeats: 2)), fine).verdict == .fail)
    }

    // MARK: Escalation

    static let humanRequest = PhraseList(id: "human", phrases: [Phrase("(real|actual) (person|human)")])
    static let fraud = PhraseList(id: "fraud", phrases: [Phrase("(didnt|did not) make")])

    static var policy: EscalationPolicy {
        EscalationPolicy(
            triggers: [
                EscalationTrigger(id: "fraud", condition: .phrases(PhraseCheck(lists: [1], speaker: .customer)), tier: 2, destinations: ["fraud"], deadline: ChannelLimits(default: .seconds(600))),
                EscalationTrigger(id: "person", condition: .phrases(PhraseCheck(lists: [0], speaker: .customer)), tier: 1, botPhaseOnly: true),
            ],
            needThreshold: 0.95,
            needlessBelow: 0.35
        )
    }

    func outcome(_ interaction: Interaction) throws -> Scorecard {
        let rubric = Fixture.rubric(lists: [Self.humanRequest, Self.fraud], checks: [("appropriate", .escalation(.appropriate)), ("tier", .escalation(.rightTier))], policy: Self.policy)
        return try Scorer(rubric: rubric).score(interaction)
    }

    @Test("fraud escalated to the fraud team is right; to a general supervisor it is the wrong tier")
    func destination() throws {
        let lines: [(Role, String)] = [(.customer, "There are payments on my card I didn't make."), (.agent, "I'm putting you through to the right team.")]
        let right = try self.outcome(Fixture.interaction(lines, events: [Fixture.event("escalated", after: 60, [("tier", .number(2)), ("to", .string("fraud"))])]))
        #expect(right.escalation?.kind == .correct)
        let wrong = try self.outcome(Fixture.interaction(lines, events: [Fixture.event("escalated", after: 60, [("tier", .number(2)), ("to", .string("supervisor"))])]))
        #expect(wrong.escalation?.kind == .wrongTier)
        #expect(wrong.result(for: "tier")?.reason.contains("must go to fraud") == true)
    }

    @Test("a request for a person made to a bot is met by the handover; a bot that never hands over misses it and is scored on escalation alone")
    func botHandover() throws {
        let handedOver = try self.outcome(Fixture.interaction([(.customer, "Can I talk to a real person?"), (.bot, "Connecting you now."), (.agent, "Hi, Jo here, how can I help?")], events: [Fixture.event("bot_handoff", after: 40)]))
        #expect(handedOver.escalation?.kind == .correct)
        let looped = try self.outcome(Fixture.interaction([(.customer, "Can I talk to a real person?"), (.bot, "I can help with orders."), (.customer, "A real person!"), (.bot, "I can help with orders.")]))
        #expect(looped.isScored)
        #expect(looped.escalation?.kind == .missed)
        #expect(looped.result(for: "appropriate")?.verdict == .fail)
        let bored = try self.outcome(Fixture.interaction([(.customer, "Opening hours?"), (.bot, "9 to 5.")]))
        #expect(bored.notScoredReason == .noAgentMessage)
    }

    @Test("a late bot handover: more bot replies after the request than allowed")
    func lateHandover() throws {
        let late = try self.outcome(Fixture.interaction([
            (.customer, "I want a real person."), (.bot, "What is your order number?"), (.customer, "A real person."), (.bot, "Please choose an option."), (.bot, "Hold on."), (.agent, "Hi, Sam here."),
        ]))
        #expect(late.escalation?.kind == .late)
    }

    @Test("escalating a calm routine question is needless; an angry conversation justifies it without a trigger")
    func needlessAndNeed() throws {
        let calm = try self.outcome(Fixture.interaction([(.customer, "What are your opening hours?"), (.agent, "Let me get my supervisor.")], events: [Fixture.event("escalated", after: 60, [("tier", .number(2))])]))
        #expect(calm.escalation?.kind == .needless)
        #expect((calm.escalationNeed ?? 100) < 35)
        let angry = try self.outcome(Fixture.interaction([
            (.customer, "This is ridiculous, absolutely useless, I've been waiting for weeks!!"), (.agent, "I understand."),
            (.customer, "Unbelievable. Why can't you just do your job? Pathetic."), (.agent, "Let me get my supervisor."),
        ], events: [Fixture.event("escalated", after: 90, [("tier", .number(2))])]))
        #expect((angry.escalationNeed ?? 0) >= 35)
        #expect(angry.escalation?.kind == .correct)
    }

    // MARK: Asked again

    static let askDocument = PhraseList(id: "ask-document", phrases: [Phrase("(send|attach) (us|me)? (a|the)? photo")])
    static let documentSent = PhraseList(id: "document-sent", phrases: [Phrase("(ive|i have) attached (a|the)? photo"), Phrase("(customer|user) sent (an|a)? (image|photo)")])
    static let askReference = PhraseList(id: "ask-reference", phrases: [Phrase("your booking reference")])

    static var askedAgain: Check {
        .askedAgain(AskedAgainCheck(items: [
            .init(info: .document, asks: [0], given: [1]),
            .init(info: .reference, asks: [2]),
        ]))
    }

    @Test("asking for a photo the customer already attached, or a system line says they sent, fails")
    func documentAgain() throws {
        let lists = [Self.askDocument, Self.documentSent, Self.askReference]
        let said = Fixture.interaction([(.customer, "The vase arrived cracked, I've attached a photo."), (.agent, "Sorry! Could you send us a photo?")])
        #expect(try Fixture.verdict(Self.askedAgain, lists: lists, said).verdict == .fail)
        let system = Fixture.interaction([(.customer, "The vase arrived cracked."), (.system, "Customer sent an image: IMG_1.jpg"), (.agent, "Sorry! Could you send us a photo?")])
        #expect(try Fixture.verdict(Self.askedAgain, lists: lists, system).verdict == .fail)
        let fresh = Fixture.interaction([(.customer, "The vase arrived cracked."), (.agent, "Sorry! Could you send us a photo?")])
        #expect(try Fixture.verdict(Self.askedAgain, lists: lists, fresh).verdict == .pass)
    }

    @Test("a booking reference given on another channel yesterday is remembered by kind, not value")
    func referenceAcrossChannels() throws {
        let lists = [Self.askDocument, Self.documentSent, Self.askReference]
        let rubric = Fixture.rubric(lists: lists, checks: [("c", Self.askedAgain)])
        let scorer = try Scorer(rubric: rubric)
        let earlier = Fixture.interaction([(.customer, "Please move my stay, booking reference BK-48213."), (.agent, "We're checking.")], id: "e-1", channel: .email, start: Fixture.start - .seconds(86400))
        let record = scorer.score(earlier).journeyRecord
        #expect(record.providedInfo.contains(.reference))
        let today = Fixture.interaction([(.customer, "Any news on moving my dates?"), (.agent, "Could I have your booking reference?")])
        #expect(scorer.score(today, history: [record]).result(for: "c")?.verdict == .fail)
    }

    // MARK: Reading the customer

    func frustration(_ text: String) throws -> Double {
        let card = try Scorer(rubric: Fixture.rubric(checks: [("c", .channel([.chat]))])).score(Fixture.interaction([(.customer, text), (.agent, "It will be delivered on Thursday between 10 and 2.")]))
        return try #require(card.tone?.messages.first ?? nil)
    }

    @Test("praise is sarcasm only in a negative context")
    func praiseInContext() throws {
        #expect(try self.frustration("Oh lovely. Will they need a signature?") < 30)
        #expect(try self.frustration("Oh lovely, Thursday now. It was meant to be Monday. Is it going to vanish again?") > 50)
        #expect(try self.frustration("Oh great, it's broken again.") > 50)
    }

    @Test("a contraction is not the word it spells: I'll is not ill")
    func contractions() throws {
        #expect(try self.frustration("I'll be there.") == (try self.frustration("I will be there.")))
    }

    @Test("a customer's outcome is higher when the problem ends resolved than when it ends refused and angry")
    func outcome() throws {
        let scorer = try Scorer(rubric: Fixture.rubric(checks: [("c", .channel([.chat]))]))
        let good = scorer.score(Fixture.interaction([(.customer, "My parcel is late."), (.agent, "Sorry! I've rebooked it, it's confirmed for tomorrow."), (.customer, "Perfect, thank you!")]))
        let bad = scorer.score(Fixture.interaction([(.customer, "My parcel is late."), (.agent, "Unfortunately we can't do anything."), (.customer, "This is ridiculous, useless.")]))
        let a = try #require(good.customer?.outcome)
        let b = try #require(bad.customer?.outcome)
        #expect(a > 60 && b < 30)
        #expect(bad.customer?.frustrationEnd ?? 0 > 50)
    }

    // MARK: Agent tone

    @Test("sarcasm and blame lower politeness even when every other word is polite")
    func sarcasmAndBlame() throws {
        func politeness(_ text: String) throws -> Double {
            let card = try Scorer(rubric: Fixture.rubric(checks: [("c", .channel([.chat]))])).score(Fixture.interaction([(.customer, "I can't find the confirmation email."), (.agent, text)]))
            return try #require(card.tone?.politeness)
        }
        let plain = try politeness("Thanks for letting us know, I've resent it just now.")
        #expect(try politeness("Sure, because the email was so hard to find. I've resent it just now.") < plain - 20)
        #expect(try politeness("I would kindly remind you that the terms you agreed to clearly state this. I've resent it just now.") < plain - 20)
        #expect(try politeness("Thanks for letting us know 🙄 I've resent it just now.") < plain - 20)
    }

    @Test("graded credit earns points in proportion to the measure")
    func gradedCredit() throws {
        let check = Check.tone(ToneCheck(metric: .politeness, aggregate: .mean, minimum: 0.5, credit: (0.3, 0.8)))
        let warm = try Fixture.verdict(check, Fixture.interaction([(.customer, "Hi"), (.agent, "Hello! Thank you so much for getting in touch, I'd be happy to help.")]))
        let plain = try Fixture.verdict(check, Fixture.interaction([(.customer, "Hi"), (.agent, "The parcel ships on Monday from the warehouse in Leeds.")]))
        #expect(warm.points > plain.points)
        #expect(warm.points <= 10 && plain.points >= 0)
        #expect(warm.reason.contains("credit"))
    }

    // MARK: Not scored

    @Test("only automated acknowledgements on the agent side are not scored, with their reason")
    func automatedOnly() throws {
        let card = try Scorer(rubric: Fixture.rubric(checks: [("c", .channel([.email]))])).score(Fixture.interaction(
            [(.customer, "My order hasn't arrived and I need it for Friday."), (.agent, "This is an automated reply: we have received your email and aim to respond within 24 hours.")],
            channel: .email
        ))
        #expect(card.notScoredReason == .automatedOnly)
    }

    @Test("nothing but pleasantries is too short to show agent behaviour; a real request is scored")
    func pleasantries() throws {
        var rubric = Fixture.rubric(checks: [("c", .channel([.sms]))])
        rubric.scoring.skipsPleasantries = true
        let scorer = try Scorer(rubric: rubric)
        let thanks = scorer.score(Fixture.interaction([(.customer, "thanks"), (.agent, "you're welcome, have a great day")], channel: .sms))
        #expect(thanks.notScoredReason == .tooShort)
        let request = scorer.score(Fixture.interaction([(.customer, "is my order shipped"), (.agent, "yes, thanks")], channel: .sms))
        #expect(request.isScored)
    }
}
