public import OmniscoreCore

/// A small, fast JSON reader over the UTF-8 bytes of one JSONL line, used by the decoders instead of Foundation's
/// `JSONDecoder` (about ten times slower here, and the hot path of `omniscore score`).
struct JSONReader: ~Copyable {
    let bytes: UnsafeRawBufferPointer
    var index = 0
    let line: Int

    struct Failure: Error {
        var code: InterchangeError.Code
        var offset: Int
        var message: String
    }

    init(_ bytes: UnsafeRawBufferPointer, line: Int) {
        self.bytes = bytes
        self.line = line
    }

    /// Maximum nesting of arrays and objects inside detail values.
    static let maximumDepth = 64

    mutating func skipWhitespace() {
        while self.index < self.bytes.count {
            let b = self.bytes[self.index]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { self.index += 1 } else { return }
        }
    }

    func fail(_ message: String, code: InterchangeError.Code = .malformedJSON) -> Failure {
        Failure(code: code, offset: self.index, message: message)
    }

    mutating func peek() -> UInt8? {
        self.skipWhitespace()
        return self.index < self.bytes.count ? self.bytes[self.index] : nil
    }

    mutating func expect(_ byte: UInt8) throws(Failure) {
        guard self.peek() == byte else {
            throw self.fail("expected '\(Character(Unicode.Scalar(byte)))'" + self.found())
        }
        self.index += 1
    }

    func found() -> String {
        guard self.index < self.bytes.count else { return ", found the end of the line" }
        let b = self.bytes[self.index]
        if b >= 0x21 && b < 0x7F { return ", found '\(Character(Unicode.Scalar(b)))'" }
        return ""
    }

    /// Reads an object, calling `member` with each key; `member` must consume the value. Keys of up to 15 bytes
    /// are small strings, stored inline without an allocation.
    mutating func readObject(_ member: (inout JSONReader, String) throws(Failure) -> Void) throws(Failure) {
        try self.expect(UInt8(ascii: "{"))
        if self.peek() == UInt8(ascii: "}") {
            self.index += 1
            return
        }
        // Member names seen: a short array for the usual handful, a set past that (an object of a hundred
        // thousand members stays linear). A name given twice is refused: which value would count is a guess.
        var seen: [String] = []
        var seenSet: Set<String>? = nil
        while true {
            guard self.peek() == UInt8(ascii: "\"") else { throw self.fail("expected a member name" + self.found()) }
            let keyStart = self.index
            let key = try self.readString()
            if seenSet == nil {
                if seen.contains(key) { throw Failure(code: .malformedJSON, offset: keyStart, message: "member \"\(InteractionDecoder.clip(key))\" appears twice in one object") }
                seen.append(key)
                if seen.count > 16 { seenSet = Set(seen) }
            } else if !seenSet!.insert(key).inserted {
                throw Failure(code: .malformedJSON, offset: keyStart, message: "member \"\(InteractionDecoder.clip(key))\" appears twice in one object")
            }
            try self.expect(UInt8(ascii: ":"))
            _ = self.peek()
            try member(&self, key)
            guard let next = self.peek() else { throw self.fail("unterminated object") }
            self.index += 1
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else {
                self.index -= 1
                throw self.fail("expected ',' or '}'" + self.found())
            }
        }
    }

    /// Reads an array, calling `element` for each element at its start.
    mutating func readArray(_ element: (inout JSONReader, Int) throws(Failure) -> Void) throws(Failure) {
        try self.expect(UInt8(ascii: "["))
        if self.peek() == UInt8(ascii: "]") {
            self.index += 1
            return
        }
        var position = 0
        while true {
            _ = self.peek()
            try element(&self, position)
            position += 1
            guard let next = self.peek() else { throw self.fail("unterminated array") }
            self.index += 1
            if next == UInt8(ascii: "]") { return }
            guard next == UInt8(ascii: ",") else {
                self.index -= 1
                throw self.fail("expected ',' or ']'" + self.found())
            }
        }
    }

    /// Reads a string value, decoding escapes (including surrogate pairs).
    mutating func readString() throws(Failure) -> String {
        try self.expect(UInt8(ascii: "\""))
        let start = self.index
        // Fast path: no escapes.
        while self.index < self.bytes.count {
            let b = self.bytes[self.index]
            if b == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: self.bytes[start..<self.index]), as: UTF8.self)
                self.index += 1
                return text
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw self.fail("control character in string; escape it as \\n, \\t or \\u00XX") }
            self.index += 1
        }
        var out = Array(UnsafeRawBufferPointer(rebasing: self.bytes[start..<self.index]))
        while self.index < self.bytes.count {
            let b = self.bytes[self.index]
            if b == UInt8(ascii: "\"") {
                self.index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw self.fail("control character in string; escape it as \\n, \\t or \\u00XX") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                self.index += 1
                continue
            }
            self.index += 1
            guard self.index < self.bytes.count else { break }
            let e = self.bytes[self.index]
            self.index += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var value = try self.readHex4()
                if value >= 0xD800 && value < 0xDC00 {
                    guard self.index + 1 < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "\\"),
                        self.bytes[self.index + 1] == UInt8(ascii: "u")
                    else { throw self.fail("unpaired surrogate in \\u escape", code: .invalidUTF8) }
                    self.index += 2
                    let low = try self.readHex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw self.fail("unpaired surrogate in \\u escape", code: .invalidUTF8) }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else if value >= 0xDC00 && value < 0xE000 {
                    throw self.fail("unpaired surrogate in \\u escape", code: .invalidUTF8)
                }
                out.append(contentsOf: String(Unicode.Scalar(value)!).utf8)
            default:
                self.index -= 1
                throw self.fail("invalid escape in string")
            }
        }
        throw self.fail("unterminated string")
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        guard self.index + 4 <= self.bytes.count else { throw self.fail("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = self.bytes[self.index]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - 55)
            default: throw self.fail("invalid \\u escape")
            }
            value = value * 16 + digit
            self.index += 1
        }
        return value
    }

    /// Whether the next value is `null` (and consumes it if so).
    mutating func readNullIfPresent() throws(Failure) -> Bool {
        guard self.peek() == UInt8(ascii: "n") else { return false }
        try self.readLiteral("null")
        return true
    }

    mutating func readLiteral(_ literal: StaticString) throws(Failure) {
        let count = literal.utf8CodeUnitCount
        guard self.index + count <= self.bytes.count else { throw self.fail("invalid literal" + self.found()) }
        let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: count)
        for k in 0..<count where self.bytes[self.index + k] != expected[k] {
            throw self.fail("invalid literal" + self.found())
        }
        self.index += count
    }

    mutating func readNumber() throws(Failure) -> Double {
        _ = self.peek()
        let start = self.index
        while self.index < self.bytes.count {
            let b = self.bytes[self.index]
            if (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                self.index += 1
            } else {
                break
            }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: self.bytes[start..<self.index]), as: UTF8.self)
        guard !text.isEmpty, let value = Double(text), value.isFinite else {
            self.index = start
            throw self.fail("invalid number" + self.found())
        }
        return value
    }

    /// Reads any value.
    mutating func readValue(depth: Int = 0) throws(Failure) -> JSONValue {
        guard depth < JSONReader.maximumDepth else { throw self.fail("nested deeper than \(JSONReader.maximumDepth) levels") }
        guard let b = self.peek() else { throw self.fail("expected a value, found the end of the line") }
        switch b {
        case UInt8(ascii: "\""): return .string(try self.readString())
        case UInt8(ascii: "{"):
            var members: [(key: String, value: JSONValue)] = []
            try self.readObject { (reader: inout JSONReader, key: String) throws(Failure) in
                members.append((key, try reader.readValue(depth: depth + 1)))
            }
            return .object(members)
        case UInt8(ascii: "["):
            var elements: [JSONValue] = []
            try self.readArray { (reader: inout JSONReader, _: Int) throws(Failure) in
                elements.append(try reader.readValue(depth: depth + 1))
            }
            return .array(elements)
        case UInt8(ascii: "t"):
            try self.readLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try self.readLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try self.readLiteral("null")
            return .null
        default:
            return .number(try self.readNumber())
        }
    }

    /// Skips any value.
    mutating func skipValue() throws(Failure) {
        _ = try self.readValue()
    }

}

/// UTF-8 validation of a whole line, reporting the byte offset of the first invalid sequence.
enum UTF8Validation {
    /// The offset of the first byte that is not part of valid UTF-8, or `nil` if all are.
    static func firstInvalidOffset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            var length = 0
            var minimum: UInt32 = 0
            var value: UInt32 = 0
            if b & 0xE0 == 0xC0 {
                length = 2
                minimum = 0x80
                value = UInt32(b & 0x1F)
            } else if b & 0xF0 == 0xE0 {
                length = 3
                minimum = 0x800
                value = UInt32(b & 0x0F)
            } else if b & 0xF8 == 0xF0 {
                length = 4
                minimum = 0x10000
                value = UInt32(b & 0x07)
            } else {
                return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                value = (value << 6) | UInt32(c & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (value >= 0xD800 && value < 0xE000) { return i }
            i += length
        }
        return nil
    }
}
