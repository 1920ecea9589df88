package org.glpiagent.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a target runs next: the rules of glpi-agent's scheduler as pure functions of the current time, the
 * target's schedule and a random source.
 *
 * <ul>
 *   <li>first run: between {@code delaytime/2} and {@code delaytime} from start;
 *   <li>after a run: the base date plus the server's maximum delay, minus a random part (up to an hour; a
 *       sixth of the delay below 6 h, a 24th above 24 h), anchored to the base date so runs do not drift;
 *   <li>after a network failure: 60 s, doubling on each failure, capped by the delay and {@code delaytime};
 *   <li>after a {@code pending} or {@code busy} answer, or an error with an expiration: exactly that delay.
 * </ul>
 */
public final class SchedulePolicy {
  /** The first retry after a network failure. */
  public static final Duration FIRST_RETRY = Duration.ofSeconds(60);

  private SchedulePolicy() {}

  /** The schedule of a target seen for the first time. */
  public static TargetSchedule initial(Instant now, Duration initialDelay, Duration maxDelay, RandomGenerator random) {
    long d = Math.max(0, initialDelay.toSeconds());
    long jitter = d / 2 == 0 ? 0 : random.nextLong(d / 2 + 1);
    Instant next = now.plusSeconds(d - jitter);
    return new TargetSchedule(next, now, maxDelay, Duration.ZERO);
  }

  /** The schedule after a run that reached the server (or a local run). */
  public static TargetSchedule afterRun(TargetSchedule s, Instant now, Duration maxDelay, RandomGenerator random) {
    Instant base = s.baseRunDate();
    if (base.isBefore(now.minus(maxDelay)) || base.isAfter(now.plus(maxDelay))) {
      base = now;
    }
    Instant next = base.plus(maxDelay).minusSeconds(randomPart(maxDelay, random));
    if (next.isBefore(now)) {
      next = now.plus(maxDelay).minusSeconds(randomPart(maxDelay, random));
    }
    return new TargetSchedule(next, base.plus(maxDelay), maxDelay, Duration.ZERO);
  }

  /** The schedule after the server could not be reached: back off, doubling, within the caps. */
  public static TargetSchedule afterNetworkFailure(TargetSchedule s, Instant now, Duration delaytime) {
    Duration backoff = s.backoff().isZero() ? FIRST_RETRY : s.backoff().multipliedBy(2);
    Duration cap = min(s.maxDelay(), delaytime);
    if (cap.compareTo(FIRST_RETRY) < 0) {
      cap = FIRST_RETRY;
    }
    backoff = min(backoff, cap);
    return new TargetSchedule(now.plus(backoff), s.baseRunDate(), s.maxDelay(), backoff);
  }

  /** The schedule after the server said to come back at a given time ({@code pending}, busy, error). */
  public static TargetSchedule after(TargetSchedule s, Instant now, Duration expiration) {
    return new TargetSchedule(now.plus(expiration), s.baseRunDate(), s.maxDelay(), Duration.ZERO);
  }

  /** The random part taken off the delay, in seconds. */
  static long randomPart(Duration maxDelay, RandomGenerator random) {
    long d = maxDelay.toSeconds();
    long range;
    if (d < Duration.ofHours(6).toSeconds()) {
      range = d / 6;
    } else if (d > Duration.ofHours(24).toSeconds()) {
      range = d / 24;
    } else {
      range = 3600;
    }
    return range <= 0 ? 0 : random.nextLong(range);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
