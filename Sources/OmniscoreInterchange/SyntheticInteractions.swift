public import OmniscoreCore

/// A seeded generator of realistic-looking interactions for benchmarks: 12 messages of about 25 words each,
/// customer and agent alternating, with greetings, apologies, order numbers, the odd frustrated customer,
/// escalation and refund events. The same seed always yields the same lines.
public struct SyntheticInteractions: Sendable {
    private var generator: SplitMix64
    private var counter = 0
    private var clock: Int64 = 1_790_000_000_000
    public let messagesPerInteraction: Int
    public let wordsPerMessage: Int
    public let customers: Int

    public init(seed: UInt64, messagesPerInteraction: Int = 12, wordsPerMessage: Int = 25, customers: Int = 50_000) {
        self.generator = SplitMix64(seed: seed &+ 0x9E37_79B9_7F4A_7C15)
        self.messagesPerInteraction = messagesPerInteraction
        self.wordsPerMessage = wordsPerMessage
        self.customers = customers
    }

    private mutating func next() -> UInt64 { self.generator.next() }

    private mutating func pick<T>(_ options: [T]) -> T { options[Int(self.next() % UInt64(options.count))] }
    private mutating func chance(_ percent: UInt64) -> Bool { self.next() % 100 < percent }

    static let customerOpeners = [
        "hi there my order has not arrived yet and the tracking page has not changed since monday",
        "hello I was charged twice for the same order and I would like one of the payments refunded",
        "the lamp I bought arrived with a cracked base and I need a replacement or my money back",
        "good morning can you tell me when my parcel will be delivered because I am away next week",
        "this is the third time I am contacting you about the same missing parcel and nobody has helped",
    ]
    static let customerFollowUps = [
        "the order number is LK-%d and it was placed on the website last week",
        "I already explained this yesterday and I am still waiting for a proper answer from your team",
        "ok thank you that makes sense but how long will the refund take to reach my card",
        "this is ridiculous I have been waiting for weeks and nobody seems to care at all",
        "can I speak to a manager please because this has gone on far too long now",
        "thanks for checking, could you also confirm the delivery address you have for me",
        "my email is customer%d@example.com if you need to send me the return label",
    ]
    static let agentReplies = [
        "hi thanks for getting in touch and sorry to hear about the problem with your order, let me take a look for you",
        "thank you for your patience, I can see the parcel is with the courier and it should arrive within two working days",
        "I completely understand how frustrating this is and I have escalated it to my supervisor who will call you today",
        "could you please confirm your order number so I can check the details and make sure we get this right",
        "I have processed a refund of 45 pounds to your original payment method and you will see it within 3 to 5 business days",
        "I am sorry for the inconvenience, I have arranged a replacement which will be dispatched tomorrow morning",
        "is there anything else I can help you with today, thanks again for contacting us and have a lovely day",
    ]
    static let filler = [
        "really", "just", "also", "today", "please", "again", "order", "parcel", "delivery", "refund", "account",
        "website", "courier", "week", "morning", "address", "payment", "card", "return", "label", "item", "box",
    ]

    /// The next interaction as one JSONL line (without newline).
    public mutating func nextLine() -> [UInt8] {
        self.counter += 1
        let id = self.counter
        self.clock += Int64(self.next() % 60_000)
        let start = self.clock
        let channel = self.pick(["chat", "chat", "email", "voice", "sms", "social", "messaging"])
        let customer = Int(self.next() % UInt64(self.customers))
        var w = JSONWriter(capacity: 4096)
        w.beginObjectValue()
        w.key("id")
        w.string("syn-\(id)")
        w.key("channel")
        w.string(channel)
        w.key("customer_id")
        w.string("cus-\(customer)")
        w.key("agent_id")
        w.string("agt-\(self.next() % 1000)")
        w.key("team")
        w.string("team-\(self.next() % 20)")
        w.key("started_at")
        w.string(ISO8601.format(Timestamp(millisecondsSinceEpoch: start)))
        w.key("messages")
        w.beginArrayValue()
        var at = start
        for index in 0..<self.messagesPerInteraction {
            let isCustomer = index % 2 == 0
            var text: String
            if isCustomer {
                text = index == 0 ? self.pick(Self.customerOpeners) : self.pick(Self.customerFollowUps)
                text = text.replacingFirstPlaceholder(with: Int(self.next() % 900_000) + 100_000)
            } else {
                text = index == 1 ? Self.agentReplies[0] : self.pick(Self.agentReplies)
            }
            var words = text.split(separator: " ").count
            while words < self.wordsPerMessage {
                text += " " + self.pick(Self.filler)
                words += 1
            }
            if isCustomer && self.chance(5) { text = text.uppercased() + "!!" }
            at += Int64(20_000 + self.next() % 90_000)
            w.beginObjectValue()
            w.key("role")
            w.string(isCustomer ? "customer" : "agent")
            w.key("author")
            w.string(isCustomer ? "Customer \(customer)" : "Agent")
            w.key("at")
            w.string(ISO8601.format(Timestamp(millisecondsSinceEpoch: at)))
            w.key("text")
            w.string(text)
            w.endObject()
        }
        w.endArray()
        w.key("events")
        w.beginArrayValue()
        if self.chance(15) {
            w.beginObjectValue()
            w.key("kind")
            w.string("escalated")
            w.key("at")
            w.string(ISO8601.format(Timestamp(millisecondsSinceEpoch: at - 60_000)))
            w.key("detail")
            w.beginObjectValue()
            w.key("tier")
            w.int(2)
            w.endObject()
            w.endObject()
        }
        if self.chance(20) {
            w.beginObjectValue()
            w.key("kind")
            w.string("refund_issued")
            w.key("at")
            w.string(ISO8601.format(Timestamp(millisecondsSinceEpoch: at - 30_000)))
            w.key("detail")
            w.beginObjectValue()
            w.key("amount")
            w.int(Int(self.next() % 800))
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.key("ended_at")
        w.string(ISO8601.format(Timestamp(millisecondsSinceEpoch: at + 5_000)))
        w.endObject()
        self.clock = start
        return w.bytes
    }
}

extension String {
    func replacingFirstPlaceholder(with value: Int) -> String {
        guard let range = self.range(of: "%d") else { return self }
        return String(self[..<range.lowerBound]) + String(value) + String(self[range.upperBound...])
    }

    func range(of target: String) -> Range<String.Index>? {
        var index = self.startIndex
        while index < self.endIndex {
            if self[index...].hasPrefix(target) { return index..<self.index(index, offsetBy: target.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
