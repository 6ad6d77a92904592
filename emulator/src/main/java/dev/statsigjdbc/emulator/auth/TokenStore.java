package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes, access tokens and refresh tokens, keyed by the SHA-256 of their value.
 * Thread-safe: every redemption is an atomic remove, so a code or refresh token is used once
 * even when two requests race.
 */
final class TokenStore {
  /** Codes are exchanged right after the redirect; a minute is plenty (RFC 6749 suggests at most ten). */
  static final Duration CODE_TTL = Duration.ofSeconds(60);

  /** An authorization code's binding, checked when it is exchanged. */
  record IssuedCode(Grant grant, URI redirectUri, CodeChallenge challenge, Instant expiresAt) {
  }

  private record Issued(Grant grant, Instant expiresAt) {
  }

  private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
  /** Hash of each exchanged code -> its grant family and until when a replay is worth detecting. */
  private final Map<String, Issued> redeemedCodes = new ConcurrentHashMap<>();
  private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Issued> refreshTokens = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration accessTtl;
  private final Duration refreshTtl;

  /** @param refreshTtl lifetime of refresh tokens, or null to issue none */
  TokenStore(Clock clock, Duration accessTtl, Duration refreshTtl) {
    this.clock = clock;
    this.accessTtl = accessTtl;
    this.refreshTtl = refreshTtl;
  }

  /** Issues a single-use authorization code for an approved grant. */
  String issueCode(Grant grant, URI redirectUri, CodeChallenge challenge) {
    purgeExpired();
    String code = Secrets.newValue();
    codes.put(Secrets.hash(code), new IssuedCode(grant, redirectUri, challenge, clock.instant().plus(CODE_TTL)));
    return code;
  }

  /**
   * Takes a code out of the store (so it can never be used again) and returns its binding for the
   * caller to verify. A code presented a second time revokes every token issued from it (RFC 6749
   * section 4.1.2).
   */
  IssuedCode redeemCode(String code) throws OAuthRefusal {
    String hash = Secrets.hash(code);
    IssuedCode issued = codes.remove(hash);
    if (issued == null) {
      Issued replayed = redeemedCodes.get(hash);
      if (replayed != null) {
        revokeFamily(replayed.grant().family());
        throw OAuthRefusal.invalidGrant("authorization code was already used; the tokens issued from it are revoked");
      }
      throw OAuthRefusal.invalidGrant("authorization code is unknown or expired: start the authorization again");
    }
    redeemedCodes.put(hash, new Issued(issued.grant(), clock.instant().plus(refreshTtl == null ? accessTtl : refreshTtl)));
    if (isPast(issued.expiresAt())) {
      throw OAuthRefusal.invalidGrant("authorization code has expired: start the authorization again");
    }
    return issued;
  }

  /** Issues a fresh access token, and a refresh token unless this store issues none, for a grant. */
  Tokens issueTokens(Grant grant) {
    purgeExpired();
    Instant now = clock.instant();
    String access = Secrets.newValue();
    accessTokens.put(Secrets.hash(access), new Issued(grant, now.plus(accessTtl)));
    BearerAccessToken accessToken = new BearerAccessToken(access, accessTtl.toSeconds(), grant.scope());
    if (refreshTtl == null) {
      return new Tokens(accessToken, null);
    }
    String refresh = Secrets.newValue();
    refreshTokens.put(Secrets.hash(refresh), new Issued(grant, now.plus(refreshTtl)));
    return new Tokens(accessToken, new RefreshToken(refresh));
  }

  /** Takes a refresh token out of the store (rotation: it never works again) and returns its grant. */
  Grant redeemRefreshToken(String refreshToken) throws OAuthRefusal {
    Issued issued = refreshTokens.remove(Secrets.hash(refreshToken));
    if (issued == null || isPast(issued.expiresAt())) {
      throw OAuthRefusal.invalidGrant("refresh token is invalid, expired, revoked or already used: sign in again");
    }
    return issued.grant();
  }

  /** The grant of a live access token. */
  Optional<Grant> findAccessToken(String accessToken) {
    String hash = Secrets.hash(accessToken);
    Issued issued = accessTokens.get(hash);
    if (issued == null) {
      return Optional.empty();
    }
    if (isPast(issued.expiresAt())) {
      accessTokens.remove(hash, issued);
      return Optional.empty();
    }
    return Optional.of(issued.grant());
  }

  /**
   * RFC 7009 revocation on behalf of a client: an access token alone, or a refresh token with its
   * whole family. Tokens of other clients and unknown tokens are ignored, as the RFC asks.
   */
  void revoke(String token, String clientId) {
    String hash = Secrets.hash(token);
    Issued access = accessTokens.get(hash);
    if (access != null && access.grant().clientId().equals(clientId)) {
      accessTokens.remove(hash, access);
    }
    Issued refresh = refreshTokens.get(hash);
    if (refresh != null && refresh.grant().clientId().equals(clientId)) {
      revokeFamily(refresh.grant().family());
    }
  }

  void expireAccessTokens() {
    accessTokens.clear();
  }

  void revokeRefreshTokens() {
    refreshTokens.clear();
  }

  int liveAccessTokens() {
    return (int) accessTokens.values().stream().filter(i -> !isPast(i.expiresAt())).count();
  }

  int liveRefreshTokens() {
    return (int) refreshTokens.values().stream().filter(i -> !isPast(i.expiresAt())).count();
  }

  private void revokeFamily(String family) {
    accessTokens.values().removeIf(i -> i.grant().family().equals(family));
    refreshTokens.values().removeIf(i -> i.grant().family().equals(family));
  }

  /** Drops what can no longer be used, so that long-running emulators do not grow without bound. */
  private void purgeExpired() {
    codes.values().removeIf(c -> isPast(c.expiresAt()));
    redeemedCodes.values().removeIf(i -> isPast(i.expiresAt()));
    accessTokens.values().removeIf(i -> isPast(i.expiresAt()));
    refreshTokens.values().removeIf(i -> isPast(i.expiresAt()));
  }

  private boolean isPast(Instant instant) {
    return !clock.instant().isBefore(instant);
  }
}
