/// ISO-8601 / RFC 3339 date-times without Foundation: parsing from UTF-8 bytes and formatting in UTC.
public enum ISO8601 {
    /// Parses `2026-10-03T09:12:00Z`, `2026-10-03T09:12:00.250+02:00`, `2026-10-03 09:12:00Z` or a bare date
    /// `2026-10-03` (midnight UTC).
    ///
    /// - Returns: `nil` when the text is not such a date-time or names an impossible date.
    public static func parse(_ text: String) -> Timestamp? {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    /// Parses the same forms from raw UTF-8 bytes.
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> Timestamp? {
        var index = 0
        let count = bytes.count
        func digits(_ n: Int) -> Int64? {
            guard index + n <= count else { return nil }
            var value: Int64 = 0
            for i in 0..<n {
                let c = bytes[index + i]
                guard c >= 48 && c <= 57 else { return nil }
                value = value * 10 + Int64(c - 48)
            }
            index += n
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard index < count, bytes[index] == c else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")),
            let day = digits(2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        var hour: Int64 = 0
        var minute: Int64 = 0
        var second: Int64 = 0
        var millis: Int64 = 0
        var offsetMinutes: Int64 = 0
        if index < count {
            let sep = bytes[index]
            guard sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == UInt8(ascii: " ") else { return nil }
            index += 1
            guard let h = digits(2), expect(UInt8(ascii: ":")), let m = digits(2) else { return nil }
            hour = h
            minute = m
            if expect(UInt8(ascii: ":")) {
                guard let s = digits(2) else { return nil }
                second = s
                if expect(UInt8(ascii: ".")) || expect(UInt8(ascii: ",")) {
                    var scale: Int64 = 100
                    var sawDigit = false
                    while index < count, bytes[index] >= 48, bytes[index] <= 57 {
                        millis += Int64(bytes[index] - 48) * scale
                        scale /= 10
                        sawDigit = true
                        index += 1
                    }
                    guard sawDigit else { return nil }
                }
            }
            guard hour < 24, minute < 60, second < 61 else { return nil }
            guard index < count else { return nil }  // a time needs a zone: local times are ambiguous
            let zone = bytes[index]
            if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
                index += 1
            } else if zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-") {
                index += 1
                guard let oh = digits(2) else { return nil }
                _ = expect(UInt8(ascii: ":"))
                guard let om = digits(2), oh < 24, om < 60 else { return nil }
                offsetMinutes = (oh * 60 + om) * (zone == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        guard index == count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60
        return Timestamp(millisecondsSinceEpoch: seconds * 1000 + millis)
    }

    /// Formats an instant as `YYYY-MM-DDTHH:MM:SSZ`, with `.mmm` only when the milliseconds are not zero.
    public static func format(_ timestamp: Timestamp) -> String {
        var ms = timestamp.millisecondsSinceEpoch
        var days = ms / 86_400_000
        ms -= days * 86_400_000
        if ms < 0 {
            ms += 86_400_000
            days -= 1
        }
        let (year, month, day) = civilFromDays(days)
        let seconds = ms / 1000
        let millis = ms % 1000
        // Written digit by digit into one buffer: a scorecard formats several timestamps, and string
        // interpolation with padding allocated a dozen strings for each.
        guard year >= 0 && year <= 9999 else {
            func pad(_ v: Int64, _ width: Int) -> String {
                let s = String(v)
                return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
            }
            var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            text += "\(pad(seconds / 3600, 2)):\(pad((seconds % 3600) / 60, 2)):\(pad(seconds % 60, 2))"
            if millis != 0 { text += "." + pad(millis, 3) }
            return text + "Z"
        }
        let length = millis != 0 ? 24 : 20
        return String(unsafeUninitializedCapacity: length) { buffer in
            @inline(__always) func put(_ value: Int64, _ width: Int, at offset: Int) {
                var v = value
                for k in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[k] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                }
            }
            put(year, 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(seconds / 3600, 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put((seconds % 3600) / 60, 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(seconds % 60, 2, at: 17)
            if millis != 0 {
                buffer[19] = UInt8(ascii: ".")
                put(millis, 3, at: 20)
            }
            buffer[length - 1] = UInt8(ascii: "Z")
            return length
        }
    }

    /// `YYYY-MM-DD` of the instant in UTC.
    public static func formatDate(_ timestamp: Timestamp) -> String {
        String(format(timestamp).prefix(10))
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day)
    }
}
