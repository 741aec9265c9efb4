extension Check {
    /// Calls `body` on this check and on every check inside it (`all`, `any`, `not`, and the `then` of `after`).
    public func visit(_ body: (Check) -> Void) {
        body(self)
        switch self {
        case .all(let children), .any(let children):
            for child in children { child.visit(body) }
        case .not(let child):
            child.visit(body)
        case .after(let a):
            a.then.visit(body)
        default:
            break
        }
    }
}
