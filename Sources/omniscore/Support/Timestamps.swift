import ArgumentParser
import OmniscoreCore

/// Parses `--since` / `--until`: a date (2026-10-01) or an ISO-8601 date-time.
func parseTimestamp(_ text: String?, option: String) throws -> Timestamp? {
    guard let text else { return nil }
    if let timestamp = ISO8601.parse(text) ?? ISO8601.parse(text + "T00:00:00Z") { return timestamp }
    throw ValidationError("\(option) \"\(text)\" is not a date (2026-10-01) or an ISO-8601 date-time (2026-10-01T09:00:00Z)")
}
