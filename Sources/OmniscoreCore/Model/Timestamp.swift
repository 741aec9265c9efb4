/// An instant, as milliseconds since 1970-01-01T00:00:00Z.
///
/// A plain integer rather than Foundation's `Date`, so the scoring core stays free of Foundation and two runs on
/// the same input compare and print instants identically.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch, UTC.
    public var millisecondsSinceEpoch: Int64

    /// Creates an instant from milliseconds since the Unix epoch.
    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// The instant `duration` later.
    public static func + (lhs: Timestamp, rhs: Duration) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: lhs.millisecondsSinceEpoch + rhs.milliseconds)
    }

    /// The instant `duration` earlier.
    public static func - (lhs: Timestamp, rhs: Duration) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: lhs.millisecondsSinceEpoch - rhs.milliseconds)
    }

    /// The time from `rhs` to `lhs` (negative when `lhs` is earlier).
    public static func - (lhs: Timestamp, rhs: Timestamp) -> Duration {
        .milliseconds(lhs.millisecondsSinceEpoch - rhs.millisecondsSinceEpoch)
    }

    /// ISO-8601 in UTC with millisecond precision when needed, for example `2026-10-03T09:12:00Z`.
    public var description: String { ISO8601.format(self) }
}

extension Duration {
    /// The duration in whole milliseconds, rounded towards zero.
    public var milliseconds: Int64 {
        let (seconds, attoseconds) = self.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    /// A compact human form such as `90s`, `15m`, `4h` or `2d 3h`.
    public var compactDescription: String {
        var ms = self.milliseconds
        let negative = ms < 0
        if negative { ms = -ms }
        let s = ms / 1000
        let text: String
        if s < 120 && ms % 1000 != 0 && s < 10 {
            text = "\(ms)ms"
        } else if s < 120 {
            text = "\(s)s"
        } else if s < 2 * 3600 {
            text = s % 60 == 0 ? "\(s / 60)m" : "\(s / 60)m \(s % 60)s"
        } else if s < 2 * 86400 {
            text = (s % 3600) / 60 == 0 ? "\(s / 3600)h" : "\(s / 3600)h \((s % 3600) / 60)m"
        } else {
            text = (s % 86400) / 3600 == 0 ? "\(s / 86400)d" : "\(s / 86400)d \((s % 86400) / 3600)h"
        }
        return negative ? "-" + text : text
    }

    /// Parses `30s`, `15m`, `4h`, `2d`, `1w`, combinations such as `1h30m`, or ISO-8601 `PT2M` / `P1D`.
    public init?(compact text: String) {
        var total: Int64 = 0
        var digits: Int64 = 0
        var sawDigit = false
        var sawUnit = false
        var chars = Array(text.lowercased().utf8)
        if chars.first == UInt8(ascii: "p") {
            chars.removeFirst()
            chars.removeAll { $0 == UInt8(ascii: "t") }
        }
        chars.removeAll { $0 == UInt8(ascii: " ") }
        var index = 0
        while index < chars.count {
            let c = chars[index]
            if c >= 48 && c <= 57 {
                digits = digits * 10 + Int64(c - 48)
                sawDigit = true
                if digits > 1_000_000_000 { return nil }
            } else {
                guard sawDigit else { return nil }
                let unit: Int64
                if c == UInt8(ascii: "m"), index + 1 < chars.count, chars[index + 1] == UInt8(ascii: "s") {
                    unit = 1
                    index += 1
                } else {
                    switch c {
                    case UInt8(ascii: "s"): unit = 1000
                    case UInt8(ascii: "m"): unit = 60_000
                    case UInt8(ascii: "h"): unit = 3_600_000
                    case UInt8(ascii: "d"): unit = 86_400_000
                    case UInt8(ascii: "w"): unit = 7 * 86_400_000
                    default: return nil
                    }
                }
                total += digits * unit
                digits = 0
                sawDigit = false
                sawUnit = true
            }
            index += 1
        }
        guard sawUnit, !sawDigit else { return nil }
        self = .milliseconds(total)
    }
}
