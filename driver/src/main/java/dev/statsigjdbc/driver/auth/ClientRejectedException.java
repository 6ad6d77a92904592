package dev.statsigjdbc.driver.auth;

/**
 * The authorization server does not accept the client (unknown or revoked client id, unregistered redirect URI).
 * A cached dynamic registration can go stale this way (e.g. a server that forgets clients on restart), so a
 * sign-in with one registers again once.
 */
public class ClientRejectedException extends OAuthException {
    public ClientRejectedException(String message) {
        super(message);
    }
}
