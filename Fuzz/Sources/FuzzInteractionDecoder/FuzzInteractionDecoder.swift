import Foundation
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreRubrics

/// libFuzzer entry point: any bytes as one JSONL line. The decoder must return an interaction or a located
/// error, never crash, hang or read out of bounds; what decodes must score.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInteractionDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    do {
        let interaction = try InteractionDecoder().decode(bytes, line: 1)
        _ = Scorers.shared.score(interaction)
    } catch {
        precondition(error.line == 1, "an error must name its line")
    }
    return 0
}

/// The stock rubric (run from the repository root), compiled once per process.
enum Scorers {
    static let shared: Scorer = {
        let path = ProcessInfo.processInfo.environment["OMNISCORE_FUZZ_RUBRIC"] ?? "Rubrics/omnichannel-standard.xml"
        let source = try! String(contentsOfFile: path, encoding: .utf8)
        return try! RubricLoader.load(source: source, file: path).scorer
    }()
}
