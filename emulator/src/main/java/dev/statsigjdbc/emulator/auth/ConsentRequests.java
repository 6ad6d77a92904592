package dev.statsigjdbc.emulator.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization requests shown on the consent page, each under a random one-time consent id that
 * the page's form posts back. Only the page knows the id, so another site cannot forge an answer
 * (CSRF), and an id works once.
 */
final class ConsentRequests {
  static final Duration TTL = Duration.ofMinutes(10);

  private record Waiting(PendingAuthorization authorization, Instant expiresAt) {
  }

  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private final Clock clock;

  ConsentRequests(Clock clock) {
    this.clock = clock;
  }

  /** Stores the request and returns its consent id. */
  String add(PendingAuthorization authorization) {
    Instant now = clock.instant();
    waiting.values().removeIf(w -> !now.isBefore(w.expiresAt()));
    String id = Secrets.newValue();
    waiting.put(Secrets.hash(id), new Waiting(authorization, now.plus(TTL)));
    return id;
  }

  /** Takes the request answered under this id, if it exists and has not expired. */
  Optional<PendingAuthorization> take(String consentId) {
    if (consentId == null || consentId.isEmpty()) {
      return Optional.empty();
    }
    Waiting answered = waiting.remove(Secrets.hash(consentId));
    if (answered == null || !clock.instant().isBefore(answered.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(answered.authorization());
  }
}
