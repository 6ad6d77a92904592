package dev.statsigjdbc.emulator.auth;

/**
 * Who is calling the MCP endpoint, set by the auth filter as the request attribute
 * {@link #REQUEST_ATTRIBUTE} once a bearer token or {@code statsig-api-key} header is accepted.
 *
 * @param subject the user (OAuth) or the key's label (API key); never the secret itself
 * @param canWrite false for read-only console keys: write tools answer 403 "Forbidden resource"
 * @param via how the caller authenticated: {@code "oauth"} or {@code "api-key"}
 */
public record Principal(String subject, boolean canWrite, String via) {
  public static final String REQUEST_ATTRIBUTE = Principal.class.getName();
}
