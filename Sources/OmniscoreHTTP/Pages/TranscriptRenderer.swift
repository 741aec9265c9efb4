import HTTPTypes
import Foundation
import OmniscoreCore
import OmniscoreInterchange

/// Renders a transcript with each criterion's evidence highlighted. Evidence spans are Unicode-scalar offsets
/// into the original message text; every piece between and inside the marks is escaped separately.
enum TranscriptRenderer {
    struct Mark {
        var start: Int
        var end: Int
        var criterion: String
        var failed: Bool
    }

    /// Evidence marks per message index, from a scorecard's JSON.
    static func marks(scorecard: String) -> [Int: [Mark]] {
        guard let members = try? JSONObjectDecoder.members(of: scorecard),
            case .array(let criteria)? = members.first(where: { $0.key == "criteria" })?.value
        else { return [:] }
        var marks: [Int: [Mark]] = [:]
        for case .object(let criterion) in criteria {
            let id = criterion.first { $0.key == "id" }?.value.textValue ?? ""
            let failed = criterion.first { $0.key == "verdict" }?.value.textValue == "fail"
            guard case .array(let evidence)? = criterion.first(where: { $0.key == "evidence" })?.value else { continue }
            for case .object(let item) in evidence {
                guard let message = item.first(where: { $0.key == "message" })?.value.numberValue,
                    let start = item.first(where: { $0.key == "start" })?.value.numberValue,
                    let end = item.first(where: { $0.key == "end" })?.value.numberValue, end > start
                else { continue }
                marks[Int(message), default: []].append(Mark(start: Int(start), end: Int(end), criterion: id, failed: failed))
            }
        }
        return marks
    }

    /// The message text as HTML with non-overlapping marks (the first mark wins where two overlap). With a
    /// `masker`, personal data is replaced by its tag first and the marks are moved with the text, so evidence
    /// still highlights the right words.
    static func highlight(_ text: String, marks: [Mark], masker: PIIMasker? = nil) -> String {
        if let masker {
            let original = Array(text.unicodeScalars)
            let replacements = masker.replacements(original)
            if !replacements.isEmpty {
                let (masked, moved) = Self.mask(original, replacements, marks)
                return self.highlight(masked, marks: moved)
            }
        }
        let scalars = Array(text.unicodeScalars)
        var html = ""
        var position = 0
        for mark in marks.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) where mark.start >= position && mark.end <= scalars.count {
            html += String(String.UnicodeScalarView(scalars[position..<mark.start])).htmlEscaped
            let inner = String(String.UnicodeScalarView(scalars[mark.start..<mark.end])).htmlEscaped
            html += "<mark class=\"\(mark.failed ? "fail" : "pass")\" title=\"\(mark.criterion.htmlEscaped)\">\(inner)</mark>"
            position = mark.end
        }
        html += String(String.UnicodeScalarView(scalars[min(position, scalars.count)...])).htmlEscaped
        return html
    }

    /// The masked text and the marks at their new offsets (a mark edge inside a masked span moves to the span's
    /// edge: the tag is highlighted whole).
    static func mask(_ scalars: [Unicode.Scalar], _ replacements: [(range: Range<Int>, tag: String)], _ marks: [Mark]) -> (String, [Mark]) {
        let masked = PIIMasker.apply(replacements, to: scalars)
        func moved(_ offset: Int, isEnd: Bool) -> Int {
            var shift = 0
            for replacement in replacements {
                if offset >= replacement.range.upperBound {
                    shift += replacement.tag.unicodeScalars.count - replacement.range.count
                } else if offset > replacement.range.lowerBound {
                    let start = replacement.range.lowerBound + shift
                    return isEnd ? start + replacement.tag.unicodeScalars.count : start
                } else {
                    break
                }
            }
            return offset + shift
        }
        let moved = marks.map { Mark(start: moved($0.start, isEnd: false), end: moved($0.end, isEnd: true), criterion: $0.criterion, failed: $0.failed) }
        return (masked, moved)
    }
}
