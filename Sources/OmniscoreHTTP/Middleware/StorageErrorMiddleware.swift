import HTTPTypes
import Hummingbird
import Logging
import OmniscoreStorage

/// Database failures as HTTP answers: while the database is away (a restart, a failover) a request gets 503 with
/// `Retry-After` instead of a 500, and the next request after it returns is served on a fresh connection. Other
/// storage errors are a 500 whose body names no table, value or person; the log has the error code only.
struct StorageErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as StorageError where error.isTransient {
            context.logger.warning("database unavailable", metadata: ["error": "\(error.code)"])
            throw HTTPError(.serviceUnavailable, headers: [.retryAfter: "2"], message: "the database is unavailable for a moment; try again shortly")
        } catch let error as StorageError {
            context.logger.error("database error", metadata: ["error": "\(error.code)", "sqlstate": "\(error.sqlState ?? "")"])
            throw HTTPError(.internalServerError, message: "a database statement failed")
        }
    }
}
