package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.RegistrationError;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /oauth/register}: open Dynamic Client Registration (RFC 7591). */
final class RegistrationServlet extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(RegistrationServlet.class);

  private final transient ClientRegistry registry;

  RegistrationServlet(ClientRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      ClientRegistrationRequest registration = ClientRegistrationRequest.parse(OAuthHttp.read(request));
      ClientInformation client = registry.register(registration.getClientMetadata());
      LOG.info("Registered OAuth client {} ({})", client.getID(), client.getMetadata().getTokenEndpointAuthMethod());
      OAuthHttp.write(new ClientInformationResponse(client, true).toHTTPResponse(), response);
    } catch (ParseException e) {
      String description = e.getMessage() == null ? "malformed client metadata" : e.getMessage();
      OAuthHttp.write(new ClientRegistrationErrorResponse(
          RegistrationError.INVALID_CLIENT_METADATA.setDescription(description)).toHTTPResponse(), response);
    } catch (OAuthRefusal refusal) {
      OAuthHttp.write(new ClientRegistrationErrorResponse(refusal.error()).toHTTPResponse(), response);
    }
  }
}
