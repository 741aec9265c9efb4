/// A bounded memory of recent interactions per customer, for scoring a stream where earlier lines of the same
/// customer form the journey.
///
/// Memory stays flat on any input size: records older than the look-back window (relative to the newest
/// interaction seen) are dropped, and beyond `capacity` records the oldest go first.
public struct JourneyBook: Sendable {
    public let window: Duration
    public let capacity: Int
    private var byCustomer: [String: [JourneyRecord]] = [:]
    private var order: [(customer: String, startedAt: Timestamp)] = []
    private var orderHead = 0
    private var newest = Timestamp(millisecondsSinceEpoch: .min)
    private(set) public var count = 0

    /// - Parameters:
    ///   - window: how far back records are kept (the longest journey window of the rubrics in use).
    ///   - capacity: the most records kept at once.
    public init(window: Duration, capacity: Int = 200_000) {
        self.window = window
        self.capacity = capacity
    }

    /// Earlier interactions of `customerID` that started before `time`, at most `window` earlier, oldest first.
    public func history(for customerID: String, before time: Timestamp) -> [JourneyRecord] {
        guard let records = self.byCustomer[customerID] else { return [] }
        let earliest = time - self.window
        return records.filter { $0.startedAt < time && $0.startedAt >= earliest }
    }

    /// Remembers an interaction.
    public mutating func record(_ record: JourneyRecord) {
        self.byCustomer[record.customerID, default: []].append(record)
        self.order.append((record.customerID, record.startedAt))
        self.count += 1
        if record.startedAt > self.newest { self.newest = record.startedAt }
        self.evict()
    }

    private mutating func evict() {
        let horizon = self.newest - self.window
        while self.orderHead < self.order.count {
            let (customer, startedAt) = self.order[self.orderHead]
            guard self.count > self.capacity || startedAt < horizon else { break }
            self.orderHead += 1
            if var records = self.byCustomer[customer], !records.isEmpty {
                records.removeFirst()
                self.byCustomer[customer] = records.isEmpty ? nil : records
                self.count -= 1
            }
        }
        if self.orderHead > 4096 && self.orderHead * 2 > self.order.count {
            self.order.removeFirst(self.orderHead)
            self.orderHead = 0
        }
    }
}
