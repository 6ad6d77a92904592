package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.JakartaServletUtils;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Moves Nimbus HTTP messages in and out of servlets, and turns refusals into OAuth error responses. */
final class OAuthHttp {
  /** Requests larger than this are not OAuth messages. */
  private static final long MAX_BODY = 64 * 1024;

  private OAuthHttp() {
  }

  static HTTPRequest read(HttpServletRequest request) throws IOException {
    return JakartaServletUtils.createHTTPRequest(request, MAX_BODY);
  }

  static void write(HTTPResponse message, HttpServletResponse response) throws IOException {
    response.setCharacterEncoding("UTF-8");
    JakartaServletUtils.applyHTTPResponse(message, response);
  }

  /** The RFC 6749 section 5.2 error response; 401 with a Basic challenge for invalid_client. */
  static void writeError(OAuthRefusal refusal, HttpServletResponse response) throws IOException {
    HTTPResponse message = new TokenErrorResponse(refusal.error()).toHTTPResponse();
    if (message.getStatusCode() == HTTPResponse.SC_UNAUTHORIZED) {
      message.setHeader("WWW-Authenticate", "Basic realm=\"statsig-emulator\"");
    }
    write(message, response);
  }

  /** A request Nimbus could not parse, answered as invalid_request (or the error Nimbus names). */
  static OAuthRefusal refusal(ParseException e) {
    if (e.getErrorObject() != null && e.getErrorObject().getCode() != null) {
      return new OAuthRefusal(e.getErrorObject(), describe(e));
    }
    return OAuthRefusal.invalidRequest(describe(e));
  }

  private static String describe(ParseException e) {
    return e.getMessage() == null ? "malformed request" : e.getMessage();
  }
}
