package org.glpiagent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SchedulePolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void firstRunFallsBetweenHalfDelaytimeAndDelaytime() {
    RandomGenerator r = new SplittableRandom(42);
    for (int i = 0; i < 1000; i++) {
      Instant next = SchedulePolicy.initial(NOW, HOUR, HOUR, r).nextRunDate();
      assertThat(Duration.between(NOW, next)).isBetween(Duration.ofMinutes(30), HOUR);
    }
  }

  @Test
  void afterARunTheNextIsAnchoredToTheBaseDateMinusARandomPart() {
    RandomGenerator r = new SplittableRandom(7);
    Duration day = Duration.ofHours(24);
    TargetSchedule s = new TargetSchedule(NOW, NOW, day, Duration.ZERO);
    // the run took 20 minutes: the next run must not drift by those 20 minutes
    TargetSchedule next = SchedulePolicy.afterRun(s, NOW.plus(Duration.ofMinutes(20)), day, r);
    assertThat(next.baseRunDate()).isEqualTo(NOW.plus(day));
    assertThat(Duration.between(NOW, next.nextRunDate())).isBetween(day.minus(HOUR), day);
  }

  @Test
  void randomPartIsASixthBelowSixHoursAndA24thAboveADay() {
    RandomGenerator r = new SplittableRandom(1);
    long maxShort = 0;
    long maxLong = 0;
    for (int i = 0; i < 2000; i++) {
      maxShort = Math.max(maxShort, SchedulePolicy.randomPart(Duration.ofHours(2), r));
      maxLong = Math.max(maxLong, SchedulePolicy.randomPart(Duration.ofDays(2), r));
    }
    assertThat(maxShort).isLessThan(1200).isGreaterThan(1100);
    assertThat(maxLong).isLessThan(7200).isGreaterThan(6800);
  }

  @Test
  void staleBaseDateIsResetToNow() {
    TargetSchedule s = new TargetSchedule(NOW, NOW.minus(Duration.ofDays(10)), HOUR, Duration.ZERO);
    TargetSchedule next = SchedulePolicy.afterRun(s, NOW, HOUR, new SplittableRandom(3));
    assertThat(next.baseRunDate()).isEqualTo(NOW.plus(HOUR));
    assertThat(next.nextRunDate()).isAfter(NOW);
  }

  @Test
  void backoffDoublesFromSixtySecondsUntilDelaytime() {
    TargetSchedule s = new TargetSchedule(NOW, NOW, Duration.ofHours(24), Duration.ZERO);
    long[] expected = {60, 120, 240, 480, 960, 1920, 3600, 3600};
    for (long e : expected) {
      s = SchedulePolicy.afterNetworkFailure(s, NOW, HOUR);
      assertThat(s.backoff()).isEqualTo(Duration.ofSeconds(e));
      assertThat(s.nextRunDate()).isEqualTo(NOW.plusSeconds(e));
    }
    // a successful run resets the back-off
    assertThat(SchedulePolicy.afterRun(s, NOW, HOUR, new SplittableRandom(1)).backoff()).isZero();
  }

  @Test
  void pendingRetriesExactlyAtItsExpiration() {
    TargetSchedule s = new TargetSchedule(NOW, NOW, HOUR, Duration.ofSeconds(120));
    TargetSchedule next = SchedulePolicy.after(s, NOW, Duration.ofSeconds(30));
    assertThat(next.nextRunDate()).isEqualTo(NOW.plusSeconds(30));
    assertThat(next.backoff()).isZero();
  }
}
