import OmniscoreCore
import OmniscoreRubrics

/// libFuzzer entry point: any bytes as a rubric file. Loading must give a rubric or located errors (line and
/// column at least 1), never crash, hang, touch the network or expand entities; a rubric that loads must score.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRubricLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let loaded = try RubricLoader.load(bytes: bytes, file: "fuzz.xml")
        _ = loaded.scorer.score(Sample.interaction)
    } catch {
        precondition(!error.errors.isEmpty, "a failed load must say why")
        for problem in error.errors {
            precondition(problem.line >= 1 && problem.column >= 1, "every error is located: \(problem)")
        }
    }
    return 0
}

enum Sample {
    static let interaction = Interaction(
        id: "fuzz-1", channel: .chat, customerID: "c1", agentID: "a1", team: nil,
        startedAt: Timestamp(millisecondsSinceEpoch: 1_790_000_000_000), endedAt: nil, subject: nil, language: "en",
        messages: [
            Message(role: .customer, text: "Hi, my order 12345 has not arrived and I am really annoyed"),
            Message(role: .agent, text: "Hello, I'm so sorry about that. I will call you back tomorrow between 2 and 4pm, reference REF-1."),
        ],
        events: []
    )
}
