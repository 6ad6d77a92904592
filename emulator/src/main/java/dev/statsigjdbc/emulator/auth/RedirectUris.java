package dev.statsigjdbc.emulator.auth;

import java.net.URI;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/** Which redirect URIs a client may register and which requested URI matches a registered one. */
final class RedirectUris {
  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

  private RedirectUris() {
  }

  /**
   * Why the URI may not be registered, or null when it may: https anywhere, plain http only on a
   * loopback host (RFC 8252 native apps), no fragment.
   */
  static String problem(URI uri) {
    if (!uri.isAbsolute() || uri.getHost() == null) {
      return "redirect_uri must be an absolute URL with a host";
    }
    if (uri.getRawFragment() != null) {
      return "redirect_uri must not contain a fragment";
    }
    if ("https".equalsIgnoreCase(uri.getScheme()) || isLoopback(uri)) {
      return null;
    }
    return "redirect_uri must use https, or http on 127.0.0.1, [::1] or localhost";
  }

  /**
   * Whether a requested URI matches one of the registered ones: exactly, or for loopback URIs
   * with any port, since native apps listen on an ephemeral port (RFC 8252 section 7.3).
   */
  static boolean matchesAny(URI requested, Collection<URI> registered) {
    return registered.stream().anyMatch(r -> r.equals(requested) || sameLoopbackIgnoringPort(r, requested));
  }

  private static boolean sameLoopbackIgnoringPort(URI registered, URI requested) {
    return isLoopback(registered)
        && isLoopback(requested)
        && registered.getHost().equalsIgnoreCase(requested.getHost())
        && Objects.equals(registered.getRawPath(), requested.getRawPath())
        && Objects.equals(registered.getRawQuery(), requested.getRawQuery())
        && requested.getRawUserInfo() == null
        && requested.getRawFragment() == null;
  }

  private static boolean isLoopback(URI uri) {
    return "http".equalsIgnoreCase(uri.getScheme())
        && uri.getHost() != null
        && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase());
  }
}
