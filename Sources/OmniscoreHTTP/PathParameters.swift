import Foundation
import Hummingbird

extension WorkspaceContext {
    /// A path parameter as the id it stands for: the router hands parameters over still percent-encoded (the
    /// pages link to `/interactions/a%2Fb` for the id `a/b`), so every handler reads them through here.
    ///
    /// - Throws: 400 for a parameter that is missing or not valid percent-encoded UTF-8.
    func pathParameter(_ name: String) throws -> String {
        guard let raw = self.parameters.get(name) else { throw HTTPError(.badRequest, message: "missing \(name) in the path") }
        guard let decoded = raw.removingPercentEncoding else {
            throw HTTPError(.badRequest, message: "the \(name) in the path is not valid percent-encoded UTF-8")
        }
        return decoded
    }
}
