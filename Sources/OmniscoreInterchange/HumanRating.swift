public import OmniscoreCore

/// People's ratings of one interaction, for calibration: a QA score, a CSAT, a yes/no such as "should have
/// escalated". One JSONL line: `{"id":"chat-0001","ratings":{"qa_score":85,"csat":4,"should_escalate":true}}`;
/// `null` values are left out.
public struct HumanRating: Sendable, Hashable {
    /// A rating's value: a yes/no or a number.
    public enum Value: Sendable, Hashable {
        case flag(Bool)
        case number(Double)

        /// The value as a number (yes is 1).
        public var number: Double {
            switch self {
            case .flag(let flag): return flag ? 1 : 0
            case .number(let number): return number
            }
        }
    }

    public var interactionID: String
    /// Rating name and value, in file order.
    public var values: [(name: String, value: Value)]
    /// Where the line is, `file:line`.
    public var location: String

    public init(interactionID: String, values: [(name: String, value: Value)], location: String = "") {
        self.interactionID = interactionID
        self.values = values
        self.location = location
    }

    public static func == (lhs: HumanRating, rhs: HumanRating) -> Bool {
        lhs.interactionID == rhs.interactionID && lhs.values.map(\.name) == rhs.values.map(\.name) && lhs.values.map(\.value) == rhs.values.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.interactionID)
        hasher.combine(self.values.map(\.name))
    }

    /// The value of rating `name`, if given.
    public func value(_ name: String) -> Value? {
        self.values.first { $0.name == name }?.value
    }

    /// Decodes one JSONL line.
    ///
    /// - Throws: `InterchangeError` naming the line and field: a missing id, or a rating that is neither a
    ///   number, a boolean nor null.
    public static func decode(_ line: String, lineNumber: Int, source: String) throws(InterchangeError) -> HumanRating {
        var copy = line
        let result: Result<HumanRating, InterchangeError> = copy.withUTF8 { buffer in
            let bytes = UnsafeRawBufferPointer(buffer)
            var reader = JSONReader(bytes, line: lineNumber)
            var field = ""
            do throws(JSONReader.Failure) {
                var id: String?
                var values: [(String, Value)] = []
                try reader.readObject { (r: inout JSONReader, key: String) throws(JSONReader.Failure) in
                    field = key
                    switch key {
                    case "id": id = try InteractionDecoder.readIdentifier(&r, required: true)
                    case "ratings":
                        try r.readObject { (v: inout JSONReader, name: String) throws(JSONReader.Failure) in
                            field = "ratings.\(name)"
                            switch try v.readValue() {
                            case .null: break
                            case .bool(let flag): values.append((name, .flag(flag)))
                            case .number(let number): values.append((name, .number(number)))
                            case .string, .array, .object:
                                throw v.fail("a rating must be a number, true/false or null", code: .invalidField)
                            }
                        }
                    default:
                        try r.skipValue()
                    }
                }
                field = ""
                guard let id else { throw JSONReader.Failure(code: .missingField, offset: 0, message: "required field \"id\" is missing") }
                return .success(HumanRating(interactionID: id, values: values, location: "\(source):\(lineNumber)"))
            } catch {
                return .failure(InterchangeError(code: error.code, line: lineNumber, column: InteractionDecoder.column(bytes, error.offset), field: field.isEmpty ? nil : field, message: error.message, source: source))
            }
        }
        return try result.get()
    }
}
