package org.glpiagent.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A target's plan: when it runs next, the date its regular runs are anchored to, the server's maximum delay
 * between runs and the current network back-off.
 */
public record TargetSchedule(Instant nextRunDate, Instant baseRunDate, Duration maxDelay, Duration backoff) {
  public TargetSchedule {
    Objects.requireNonNull(nextRunDate, "nextRunDate");
    Objects.requireNonNull(baseRunDate, "baseRunDate");
    if (maxDelay.isNegative() || maxDelay.isZero()) {
      throw new IllegalArgumentException("max delay must be positive: " + maxDelay);
    }
  }

  /** Whether the target is due at that time. */
  public boolean isDue(Instant now) {
    return !now.isBefore(nextRunDate);
  }

  /** The same plan, due now (for {@code --force}, {@code /now} and SIGUSR1). */
  public TargetSchedule dueAt(Instant now) {
    return new TargetSchedule(now, baseRunDate, maxDelay, backoff);
  }
}
