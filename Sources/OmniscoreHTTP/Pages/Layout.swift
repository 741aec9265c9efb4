import HTTPTypes
import Foundation
import OmniscoreInterchange
import OmniscoreCore
import OmniscoreStorage

/// Display helpers shared by the page views: scores, verdict classes, bar widths, query values.
enum Layout {
    static func score(_ value: Double?) -> String {
        guard let value else { return "–" }
        return JSONWriter.format((value * 10).rounded() / 10)
    }

    static func verdictClass(_ verdict: String) -> String {
        ["pass", "fail", "na"].contains(verdict) ? verdict : "na"
    }

    /// Width in pixels of the horizontal bar of a 0-100 value.
    static func barWidth(_ value: Double?) -> Int {
        Int(max(0, min(100, value ?? 0)) * 1.6)
    }

    /// Percent-encodes a query value.
    static func query(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            if (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 45 || byte == 46 || byte == 95 {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return out
    }
}

extension String {
    fileprivate var leftPadded: String { self.count == 1 ? "0" + self : self }
}
