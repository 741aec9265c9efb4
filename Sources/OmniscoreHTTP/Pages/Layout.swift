import HTTPTypes
import Foundation
import OmniscoreInterchange
import OmniscoreCore
import OmniscoreStorage

/// The page frame: navigation by role, the sign-out form with its CSRF token. Everything interpolated into
/// HTML goes through `htmlEscaped`.
enum Layout {
    static func page(_ title: String, user: AccessStore.User?, csrf: String?, _ body: String) -> String {
        var nav = ""
        if let user {
            var links: [(String, String)] = []
            if user.role != .ci && user.role != .agent { links += [("/", "Dashboard"), ("/interactions", "Interactions")] }
            if user.role == .admin || user.role == .qaLead { links += [("/review", "Review queue"), ("/calibration", "Calibration")] }
            if user.role != .ci { links.append(("/disputes", "Disputes")) }
            if user.role == .agent, let agent = user.agentID { links += [("/agents/\(agent)", "My results"), ("/interactions", "My interactions")] }
            nav = links.map { "<a href=\"\($0.0.htmlEscaped)\">\($0.1.htmlEscaped)</a>" }.joined(separator: " ")
            nav += " <span class=\"who\">\(user.name.htmlEscaped) · \(user.role.rawValue.htmlEscaped)</span>"
            if let csrf {
                nav += " <form method=\"post\" action=\"/logout\" class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\"\(csrf.htmlEscaped)\"><button>Sign out</button></form>"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>\(title.htmlEscaped) · Omniscore</title>
            <style>
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d2430;margin:0;background:#f6f7f9}
            header{background:#1f2a44;color:#fff;padding:10px 20px;display:flex;gap:14px;align-items:center;flex-wrap:wrap}
            header a{color:#dfe6ff;text-decoration:none}header a:hover{text-decoration:underline}header b{margin-right:12px}
            .who{margin-left:auto;color:#aab6d3}.inline{display:inline}button{cursor:pointer}
            main{max-width:1180px;margin:0 auto;padding:18px 20px}h1{font-size:21px;margin:4px 0 14px}h2{font-size:16px;margin:22px 0 8px}
            .cards{display:flex;gap:12px;flex-wrap:wrap}.card{background:#fff;border:1px solid #dde2ea;border-radius:8px;padding:10px 16px;min-width:140px}
            .card b{display:block;font-size:22px}table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #dde2ea}
            th,td{padding:6px 9px;border-bottom:1px solid #eceff4;text-align:left;vertical-align:top;font-variant-numeric:tabular-nums}th{background:#eef1f6}
            .pass{color:#1a7f37;font-weight:600}.fail{color:#c62828;font-weight:600}.na{color:#6b7280}
            .msg{background:#fff;border:1px solid #dde2ea;border-radius:8px;padding:8px 12px;margin:6px 0;max-width:780px}
            .msg.agent{margin-left:60px;background:#f1f6ff}.msg .meta{color:#6b7280;font-size:12px}
            mark{background:#ffe58a;padding:0 1px}mark.fail{background:#ffc9c9}.bar{background:#2f6fde;height:10px;border-radius:3px}
            .grid{display:grid;grid-template-columns:1fr 1fr;gap:18px}@media(max-width:900px){.grid{grid-template-columns:1fr}}
            .muted{color:#6b7280}form.filters input,form.filters select{margin-right:6px}code{font-size:12px}
            </style></head><body>
            <header><b>Omniscore</b> \(nav)</header>
            <main>
            \(body)
            </main></body></html>

            """
    }

    static func score(_ value: Double?) -> String {
        guard let value else { return "–" }
        return JSONWriter.format((value * 10).rounded() / 10)
    }

    static func verdictClass(_ verdict: String) -> String {
        ["pass", "fail", "na"].contains(verdict) ? verdict : "na"
    }

    /// A horizontal bar for a 0-100 value.
    static func bar(_ value: Double?) -> String {
        let width = Int(max(0, min(100, value ?? 0)) * 1.6)
        return "<div class=\"bar\" style=\"width:\(width)px\"></div>"
    }

    /// Percent-encodes a query value.
    static func query(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            if (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 45 || byte == 46 || byte == 95 {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return out
    }
}

extension String {
    fileprivate var leftPadded: String { self.count == 1 ? "0" + self : self }
}
