import Synchronization

/// Failed sign-ins per client address in a sliding window: past `limit` failures in `window`, further attempts
/// from that address are refused (429) until the oldest failure ages out. Tokens are 256-bit random, so this is
/// about noise and cost, not guessing; it keeps a script from filling the audit log and the database with work.
final class LoginThrottle: Sendable {
    let limit: Int
    let window: Duration
    private let failures = Mutex<[String: [ContinuousClock.Instant]]>([:])

    init(limit: Int = 10, window: Duration = .seconds(300)) {
        self.limit = limit
        self.window = window
    }

    /// How long `address` must wait before the next attempt; nil when it may try now.
    func retryAfter(_ address: String, now: ContinuousClock.Instant = .now) -> Duration? {
        self.failures.withLock { table in
            let recent = (table[address] ?? []).filter { now - $0 < self.window }
            table[address] = recent.isEmpty ? nil : recent
            guard recent.count >= self.limit, let oldest = recent.first else { return nil }
            return self.window - (now - oldest)
        }
    }

    /// Records a failed attempt.
    func failed(_ address: String, now: ContinuousClock.Instant = .now) {
        self.failures.withLock { table in
            var recent = (table[address] ?? []).filter { now - $0 < self.window }
            recent.append(now)
            table[address] = recent
            // Bounded memory under a spray of addresses: past 10,000, the 1,000-odd addresses whose last failure is oldest
            // are forgotten.
            if table.count > 10_000 {
                let oldest = table.sorted { ($0.value.last ?? now) < ($1.value.last ?? now) }.prefix(table.count - 9_000)
                for (key, _) in oldest { table[key] = nil }
            }
        }
    }

    /// A successful sign-in clears the address's record.
    func succeeded(_ address: String) {
        _ = self.failures.withLock { $0.removeValue(forKey: address) }
    }
}
