public import OmniscoreCore

/// Decodes one JSONL line of the interchange format into an `Interaction`.
///
/// ```json
/// {"id":"chat-0001","channel":"chat","customer_id":"cus-1","agent_id":"agt-7","started_at":"2026-10-03T09:12:00Z",
///  "messages":[{"role":"customer","at":"2026-10-03T09:12:00Z","text":"Hi"}],"events":[{"kind":"resolved"}]}
/// ```
///
/// Unknown fields are ignored. Every problem becomes an `InterchangeError` naming the line, column and field.
public struct InteractionDecoder: Sendable {
    /// The longest message text accepted, in bytes; longer ones reject the record as `too_large`.
    public var maximumMessageBytes: Int
    /// The most messages one interaction may have.
    public var maximumMessages: Int

    public init(maximumMessageBytes: Int = 1 << 20, maximumMessages: Int = 20_000) {
        self.maximumMessageBytes = maximumMessageBytes
        self.maximumMessages = maximumMessages
    }

    /// Decodes a line given as bytes (without its newline).
    ///
    /// - Throws: `InterchangeError` for malformed JSON, invalid UTF-8, missing or invalid fields, unknown channels
    ///   or roles and oversized messages.
    public func decode(_ bytes: UnsafeRawBufferPointer, line: Int) throws(InterchangeError) -> Interaction {
        // A UTF-8 byte-order mark (as some Windows tools write) at the start of a file is skipped.
        let bytes = line == 1 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? UnsafeRawBufferPointer(rebasing: bytes[3...]) : bytes
        if let offset = UTF8Validation.firstInvalidOffset(bytes) {
            throw InterchangeError(code: .invalidUTF8, line: line, column: InteractionDecoder.column(bytes, offset), message: "invalid UTF-8 at byte \(offset + 1)")
        }
        var reader = JSONReader(bytes, line: line)
        var path = ""
        do {
            let interaction = try self.readInteraction(&reader, path: &path)
            if reader.peek() != nil { throw reader.fail("unexpected data after the record") }
            return interaction
        } catch let failure as Failure {
            throw InterchangeError(code: failure.code, line: line, column: InteractionDecoder.column(bytes, failure.offset), field: path.isEmpty ? nil : path, message: failure.message)
        } catch {
            throw InterchangeError(code: .malformedJSON, line: line, message: "\(error)")
        }
    }

    /// Decodes a line given as a string.
    public func decode(_ line: String, lineNumber: Int = 1) throws(InterchangeError) -> Interaction {
        var copy = line
        let result: Result<Interaction, InterchangeError> = copy.withUTF8 { buffer in
            do throws(InterchangeError) {
                return .success(try self.decode(UnsafeRawBufferPointer(buffer), line: lineNumber))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    typealias Failure = JSONReader.Failure

    /// 1-based column in characters of byte `offset`.
    static func column(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> Int {
        var column = 1
        var i = 0
        while i < min(offset, bytes.count) {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    private func readInteraction(_ reader: inout JSONReader, path: inout String) throws(Failure) -> Interaction {
        var id: String?
        var channel: Channel?
        var customer: String?
        var agent: String?
        var team: String?
        var started: Timestamp?
        var ended: Timestamp?
        var subject: String?
        var language: String?
        var messages: [Message]?
        var events: [InteractionEvent] = []
        guard reader.peek() == UInt8(ascii: "{") else { throw reader.fail("a record must be a JSON object" + reader.found()) }
        try reader.readObject { (r: inout JSONReader, key: String) throws(Failure) in
            switch key {
            case "id":
                path = "id"
                id = try InteractionDecoder.readIdentifier(&r, required: true)
            case "channel":
                path = "channel"
                let name = try InteractionDecoder.readText(&r)
                guard let value = Channel(name: name) else {
                    throw Failure(code: .unknownChannel, offset: r.index, message: "unknown channel \"\(InteractionDecoder.clip(name))\"; expected one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                channel = value
            case "customer_id":
                path = "customer_id"
                customer = try InteractionDecoder.readIdentifier(&r, required: true)
            case "agent_id":
                path = "agent_id"
                agent = try InteractionDecoder.readIdentifier(&r, required: false)
            case "team":
                path = "team"
                team = try InteractionDecoder.readOptionalText(&r)
            case "subject":
                path = "subject"
                subject = try InteractionDecoder.readOptionalText(&r)
            case "language":
                path = "language"
                language = try InteractionDecoder.readOptionalText(&r)?.lowercased()
            case "started_at":
                path = "started_at"
                started = try InteractionDecoder.readTimestamp(&r, required: true)
            case "ended_at":
                path = "ended_at"
                ended = try InteractionDecoder.readTimestamp(&r, required: false)
            case "messages":
                path = "messages"
                messages = try self.readMessages(&r, path: &path)
            case "events":
                path = "events"
                if try r.readNullIfPresent() { break }
                events = try self.readEvents(&r, path: &path)
            default:
                // An error inside a field Omniscore does not read is still located by that field's name.
                path = key
                try r.skipValue()
            }
        }
        path = ""
        func missing(_ field: String) -> Failure {
            path = field
            return Failure(code: .missingField, offset: 0, message: "required field \"\(field)\" is missing")
        }
        guard let id else { throw missing("id") }
        guard let channel else { throw missing("channel") }
        guard let customer else { throw missing("customer_id") }
        guard let started else { throw missing("started_at") }
        guard let messages else { throw missing("messages") }
        return Interaction(id: id, channel: channel, customerID: customer, agentID: agent, team: team, startedAt: started, endedAt: ended, subject: subject, language: language, messages: messages, events: events)
    }

    private func readMessages(_ reader: inout JSONReader, path: inout String) throws(Failure) -> [Message] {
        guard reader.peek() == UInt8(ascii: "[") else { throw reader.fail("\"messages\" must be an array", code: .invalidField) }
        var messages: [Message] = []
        try reader.readArray { (r: inout JSONReader, position: Int) throws(Failure) in
            guard position < self.maximumMessages else {
                throw Failure(code: .tooLarge, offset: r.index, message: "more than \(self.maximumMessages) messages")
            }
            path = "messages[\(position)]"
            guard r.peek() == UInt8(ascii: "{") else { throw r.fail("a message must be an object", code: .invalidField) }
            var role: Role?
            var author: String?
            var at: Timestamp?
            var text: String?
            try r.readObject { (m: inout JSONReader, key: String) throws(Failure) in
                switch key {
                case "role":
                    path = "messages[\(position)].role"
                    let name = try InteractionDecoder.readText(&m)
                    guard let value = Role(name: name) else {
                        throw Failure(code: .unknownRole, offset: m.index, message: "unknown role \"\(InteractionDecoder.clip(name))\"; expected customer, agent, bot or system")
                    }
                    role = value
                case "author":
                    path = "messages[\(position)].author"
                    author = try InteractionDecoder.readOptionalText(&m)
                case "at":
                    path = "messages[\(position)].at"
                    at = try InteractionDecoder.readTimestamp(&m, required: false)
                case "text":
                    path = "messages[\(position)].text"
                    let start = m.index
                    guard m.peek() == UInt8(ascii: "\"") else {
                        throw m.fail(m.peek() == UInt8(ascii: "n") ? "text is null" : "text must be a string", code: .invalidField)
                    }
                    let value = try m.readString()
                    let size = m.index - start
                    guard size <= self.maximumMessageBytes + 2 else {
                        throw Failure(code: .tooLarge, offset: start, message: "text is \(size - 2) bytes, over the \(self.maximumMessageBytes)-byte limit")
                    }
                    text = value
                default:
                    try m.skipValue()
                }
            }
            guard let role else { throw Failure(code: .missingField, offset: r.index, message: "required field \"role\" is missing") }
            guard let text else { throw Failure(code: .missingField, offset: r.index, message: "required field \"text\" is missing") }
            messages.append(Message(role: role, author: author, at: at, text: text))
        }
        path = "messages"
        return messages
    }

    private func readEvents(_ reader: inout JSONReader, path: inout String) throws(Failure) -> [InteractionEvent] {
        guard reader.peek() == UInt8(ascii: "[") else { throw reader.fail("\"events\" must be an array", code: .invalidField) }
        var events: [InteractionEvent] = []
        try reader.readArray { (r: inout JSONReader, position: Int) throws(Failure) in
            path = "events[\(position)]"
            guard r.peek() == UInt8(ascii: "{") else { throw r.fail("an event must be an object", code: .invalidField) }
            var kind: String?
            var at: Timestamp?
            var actor: String?
            var detail: [(key: String, value: JSONValue)] = []
            try r.readObject { (e: inout JSONReader, key: String) throws(Failure) in
                switch key {
                case "kind":
                    path = "events[\(position)].kind"
                    kind = try InteractionDecoder.readText(&e).lowercased()
                case "at":
                    path = "events[\(position)].at"
                    at = try InteractionDecoder.readTimestamp(&e, required: false)
                case "actor":
                    path = "events[\(position)].actor"
                    actor = try InteractionDecoder.readIdentifier(&e, required: false)
                case "detail":
                    path = "events[\(position)].detail"
                    if try e.readNullIfPresent() { break }
                    guard e.peek() == UInt8(ascii: "{") else { throw e.fail("detail must be an object", code: .invalidField) }
                    guard case .object(let members) = try e.readValue() else { break }
                    detail = members
                default:
                    try e.skipValue()
                }
            }
            guard let kind, !kind.isEmpty else { throw Failure(code: .missingField, offset: r.index, message: "required field \"kind\" is missing") }
            events.append(InteractionEvent(kind: kind, at: at, actor: actor, detail: detail))
        }
        path = "events"
        return events
    }

    static func readText(_ reader: inout JSONReader) throws(Failure) -> String {
        guard reader.peek() == UInt8(ascii: "\"") else { throw reader.fail("expected a string" + reader.found(), code: .invalidField) }
        return try reader.readString()
    }

    static func readOptionalText(_ reader: inout JSONReader) throws(Failure) -> String? {
        if try reader.readNullIfPresent() { return nil }
        return try readText(&reader)
    }

    /// Ids may be strings or integers.
    static func readIdentifier(_ reader: inout JSONReader, required: Bool) throws(Failure) -> String? {
        if try reader.readNullIfPresent() {
            if required { throw reader.fail("must not be null", code: .invalidField) }
            return nil
        }
        if let b = reader.peek(), b == UInt8(ascii: "-") || (b >= 48 && b <= 57) {
            let value = try reader.readNumber()
            guard value == value.rounded(), abs(value) < 1e15 else { throw reader.fail("an id must be a string or an integer", code: .invalidField) }
            return String(Int64(value))
        }
        let text = try readText(&reader)
        if required && text.isEmpty { throw reader.fail("must not be empty", code: .invalidField) }
        return text
    }

    static func readTimestamp(_ reader: inout JSONReader, required: Bool) throws(Failure) -> Timestamp? {
        if try reader.readNullIfPresent() {
            if required { throw reader.fail("must not be null", code: .invalidField) }
            return nil
        }
        let start = reader.index
        let text = try readText(&reader)
        guard let timestamp = ISO8601.parse(text) else {
            throw Failure(code: .invalidField, offset: start, message: "\"\(clip(text))\" is not an ISO-8601 date-time with a time zone, such as 2026-10-03T09:12:00Z")
        }
        return timestamp
    }

    /// Enumerated values are safe to echo, but keep them short.
    static func clip(_ text: String) -> String {
        text.count <= 24 ? text : String(text.prefix(24)) + "…"
    }
}
