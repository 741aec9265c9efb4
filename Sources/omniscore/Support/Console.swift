#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to the terminal.
enum Console {
    /// The C `stdout` stream, read once at start-up (`main` sets its buffering before anything prints).
    static var standardOutput: UnsafeMutablePointer<FILE> { stdout }

    /// One line to standard error.
    static func error(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        // Unbuffered write(2) to descriptor 2: no shared FILE state, so safe from any task.
        let bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }
}
