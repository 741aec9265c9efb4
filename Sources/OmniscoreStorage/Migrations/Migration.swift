/// One step of Omniscore's own schema. Steps are append-only: a released step is never edited, a change is a
/// new step.
public struct Migration: Sendable {
    public var version: Int
    public var name: String
    public var sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
