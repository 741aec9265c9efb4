/// A reporting period: a calendar month (`2026-10`) or an ISO week (`2026-W44`), in UTC.
public struct ReportPeriod: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case month, week
    }

    public var kind: Kind
    public var start: Timestamp
    public var end: Timestamp
    public var description: String

    /// Parses `YYYY-MM` or `YYYY-Www`; nil for anything else (the caller says what is expected).
    public init?(_ text: String) {
        let parts = text.split(separator: "-").map(String.init)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), year >= 1970, year < 10000 else { return nil }
        if parts[1].hasPrefix("W") || parts[1].hasPrefix("w") {
            guard let week = Int(parts[1].dropFirst()), week >= 1, week <= ReportPeriod.isoWeeks(in: year) else { return nil }
            // ISO week 1 contains 4 January; weeks start on Monday.
            let jan4 = ReportPeriod.days(year: year, month: 1, day: 4)
            let weekday = (jan4 + 3) % 7  // 0 = Monday (1970-01-01 was a Thursday)
            let monday = jan4 - weekday + (week - 1) * 7
            self.kind = .week
            self.start = Timestamp(millisecondsSinceEpoch: Int64(monday) * 86_400_000)
            self.end = Timestamp(millisecondsSinceEpoch: Int64(monday + 7) * 86_400_000)
            self.description = String(format4: year) + "-W" + (week < 10 ? "0" : "") + String(week)
        } else {
            guard parts[1].count == 2, let month = Int(parts[1]), month >= 1, month <= 12 else { return nil }
            self.kind = .month
            self.start = Timestamp(millisecondsSinceEpoch: Int64(ReportPeriod.days(year: year, month: month, day: 1)) * 86_400_000)
            let next = month == 12 ? ReportPeriod.days(year: year + 1, month: 1, day: 1) : ReportPeriod.days(year: year, month: month + 1, day: 1)
            self.end = Timestamp(millisecondsSinceEpoch: Int64(next) * 86_400_000)
            self.description = String(format4: year) + "-" + (month < 10 ? "0" : "") + String(month)
        }
    }

    /// The period before this one.
    public var previous: ReportPeriod { self.shifted(by: -1) }

    /// The period `count` periods away.
    public func shifted(by count: Int) -> ReportPeriod {
        var (year, number) = self.yearAndNumber
        if self.kind == .month {
            var index = year * 12 + (number - 1) + count
            if index < 0 { index = 0 }
            year = index / 12
            number = index % 12 + 1
            return ReportPeriod("\(String(format4: year))-\(number < 10 ? "0" : "")\(number)")!
        }
        let day = Int(self.start.millisecondsSinceEpoch / 86_400_000) + 7 * count + 3  // the Thursday decides the year
        let (y, _, _) = ReportPeriod.civil(day)
        let jan4 = ReportPeriod.days(year: y, month: 1, day: 4)
        let firstMonday = jan4 - (jan4 + 3) % 7
        let week = (day - 3 - firstMonday) / 7 + 1
        return ReportPeriod("\(String(format4: y))-W\(week < 10 ? "0" : "")\(week)")!
    }

    private var yearAndNumber: (Int, Int) {
        let parts = self.description.split(separator: "-")
        return (Int(parts[0])!, Int(parts[1].trimmingPrefix("W"))!)
    }

    static func isoWeeks(in year: Int) -> Int {
        // A year has 53 ISO weeks when 1 January is a Thursday, or a Wednesday in a leap year.
        let jan1 = (self.days(year: year, month: 1, day: 1) + 3) % 7
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return jan1 == 3 || (leap && jan1 == 2) ? 53 : 52
    }

    /// Days since 1970-01-01 of a civil date (the calendar arithmetic of `ISO8601`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        Int(ISO8601.daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    static func civil(_ days: Int) -> (Int, Int, Int) {
        let (year, month, day) = ISO8601.civilFromDays(Int64(days))
        return (Int(year), Int(month), Int(day))
    }
}

extension String {
    fileprivate init(format4 value: Int) {
        let digits = String(value)
        let padding = String(repeating: "0", count: Swift.max(0, 4 - digits.count))
        self = padding + digits
    }
}
