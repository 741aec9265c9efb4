/// Builds PostgreSQL COPY text-format data: tab-separated columns, `\N` for NULL, backslash escapes.
public struct CopyEncoder: Sendable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var rows = 0
    private var atRowStart = true

    public init(capacity: Int = 1 << 16) {
        self.bytes.reserveCapacity(capacity)
    }

    private mutating func separator() {
        if !self.atRowStart { self.bytes.append(0x09) }
        self.atRowStart = false
    }

    public mutating func field(_ text: String?) {
        self.separator()
        guard let text else {
            self.bytes.append(0x5C)
            self.bytes.append(UInt8(ascii: "N"))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x5C: self.bytes.append(0x5C); self.bytes.append(0x5C)
            case 0x09: self.bytes.append(0x5C); self.bytes.append(UInt8(ascii: "t"))
            case 0x0A: self.bytes.append(0x5C); self.bytes.append(UInt8(ascii: "n"))
            case 0x0D: self.bytes.append(0x5C); self.bytes.append(UInt8(ascii: "r"))
            case 0x00: break  // PostgreSQL text cannot hold NUL
            default: self.bytes.append(byte)
            }
        }
    }

    public mutating func field(_ value: Int?) { self.field(value.map(String.init)) }
    public mutating func field(_ value: Double?) { self.field(value.flatMap { $0.isFinite ? String($0) : nil }) }
    public mutating func field(_ value: Bool?) { self.field(value.map { $0 ? "t" : "f" }) }

    /// A text[] literal.
    public mutating func field(array: [String]) { self.field(array.sqlValue.text) }

    /// Raw bytes already valid for the column (for example a JSON document), escaped for COPY.
    public mutating func field(utf8 raw: [UInt8]) {
        self.separator()
        for byte in raw {
            switch byte {
            case 0x5C: self.bytes.append(0x5C); self.bytes.append(0x5C)
            case 0x09: self.bytes.append(0x5C); self.bytes.append(UInt8(ascii: "t"))
            case 0x0A: self.bytes.append(0x5C); self.bytes.append(UInt8(ascii: "n"))
            case 0x0D: self.bytes.append(0x5C); self.bytes.append(UInt8(ascii: "r"))
            default: self.bytes.append(byte)
            }
        }
    }

    public mutating func endRow() {
        self.bytes.append(0x0A)
        self.rows += 1
        self.atRowStart = true
    }

    public mutating func removeAll() {
        self.bytes.removeAll(keepingCapacity: true)
        self.rows = 0
        self.atRowStart = true
    }
}
