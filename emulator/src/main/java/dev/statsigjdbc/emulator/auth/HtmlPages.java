package dev.statsigjdbc.emulator.auth;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The two pages a person may see: the consent question and an error that cannot be sent back to the client. */
final class HtmlPages {
  private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem}"
      + "button{font-size:1rem;padding:.5rem 1.5rem;margin-right:1rem}code{background:#eee;padding:0 .2rem}";

  private HtmlPages() {
  }

  static void consent(HttpServletResponse response, String question, PendingAuthorization request, String consentId)
      throws IOException {
    String scope = request.scope().isEmpty() ? "(none)" : request.scope().toString();
    write(response, HttpServletResponse.SC_OK, question,
        "<h1>" + escape(question) + "</h1>\n"
            + "<p><strong>" + escape(request.client().displayName()) + "</strong> wants to use your Statsig project"
            + " through the MCP server <code>" + escape(request.resource().toString()) + "</code>.</p>\n"
            + "<p>Scope: <code>" + escape(scope) + "</code></p>\n"
            + "<p>Your answer is sent to <code>" + escape(request.redirectUri().getHost()) + "</code>.</p>\n"
            + "<form method=\"post\" action=\"" + AuthUrls.AUTHORIZE_PATH + "\">\n"
            + "<input type=\"hidden\" name=\"consent_id\" value=\"" + escape(consentId) + "\">\n"
            + "<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>\n"
            + "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>\n"
            + "</form>\n");
  }

  static void error(HttpServletResponse response, int status, String message) throws IOException {
    write(response, status, "Sign-in cannot continue",
        "<h1>Sign-in cannot continue</h1>\n<p>" + escape(message) + "</p>\n");
  }

  private static void write(HttpServletResponse response, int status, String title, String body) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    // The consent page must not be framed by another site (clickjacking) nor leak its URL.
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.getWriter().write("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + "<title>Statsig emulator: " + escape(title) + "</title><style>" + STYLE + "</style></head>\n<body><main>\n"
        + body + "</main></body></html>\n");
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
