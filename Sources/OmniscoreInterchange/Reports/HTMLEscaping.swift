extension String {
    /// The text escaped for HTML element content and quoted attribute values.
    public var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(self.utf8.count)
        for scalar in self.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
