public import OmniscoreCore

/// A human label of one interaction for one rubric: the verdict per criterion, or why it cannot be scored, plus
/// optional 1-5 ratings of agent politeness and customer frustration.
public struct GoldenLabel: Sendable, Hashable {
    public var interactionID: String
    /// `nil` for a scored label.
    public var notScored: NotScoredReason?
    /// Criterion id and expected verdict, in file order.
    public var verdicts: [(criterion: String, verdict: Verdict)]
    public var agentPoliteness: Double?
    public var customerFrustration: Double?
    /// Where the label is, `file:line`.
    public var location: String

    public static func == (lhs: GoldenLabel, rhs: GoldenLabel) -> Bool {
        lhs.interactionID == rhs.interactionID && lhs.notScored == rhs.notScored
            && lhs.verdicts.map(\.criterion) == rhs.verdicts.map(\.criterion) && lhs.verdicts.map(\.verdict) == rhs.verdicts.map(\.verdict)
            && lhs.agentPoliteness == rhs.agentPoliteness && lhs.customerFrustration == rhs.customerFrustration
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.interactionID)
        hasher.combine(self.verdicts.map(\.criterion))
    }

    /// The expected verdict for `criterion`.
    public func verdict(for criterion: String) -> Verdict? {
        self.verdicts.first { $0.criterion == criterion }?.verdict
    }

    /// Decodes one JSONL line: `{"id":..., "status":"scored"|"not_scored", "reason":..., "verdicts":{...},
    /// "ratings":{"agent_politeness":n,"customer_frustration":n}}`.
    ///
    /// - Throws: `InterchangeError` naming the line and field.
    public static func decode(_ line: String, lineNumber: Int, source: String) throws(InterchangeError) -> GoldenLabel {
        var copy = line
        let result: Result<GoldenLabel, InterchangeError> = copy.withUTF8 { buffer in
            let bytes = UnsafeRawBufferPointer(buffer)
            var reader = JSONReader(bytes, line: lineNumber)
            var field = ""
            do throws(JSONReader.Failure) {
                var id: String?
                var status = "scored"
                var reason: String?
                var verdicts: [(String, Verdict)] = []
                var politeness: Double?
                var frustration: Double?
                try reader.readObject { (r: inout JSONReader, key: String) throws(JSONReader.Failure) in
                    field = key
                    switch key {
                    case "id": id = try InteractionDecoder.readIdentifier(&r, required: true)
                    case "status": status = try InteractionDecoder.readText(&r)
                    case "reason": reason = try InteractionDecoder.readOptionalText(&r)
                    case "verdicts":
                        try r.readObject { (v: inout JSONReader, criterion: String) throws(JSONReader.Failure) in
                            field = "verdicts.\(criterion)"
                            let text = try InteractionDecoder.readText(&v)
                            guard let verdict = Verdict(rawValue: text) else {
                                throw v.fail("verdict must be pass, fail or na", code: .invalidField)
                            }
                            verdicts.append((criterion, verdict))
                        }
                    case "ratings":
                        try r.readObject { (v: inout JSONReader, name: String) throws(JSONReader.Failure) in
                            field = "ratings.\(name)"
                            let value = try v.readValue().numberValue
                            if name == "agent_politeness" { politeness = value }
                            if name == "customer_frustration" { frustration = value }
                        }
                    default:
                        try r.skipValue()
                    }
                }
                field = ""
                guard let id else { throw JSONReader.Failure(code: .missingField, offset: 0, message: "required field \"id\" is missing") }
                var notScored: NotScoredReason? = nil
                if status == "not_scored" {
                    guard let reason, let value = NotScoredReason(rawValue: reason) else {
                        throw JSONReader.Failure(code: .invalidField, offset: 0, message: "a not_scored label needs a known \"reason\" (\(NotScoredReason.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    notScored = value
                } else if status != "scored" {
                    throw JSONReader.Failure(code: .invalidField, offset: 0, message: "status must be scored or not_scored")
                }
                return .success(GoldenLabel(interactionID: id, notScored: notScored, verdicts: verdicts, agentPoliteness: politeness, customerFrustration: frustration, location: "\(source):\(lineNumber)"))
            } catch {
                return .failure(InterchangeError(code: error.code, line: lineNumber, column: InteractionDecoder.column(bytes, error.offset), field: field.isEmpty ? nil : field, message: error.message, source: source))
            }
        }
        return try result.get()
    }
}
