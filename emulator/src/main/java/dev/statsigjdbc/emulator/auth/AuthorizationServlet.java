package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /oauth/authorize}: GET validates the request and shows the consent page (or approves at
 * once with auto-approve); POST receives the Approve / Deny answer. Problems with the client or
 * its redirect URI are shown as a page, never redirected; every other problem goes back to the
 * client's redirect URI as {@code error=} with {@code state} and {@code iss} (RFC 9207).
 */
final class AuthorizationServlet extends HttpServlet {
  /** The emulator has one user: whoever sits at the browser. */
  static final String SUBJECT = "emulator-user";

  private final transient ClientRegistry registry;
  private final transient ConsentRequests consents;
  private final transient TokenStore store;
  private final transient ScopePolicy scopes;
  private final transient Supplier<AuthUrls> urls;
  private final boolean autoApprove;

  AuthorizationServlet(ClientRegistry registry, ConsentRequests consents, TokenStore store, ScopePolicy scopes,
      Supplier<AuthUrls> urls, boolean autoApprove) {
    this.registry = registry;
    this.consents = consents;
    this.store = store;
    this.scopes = scopes;
    this.urls = urls;
    this.autoApprove = autoApprove;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Map<String, List<String>> params = parameters(request);
    Optional<RegisteredClient> client = registry.find(optionalParam(params, "client_id").map(ClientID::new).orElse(null));
    if (client.isEmpty()) {
      HtmlPages.error(response, HttpServletResponse.SC_BAD_REQUEST,
          "The application's client_id is missing or not registered with this server. The application must register"
              + " again (POST " + AuthUrls.REGISTER_PATH + ") and restart the sign-in.");
      return;
    }
    Optional<URI> redirectUri = optionalParam(params, "redirect_uri").flatMap(AuthorizationServlet::toUri)
        .filter(uri -> RedirectUris.matchesAny(uri, client.get().redirectUris()));
    if (redirectUri.isEmpty()) {
      HtmlPages.error(response, HttpServletResponse.SC_BAD_REQUEST,
          "The redirect_uri is missing or is not one that " + client.get().displayName()
              + " registered, so the answer cannot be sent back. Check the application's redirect URI.");
      return;
    }
    State state = optionalParam(params, "state").map(State::new).orElse(null);
    try {
      PendingAuthorization pending = validate(AuthorizationRequest.parse(params), client.get(), redirectUri.get());
      if (autoApprove) {
        approve(pending, HttpServletResponse.SC_FOUND, response);
      } else {
        HtmlPages.consent(response, scopes.consentQuestion(pending.scope()), pending, consents.add(pending));
      }
    } catch (ParseException e) {
      redirectError(redirectUri.get(), OAuthHttp.refusal(e).error(), state, HttpServletResponse.SC_FOUND, response);
    } catch (OAuthRefusal refusal) {
      redirectError(redirectUri.get(), refusal.error(), state, HttpServletResponse.SC_FOUND, response);
    }
  }

  /** The consent form's answer; redirects with 303 so that the browser follows with a GET. */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<PendingAuthorization> pending = consents.take(request.getParameter("consent_id"));
    if (pending.isEmpty()) {
      HtmlPages.error(response, HttpServletResponse.SC_BAD_REQUEST,
          "This consent request has expired or was already answered. Start the sign-in again from the application.");
      return;
    }
    if ("approve".equals(request.getParameter("decision"))) {
      approve(pending.get(), HttpServletResponse.SC_SEE_OTHER, response);
    } else {
      redirectError(pending.get().redirectUri(),
          OAuth2Error.ACCESS_DENIED.setDescription("the user denied access"), pending.get().state(),
          HttpServletResponse.SC_SEE_OTHER, response);
    }
  }

  private PendingAuthorization validate(AuthorizationRequest request, RegisteredClient client, URI redirectUri)
      throws OAuthRefusal {
    if (!ResponseType.CODE.equals(request.getResponseType())) {
      throw new OAuthRefusal(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE, "response_type must be code");
    }
    if (request.getCodeChallenge() == null) {
      throw OAuthRefusal.invalidRequest("code_challenge is required: use PKCE with code_challenge_method=S256");
    }
    if (!CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
      throw OAuthRefusal.invalidRequest("code_challenge_method must be S256");
    }
    URI resource = ResourceIndicator.require(request.getResources(), urls.get().resources());
    Scope scope = request.getScope() == null ? scopes.defaultScope() : request.getScope();
    if (!scopes.allows(scope)) {
      throw new OAuthRefusal(OAuth2Error.INVALID_SCOPE, "scope may contain only: " + scopes.supportedScope());
    }
    return new PendingAuthorization(client, redirectUri, request.getState(), scope, resource, request.getCodeChallenge());
  }

  private void approve(PendingAuthorization pending, int status, HttpServletResponse response) {
    Grant grant = new Grant(pending.client().clientId(), SUBJECT, pending.scope(), pending.resource(), Secrets.newValue());
    String code = store.issueCode(grant, pending.redirectUri(), pending.challenge());
    redirect(new AuthorizationSuccessResponse(pending.redirectUri(), new AuthorizationCode(code), null,
        pending.state(), issuer(), ResponseMode.QUERY).toURI(), status, response);
  }

  private void redirectError(URI redirectUri, ErrorObject error, State state, int status, HttpServletResponse response) {
    redirect(new AuthorizationErrorResponse(redirectUri, error, state, issuer(), ResponseMode.QUERY).toURI(),
        status, response);
  }

  private Issuer issuer() {
    return new Issuer(urls.get().issuer());
  }

  private static void redirect(URI location, int status, HttpServletResponse response) {
    response.setStatus(status);
    response.setHeader("Location", location.toString());
    response.setHeader("Cache-Control", "no-store");
  }

  private static Map<String, List<String>> parameters(HttpServletRequest request) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> params.put(name, Arrays.asList(values)));
    return params;
  }

  private static Optional<String> optionalParam(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.size() != 1 || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static Optional<URI> toUri(String value) {
    try {
      return Optional.of(new URI(value));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
