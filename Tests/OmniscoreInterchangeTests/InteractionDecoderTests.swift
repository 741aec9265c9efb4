import OmniscoreCore
import Testing
@testable import OmniscoreInterchange

@Suite("Reading interactions from JSONL")
struct InteractionDecoderTests {
    static let valid = #"{"id":"chat-9","channel":"chat","customer_id":"cus-1","agent_id":"agt-7","team":"uk","started_at":"2026-10-02T09:14:00Z","subject":"Where is my parcel","language":"en","messages":[{"role":"customer","author":"Ellie Marsh","at":"2026-10-02T09:14:00Z","text":"hi, where is it? caf\u00e9 \"quoted\""},{"role":"agent","at":"2026-10-02T09:14:45.250Z","text":"Hi Ellie, let me check."}],"events":[{"kind":"escalated","at":"2026-10-02T09:15:00Z","actor":"agt-7","detail":{"tier":2,"reason":"manager","nested":{"a":[1,true,null]}}}]}"#

    @Test("a full record decodes with every field")
    func decodesEverything() throws {
        let interaction = try InteractionDecoder().decode(Self.valid)
        #expect(interaction.id == "chat-9")
        #expect(interaction.channel == .chat)
        #expect(interaction.customerID == "cus-1")
        #expect(interaction.agentID == "agt-7")
        #expect(interaction.subject == "Where is my parcel")
        #expect(interaction.messages.count == 2)
        #expect(interaction.messages[0].role == .customer)
        #expect(interaction.messages[0].text == "hi, where is it? café \"quoted\"")
        #expect(interaction.messages[1].at == Timestamp(millisecondsSinceEpoch: try #require(ISO8601.parse("2026-10-02T09:14:45Z")).millisecondsSinceEpoch + 250))
        #expect(interaction.events.first?.kind == "escalated")
        #expect(interaction.events.first?.detail.first { $0.key == "tier" }?.value == .number(2))
    }

    @Test("bad records name the line, the column or field, and never quote message text", arguments: [
        (#"{"id":"x","channel":"chat""#, InterchangeError.Code.malformedJSON, nil as String?),
        (#"{"id":"x","channel":"fax","customer_id":"c","started_at":"2026-10-02T09:14:00Z","messages":[]}"#, .unknownChannel, "channel"),
        (#"{"id":"x","channel":"chat","customer_id":"c","started_at":"2026-10-02T09:14:00Z","messages":[{"role":"customer","text":"secret words"},{"role":"wizard","text":"secret words"}]}"#, .unknownRole, "messages[1].role"),
        (#"{"id":"x","channel":"chat","started_at":"2026-10-02T09:14:00Z","messages":[]}"#, .missingField, "customer_id"),
        (#"{"id":"x","channel":"chat","customer_id":"c","started_at":"yesterday","messages":[]}"#, .invalidField, "started_at"),
        (#"{"id":"x","channel":"chat","customer_id":"c","started_at":"2026-10-02T09:14:00Z","messages":[{"role":"agent","text":null}]}"#, .invalidField, "messages[0].text"),
    ])
    func rejects(line: String, code: InterchangeError.Code, field: String?) {
        do {
            _ = try InteractionDecoder().decode(line, lineNumber: 42)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
            #expect(error.line == 42)
            if let field { #expect(error.field == field) }
            #expect(!error.description.contains("secret"))
            #expect(error.description.contains("42"))
        }
    }

    @Test("a malformed record names the column where it breaks")
    func column() {
        do {
            _ = try InteractionDecoder().decode(#"{"id": "x", "channel" "chat"}"#, lineNumber: 3)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .malformedJSON)
            #expect(error.column == 23)
        }
    }

    @Test("oversized messages are rejected, not truncated")
    func tooLarge() {
        let text = String(repeating: "a", count: 2_000)
        let line = #"{"id":"x","channel":"chat","customer_id":"c","started_at":"2026-10-02T09:14:00Z","messages":[{"role":"agent","text":"\#(text)"}]}"#
        #expect(throws: InterchangeError.self) { try InteractionDecoder(maximumMessageBytes: 1_000).decode(line) }
        #expect((try? InteractionDecoder(maximumMessageBytes: 10_000).decode(line)) != nil)
    }

    @Test("invalid UTF-8 is rejected with its code")
    func invalidUTF8() {
        var bytes = Array(#"{"id":"x","channel":"chat","customer_id":"c","started_at":"2026-10-02T09:14:00Z","messages":[{"role":"agent","text":"ab"}]}"#.utf8)
        let index = bytes.lastIndex(of: UInt8(ascii: "a"))!
        bytes[index] = 0xFF
        let result: Result<Interaction, InterchangeError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(InterchangeError) in try InteractionDecoder().decode(buffer, line: 1) }
        }
        guard case .failure(let error) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(error.code == .invalidUTF8)
    }
}
