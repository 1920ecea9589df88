package org.glpiagent.register;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the agent registers again: the timing of the REGISTER specification as pure functions of the current
 * time and the server's {@code expiration}, in the manner of {@link org.glpiagent.schedule.SchedulePolicy}.
 *
 * <ul>
 *   <li>{@code registered}: register again after half of the expiration;
 *   <li>no answer while registered: try again at the middle of what remains (at least a minute later, and at
 *       the expiration at the latest); unregistered: at the next run;
 *   <li>{@code error}: nothing at all to that server until the expiration;
 *   <li>{@code pending} with a manual or server validation: ask again at the expiration; a token-validation
 *       challenge is answered at once and never waits here;
 *   <li>501 (GLPI 10 and 11): remembered for a day, then asked again in case the server was upgraded.
 * </ul>
 */
public final class RegisterPolicy {
  /** The shortest wait before a retry after no answer. */
  public static final Duration MIN_RETRY = Duration.ofMinutes(1);
  /** How long a server that does not know REGISTER is believed. */
  public static final Duration UNSUPPORTED_RECHECK = Duration.ofDays(1);
  /** The expiration assumed when a server leaves out the mandatory one on {@code error} or {@code pending}. */
  public static final Duration MISSING_EXPIRATION = Duration.ofHours(1);

  private RegisterPolicy() {}

  /** After {@code registered}, keeping that key (or none). */
  public static RegistrationState registered(Instant now, Duration expiration, Optional<byte[]> key) {
    Duration e = positive(expiration);
    return new RegistrationState(
        RegistrationState.Status.REGISTERED, now.plus(e.dividedBy(2)), Optional.of(now.plus(e)), key, Optional.empty());
  }

  /** After REGISTER went unanswered (connection refused, time-out). */
  public static RegistrationState noAnswer(RegistrationState s, Instant now) {
    if (!s.isRegistered(now)) {
      return new RegistrationState(RegistrationState.Status.NONE, now, Optional.empty(), Optional.empty(), s.message());
    }
    Instant end = s.expiresAt().orElseThrow();
    Duration half = Duration.between(now, end).dividedBy(2);
    Instant next = now.plus(half.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : half);
    return new RegistrationState(s.status(), next.isAfter(end) ? end : next, s.expiresAt(), s.key(), s.message());
  }

  /** After {@code error}: silent until the expiration. */
  public static RegistrationState refused(Instant now, Optional<java.time.Duration> expiration, String message) {
    return new RegistrationState(
        RegistrationState.Status.REFUSED, now.plus(positive(expiration.orElse(MISSING_EXPIRATION))), Optional.empty(),
        Optional.empty(), Optional.of(message));
  }

  /** After {@code pending} for a manual or server validation: ask again at the expiration. */
  public static RegistrationState pending(Instant now, Optional<Duration> expiration, String message) {
    return new RegistrationState(
        RegistrationState.Status.PENDING, now.plus(positive(expiration.orElse(MISSING_EXPIRATION))), Optional.empty(),
        Optional.empty(), Optional.of(message));
  }

  /** After a 501 or an answer in no JSON. */
  public static RegistrationState unsupported(Instant now, String message) {
    return new RegistrationState(
        RegistrationState.Status.UNSUPPORTED, now.plus(UNSUPPORTED_RECHECK), Optional.empty(), Optional.empty(),
        Optional.of(message));
  }

  /** After the server refused the key mid-session: register again at once. */
  public static RegistrationState forgotten(Instant now, String message) {
    return new RegistrationState(RegistrationState.Status.NONE, now, Optional.empty(), Optional.empty(), Optional.of(message));
  }

  private static Duration positive(Duration d) {
    return d.isNegative() || d.isZero() ? Duration.ofSeconds(1) : d;
  }
}
