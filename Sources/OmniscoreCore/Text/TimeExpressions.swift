/// Clock times in free text, which phrase lists cannot spell out: "2pm", "2.30 pm", "14:30", "9am-11am".
enum TimeExpressions {
    /// Whether `text` holds a clock time: digits followed by am/pm (with or without a space), or hh:mm.
    static func containsClockTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            guard Self.isDigit(bytes[index]), index == 0 || !Self.isAlphanumeric(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, Self.isDigit(bytes[end]) { end += 1 }
            let digits = end - index
            // hh:mm or hh.mm
            if digits <= 2, end + 2 < bytes.count, bytes[end] == UInt8(ascii: ":") || bytes[end] == UInt8(ascii: "."),
                Self.isDigit(bytes[end + 1]), Self.isDigit(bytes[end + 2]), end + 3 >= bytes.count || !Self.isDigit(bytes[end + 3])
            {
                if bytes[end] == UInt8(ascii: ":") { return true }
                end += 3
            }
            var next = end
            while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
            if digits <= 2, next + 1 < bytes.count {
                let a = bytes[next] | 0x20
                let m = bytes[next + 1] | 0x20
                let after = next + 2 < bytes.count ? bytes[next + 2] : UInt8(ascii: " ")
                if (a == UInt8(ascii: "a") || a == UInt8(ascii: "p")) && m == UInt8(ascii: "m") && !Self.isAlphanumeric(after) { return true }
            }
            index = max(end, index + 1)
        }
        return false
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func isAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 97 && b | 0x20 <= 122) }
}
