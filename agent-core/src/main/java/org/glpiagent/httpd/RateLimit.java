package org.glpiagent.httpd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code max} requests per caller in any {@code period}: a sliding window per key. Thread-safe; keeps
 * at most {@link #MAX_KEYS} callers, forgetting those idle the longest.
 */
public final class RateLimit {
  static final int MAX_KEYS = 4096;
  private final int max;
  private final Duration period;
  private final Clock clock;
  private final Map<String, Deque<Instant>> seen = new HashMap<>();

  public RateLimit(int max, Duration period, Clock clock) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    this.max = max;
    this.period = period;
    this.clock = clock;
  }

  /** Counts a request; empty when allowed, otherwise how long until the caller may ask again. */
  public synchronized Optional<Duration> acquire(String key) {
    Instant now = clock.instant();
    Deque<Instant> times = seen.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(period))) {
      times.removeFirst();
    }
    if (times.size() >= max) {
      return Optional.of(Duration.between(now, times.peekFirst().plus(period)));
    }
    times.addLast(now);
    if (seen.size() > MAX_KEYS) {
      forgetIdle(now);
    }
    return Optional.empty();
  }

  private void forgetIdle(Instant now) {
    seen.values().removeIf(d -> d.isEmpty() || !d.peekLast().isAfter(now.minus(period)));
    while (seen.size() > MAX_KEYS) {
      String oldest = null;
      Instant at = Instant.MAX;
      for (Map.Entry<String, Deque<Instant>> e : seen.entrySet()) {
        if (e.getValue().peekLast().isBefore(at)) {
          at = e.getValue().peekLast();
          oldest = e.getKey();
        }
      }
      seen.remove(oldest);
    }
  }
}
