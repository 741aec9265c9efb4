#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writer to a file or standard output.
final class OutputFile {
    private let descriptor: Int32
    private let owns: Bool
    private var buffer: [UInt8] = []
    let path: String

    struct OpenError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(self.path): error: cannot write: \(self.reason)" }
    }

    /// Opens `path` for writing (truncating), or standard output for `-`.
    init(path: String) throws(OpenError) {
        self.path = path
        if path == "-" {
            self.descriptor = 1
            self.owns = false
        } else {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw OpenError(path: path, reason: String(cString: strerror(errno))) }
            self.descriptor = fd
            self.owns = true
        }
        self.buffer.reserveCapacity(1 << 20)
    }

    func write(_ bytes: some Collection<UInt8>) {
        self.buffer.append(contentsOf: bytes)
        if self.buffer.count >= 1 << 20 { self.flush() }
    }

    func write(_ text: String) {
        self.write(Array(text.utf8))
    }

    func writeLine(_ bytes: some Collection<UInt8>) {
        self.buffer.append(contentsOf: bytes)
        self.buffer.append(0x0A)
        if self.buffer.count >= 1 << 20 { self.flush() }
    }

    func flush() {
        var offset = 0
        self.buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = Glibc.write(self.descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // EPIPE and friends: the reader went away; nothing useful to do
                }
                offset += written
            }
        }
        self.buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        self.flush()
        if self.owns { _ = Glibc.close(self.descriptor) }
    }
}
