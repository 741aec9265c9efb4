public import OmniscoreCore

/// Parses one JSON object (for example an event's `detail` column read from the database) into ordered members.
public enum JSONObjectDecoder {
    /// The members of the object in `text`; `null` or an empty text gives no members.
    ///
    /// - Throws: `InterchangeError` (line 1, with the column) when the text is not a JSON object.
    public static func members(of text: String) throws(InterchangeError) -> [(key: String, value: JSONValue)] {
        var copy = text
        let result: Result<[(key: String, value: JSONValue)], InterchangeError> = copy.withUTF8 { buffer in
            let bytes = UnsafeRawBufferPointer(buffer)
            var reader = JSONReader(bytes, line: 1)
            do throws(JSONReader.Failure) {
                reader.skipWhitespace()
                if reader.peek() == nil { return .success([]) }
                if try reader.readNullIfPresent() { return .success([]) }
                guard reader.peek() == UInt8(ascii: "{") else {
                    throw reader.fail("expected a JSON object", code: .invalidField)
                }
                guard case .object(let members) = try reader.readValue() else { return .success([]) }
                reader.skipWhitespace()
                if reader.peek() != nil { throw reader.fail("unexpected text after the object", code: .malformedJSON) }
                return .success(members)
            } catch {
                return .failure(InterchangeError(code: error.code, line: 1, column: InteractionDecoder.column(bytes, error.offset), message: error.message))
            }
        }
        return try result.get()
    }
}
