public import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests of outgoing webhooks: each request is recorded and answered
/// by the behaviour the test sets (a status, or hanging past the client's timeout).
public final class LocalHTTPServer: Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]
        public var body: [UInt8]
    }

    public enum Behaviour: Sendable {
        case status(Int)
        case hang(seconds: Double)
    }

    public let port: Int
    private let socket: Int32
    private let state = Mutex<(requests: [Request], script: [Behaviour], fallback: Behaviour)>(([], [], .status(200)))

    /// Starts listening on a free port.
    public init() throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        self.socket = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in self.acceptLoop() }
        thread.start()
    }

    public var url: URL { URL(string: "http://127.0.0.1:\(self.port)/hook")! }

    /// Answers the next requests with `script` in order, then with `fallback`.
    public func respond(_ script: [Behaviour], then fallback: Behaviour = .status(200)) {
        self.state.withLock { $0.script = script; $0.fallback = fallback }
    }

    public var requests: [Request] { self.state.withLock { $0.requests } }

    public func stop() {
        shutdown(self.socket, Int32(SHUT_RDWR))
        close(self.socket)
    }

    private func acceptLoop() {
        while true {
            let client = accept(self.socket, nil, nil)
            if client < 0 { return }
            let thread = Thread { [self] in self.handle(client) }
            thread.start()
        }
    }

    private func handle(_ client: Int32) {
        defer { close(client) }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int?
        var contentLength = 0
        while true {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { return }
            data.append(contentsOf: buffer[0..<count])
            if headerEnd == nil, let end = Self.find([13, 10, 13, 10], in: data) {
                headerEnd = end + 4
                let head = String(decoding: data[0..<end], as: UTF8.self)
                for line in head.split(separator: "\r\n").dropFirst() {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2, parts[0].lowercased() == "content-length" { contentLength = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0 }
                }
            }
            if let headerEnd, data.count >= headerEnd + contentLength { break }
        }
        let end = headerEnd!
        let head = String(decoding: data[0..<(end - 4)], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        let request = Request(method: requestLine.first.map(String.init) ?? "", path: requestLine.dropFirst().first.map(String.init) ?? "", headers: headers, body: Array(data[end..<(end + contentLength)]))
        let behaviour = self.state.withLock { state -> Behaviour in
            state.requests.append(request)
            return state.script.isEmpty ? state.fallback : state.script.removeFirst()
        }
        switch behaviour {
        case .hang(let seconds):
            Thread.sleep(forTimeInterval: seconds)
        case .status(let status):
            let response = "HTTP/1.1 \(status) X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
            _ = response.withCString { write(client, $0, strlen($0)) }
        }
    }

    private static func find(_ pattern: [UInt8], in data: [UInt8]) -> Int? {
        guard data.count >= pattern.count else { return nil }
        for index in 0...(data.count - pattern.count) where data[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
        return nil
    }
}
