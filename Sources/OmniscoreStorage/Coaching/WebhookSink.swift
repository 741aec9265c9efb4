import Crypto
public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// POSTs JSON to the platform's endpoint through URLSession (libcurl underneath on Linux), with a timeout, an
/// `Idempotency-Key` header and an HMAC-SHA256 signature of the timestamp and body, so the receiver can verify
/// the sender and drop duplicates.
public struct WebhookSink: Sendable {
    public var url: URL
    public var secret: [UInt8]
    public var timeout: Duration

    public init(url: URL, secret: String, timeout: Duration = .seconds(10)) {
        self.url = url
        self.secret = Array(secret.utf8)
        self.timeout = timeout
    }

    /// `sha256=<hex>` of `timestamp + "." + body` keyed with the shared secret.
    public static func signature(secret: [UInt8], timestamp: String, body: [UInt8]) -> String {
        var message = Array(timestamp.utf8)
        message.append(UInt8(ascii: "."))
        message.append(contentsOf: body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    public enum Result: Sendable, Hashable {
        case delivered(status: Int)
        case failed(status: Int?, reason: String)
    }

    /// One attempt: 2xx is delivered; anything else (status, timeout, refused) is a failure to retry later.
    public func post(_ body: [UInt8], idempotencyKey: String, now: Date = Date()) async -> Result {
        var request = URLRequest(url: self.url)
        request.httpMethod = "POST"
        request.timeoutInterval = Double(self.timeout.components.seconds) + Double(self.timeout.components.attoseconds) / 1e18
        let timestamp = String(Int(now.timeIntervalSince1970))
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(idempotencyKey, forHTTPHeaderField: "Idempotency-Key")
        request.setValue(timestamp, forHTTPHeaderField: "X-Omniscore-Timestamp")
        request.setValue(Self.signature(secret: self.secret, timestamp: timestamp, body: body), forHTTPHeaderField: "X-Omniscore-Signature")
        request.httpBody = Data(body)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = request.timeoutInterval
        configuration.timeoutIntervalForResource = request.timeoutInterval
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        do {
            let (_, response) = try await session.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            return (200..<300).contains(status) ? .delivered(status: status) : .failed(status: status, reason: "HTTP \(status)")
        } catch let error as URLError {
            return .failed(status: nil, reason: error.code == .timedOut ? "timed out after \(self.timeout)" : "request failed (URLError \(error.code.rawValue))")
        } catch {
            return .failed(status: nil, reason: "request failed")
        }
    }
}
