public import OmniscoreCore

/// Builds compact JSON into a byte buffer, with object members in the order written, so equal values always
/// produce identical bytes.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    public init(capacity: Int = 1024) {
        self.bytes.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if self.needsComma[self.needsComma.count - 1] { self.bytes.append(UInt8(ascii: ",")) }
        self.needsComma[self.needsComma.count - 1] = true
    }

    public mutating func beginObject() {
        self.separate()
        self.bytes.append(UInt8(ascii: "{"))
        self.needsComma.append(false)
    }

    public mutating func endObject() {
        self.needsComma.removeLast()
        self.bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        self.separate()
        self.bytes.append(UInt8(ascii: "["))
        self.needsComma.append(false)
    }

    public mutating func endArray() {
        self.needsComma.removeLast()
        self.bytes.append(UInt8(ascii: "]"))
    }

    /// Writes a member name; the next value written is its value.
    public mutating func key(_ name: String) {
        self.separate()
        self.appendQuoted(name)
        self.bytes.append(UInt8(ascii: ":"))
        self.needsComma[self.needsComma.count - 1] = false
        self.pendingMember = true
    }

    /// Writes a member name known at compile time (plain ASCII, nothing to escape) without scanning it.
    public mutating func name(_ literal: StaticString) {
        self.separate()
        self.bytes.append(UInt8(ascii: "\""))
        self.appendLiteral(literal)
        self.bytes.append(UInt8(ascii: "\""))
        self.bytes.append(UInt8(ascii: ":"))
        self.needsComma[self.needsComma.count - 1] = false
        self.pendingMember = true
    }

    private var pendingMember = false

    private mutating func beforeValue() {
        if self.pendingMember {
            self.pendingMember = false
            self.needsComma[self.needsComma.count - 1] = true
        } else {
            self.separate()
        }
    }

    public mutating func string(_ value: String) {
        self.beforeValue()
        self.appendQuoted(value)
    }

    public mutating func optionalString(_ value: String?) {
        if let value { self.string(value) } else { self.null() }
    }

    public mutating func bool(_ value: Bool) {
        self.beforeValue()
        self.appendLiteral(value ? "true" : "false")
    }

    public mutating func null() {
        self.beforeValue()
        self.appendLiteral("null")
    }

    private mutating func appendLiteral(_ literal: StaticString) {
        self.bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Decimal digits of `value`, without an intermediate string.
    private mutating func appendInteger(_ value: Int64) {
        if value < 0 { self.bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            self.bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        let start = self.bytes.count
        while magnitude > 0 {
            self.bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        self.bytes[start...].reverse()
    }

    public mutating func int(_ value: Int) {
        self.beforeValue()
        self.appendInteger(Int64(value))
    }

    /// A number rounded to two decimals, printed without trailing zeros: `87.5`, `100`, `66.67`.
    public mutating func number(_ value: Double) {
        self.beforeValue()
        self.appendNumber(value)
    }

    public mutating func optionalNumber(_ value: Double?) {
        if let value { self.number(value) } else { self.null() }
    }

    /// Writes a `JSONValue` as it is.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: self.null()
        case .bool(let b): self.bool(b)
        case .number(let n):
            self.beforeValue()
            if n == n.rounded(), abs(n) < 1e15 { self.bytes.append(contentsOf: String(Int64(n)).utf8) } else { self.bytes.append(contentsOf: String(n).utf8) }
        case .string(let s): self.string(s)
        case .array(let elements):
            self.beginArrayValue()
            for element in elements { self.value(element) }
            self.endArray()
        case .object(let members):
            self.beginObjectValue()
            for member in members {
                self.key(member.key)
                self.value(member.value)
            }
            self.endObject()
        }
    }

    /// Begins an object as the value of the pending member (or as an array element).
    public mutating func beginObjectValue() {
        self.beforeValue()
        self.bytes.append(UInt8(ascii: "{"))
        self.needsComma.append(false)
    }

    /// Begins an array as the value of the pending member (or as an array element).
    public mutating func beginArrayValue() {
        self.beforeValue()
        self.bytes.append(UInt8(ascii: "["))
        self.needsComma.append(false)
    }

    /// `format(value)` written straight into the buffer.
    private mutating func appendNumber(_ value: Double) {
        guard value.isFinite else { return self.appendLiteral("null") }
        let hundredths = (value * 100).rounded()
        guard hundredths != 0 else { return self.bytes.append(UInt8(ascii: "0")) }
        guard abs(hundredths) < 9e18 else { return self.bytes.append(contentsOf: String(value.rounded()).utf8) }
        if hundredths < 0 { self.bytes.append(UInt8(ascii: "-")) }
        let magnitude = Int64(abs(hundredths))
        self.appendInteger(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            self.bytes.append(UInt8(ascii: "."))
            self.bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { self.bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
    }

    /// Two decimals at most; `-0` prints as `0`.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let hundredths = (value * 100).rounded()
        if hundredths == 0 { return "0" }
        guard abs(hundredths) < 9e18 else { return String(value.rounded()) }  // beyond Int64: plain digits and exponent
        let negative = hundredths < 0
        let magnitude = Int64(abs(hundredths))
        let whole = magnitude / 100
        let fraction = magnitude % 100
        var text = negative ? "-" : ""
        text += String(whole)
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text
    }

    private mutating func appendQuoted(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in self.appendQuoted(utf8) }
    }

    /// Copies runs of bytes that need no escape in one go; only quotes, backslashes and control characters are
    /// written one by one.
    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        self.bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for (index, b) in utf8.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
            if runStart < index { self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            runStart = index + 1
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                self.bytes.append(UInt8(ascii: "\\"))
                self.bytes.append(b)
            case 0x0A:
                self.bytes.append(UInt8(ascii: "\\"))
                self.bytes.append(UInt8(ascii: "n"))
            case 0x0D:
                self.bytes.append(UInt8(ascii: "\\"))
                self.bytes.append(UInt8(ascii: "r"))
            case 0x09:
                self.bytes.append(UInt8(ascii: "\\"))
                self.bytes.append(UInt8(ascii: "t"))
            default:
                let hex: StaticString = "0123456789abcdef"
                self.bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex.utf8Start[Int(b >> 4)], hex.utf8Start[Int(b & 0xF)]])
            }
        }
        if runStart < utf8.count { self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        self.bytes.append(UInt8(ascii: "\""))
    }
}
