#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file for commands that produce one (`coach --out`, `bench --emit`).
///
/// A regular file (or a new path) is replaced atomically: the text goes to a temporary file beside it, which is
/// renamed over it, so a reader never sees half a report. Anything else at the path is written through, never
/// replaced: a symbolic link writes its target, and a device node or FIFO (`--out /dev/stdout`, `/dev/null`)
/// receives the bytes; renaming over those would replace the system's `/dev/null` with a regular file.
enum FileSaver {
    struct SaveError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(self.path): error: cannot write: \(self.reason)" }
    }

    static func save(_ bytes: [UInt8], to path: String) throws(SaveError) {
        var info = stat()
        let exists = lstat(path, &info) == 0
        if exists && (info.st_mode & S_IFMT) == S_IFDIR { throw SaveError(path: path, reason: "it is a directory") }
        if exists && (info.st_mode & S_IFMT) != S_IFREG {
            try self.writeThrough(bytes, to: path)
            return
        }
        try self.replace(bytes, at: path, mode: exists ? info.st_mode & 0o7777 : 0o644)
    }

    private static func writeThrough(_ bytes: [UInt8], to path: String) throws(SaveError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SaveError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try self.writeAll(bytes, to: fd, path: path)
    }

    private static func replace(_ bytes: [UInt8], at path: String, mode: mode_t) throws(SaveError) {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // O_EXCL | O_NOFOLLOW: the temporary name is ours alone, never a link someone planted.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SaveError(path: path, reason: String(cString: strerror(errno))) }
        do throws(SaveError) {
            try self.writeAll(bytes, to: fd, path: path)
            guard fsync(fd) == 0 else { throw SaveError(path: path, reason: String(cString: strerror(errno))) }
            close(fd)
            guard rename(temporary, path) == 0 else { throw SaveError(path: path, reason: String(cString: strerror(errno))) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(SaveError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in write(fd, raw.baseAddress! + offset, raw.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw SaveError(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}
