#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file (or standard input) line by line with a fixed-size buffer, so memory stays flat on any input size.
/// A line is handed out as a buffer valid only during the callback.
struct LineReader {
    /// Lines longer than this are reported, not buffered.
    static let maximumLineBytes = 256 << 20

    enum Line {
        case bytes(UnsafeRawBufferPointer)
        /// A line over `maximumLineBytes`: its length; its content is not kept.
        case tooLong(Int)
    }

    struct OpenError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(self.path): error: \(self.reason)" }
    }

    private let descriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens `path`, or standard input for `-`.
    init(path: String) throws(OpenError) {
        if path == "-" {
            self.descriptor = 0
            self.ownsDescriptor = false
        } else {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw OpenError(path: path, reason: String(cString: strerror(errno))) }
            self.descriptor = fd
            self.ownsDescriptor = true
        }
    }

    func close() {
        if self.ownsDescriptor { _ = Glibc.close(self.descriptor) }
    }

    /// Calls `body` for each line with its 1-based number; a final line without a newline counts too.
    func forEachLine(_ body: (Line, Int) throws -> Void) throws {
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var pending: [UInt8] = []
        var skipping = false
        var skipped = 0
        var lineNumber = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(self.descriptor, $0.baseAddress, chunk) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OpenError(path: "input", reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            try buffer.withUnsafeBytes { raw in
                var start = 0
                for index in 0..<count where raw[index] == 0x0A {
                    lineNumber += 1
                    if skipping {
                        try body(.tooLong(skipped + index - start), lineNumber)
                        skipping = false
                        skipped = 0
                    } else if pending.isEmpty {
                        try body(.bytes(UnsafeRawBufferPointer(rebasing: raw[start..<index])), lineNumber)
                    } else {
                        pending.append(contentsOf: raw[start..<index])
                        try pending.withUnsafeBytes { try body(.bytes($0), lineNumber) }
                        pending.removeAll(keepingCapacity: pending.count < 4 * chunk)
                    }
                    start = index + 1
                }
                if start < count {
                    if skipping {
                        skipped += count - start
                    } else {
                        pending.append(contentsOf: raw[start..<count])
                        if pending.count > LineReader.maximumLineBytes {
                            skipping = true
                            skipped = pending.count
                            pending = []
                        }
                    }
                }
            }
        }
        if skipping {
            lineNumber += 1
            try body(.tooLong(skipped), lineNumber)
        } else if !pending.isEmpty {
            lineNumber += 1
            try pending.withUnsafeBytes { try body(.bytes($0), lineNumber) }
        }
    }
}
