/// Where a sign-in link may send the browser afterwards: a path on this site only.
enum LocalRedirect {
    /// `next` when it is an absolute path of this origin, "/" otherwise. Browsers treat a backslash like a slash
    /// and skip tabs and newlines, so `/\evil.example` or `/\t/evil.example` would leave the site as surely as
    /// `//evil.example`; anything with a backslash or a control character is refused outright.
    static func path(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//") else { return "/" }
        guard next.utf8.allSatisfy({ $0 >= 0x21 && $0 != 0x7F && $0 != UInt8(ascii: "\\") }) else { return "/" }
        return next
    }
}
