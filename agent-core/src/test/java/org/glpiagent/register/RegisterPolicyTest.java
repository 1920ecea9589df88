package org.glpiagent.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisterPolicyTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final byte[] KEY = new byte[16];

  @Test
  void registeredRenewsAfterHalfTheExpiration() {
    RegistrationState s = RegisterPolicy.registered(T0, Duration.ofDays(30), Optional.of(KEY));
    assertThat(s.nextAttempt()).isEqualTo(T0.plus(Duration.ofDays(15)));
    assertThat(s.expiresAt()).contains(T0.plus(Duration.ofDays(30)));
    assertThat(s.isDue(T0.plus(Duration.ofDays(15)).minusSeconds(1))).isFalse();
    assertThat(s.isDue(T0.plus(Duration.ofDays(15)))).isTrue();
    assertThat(s.usableKey(T0.plus(Duration.ofDays(30)).minusSeconds(1))).isPresent();
    assertThat(s.usableKey(T0.plus(Duration.ofDays(30)))).isEmpty();
  }

  @Test
  void noAnswerRetriesAtTheMiddleOfWhatRemains() {
    RegistrationState s = RegisterPolicy.registered(T0, Duration.ofDays(30), Optional.of(KEY));
    Instant t1 = T0.plus(Duration.ofDays(15));
    RegistrationState r1 = RegisterPolicy.noAnswer(s, t1);
    assertThat(r1.nextAttempt()).isEqualTo(t1.plus(Duration.ofHours(180))); // 7.5 days of the 15 left
    assertThat(r1.key()).isPresent();
    Instant t2 = r1.nextAttempt();
    assertThat(RegisterPolicy.noAnswer(r1, t2).nextAttempt()).isEqualTo(t2.plus(Duration.ofHours(90)));
  }

  @Test
  void noAnswerNearTheEndWaitsAMinuteButNotPastTheExpiration() {
    RegistrationState s = RegisterPolicy.registered(T0, Duration.ofMinutes(10), Optional.of(KEY));
    assertThat(RegisterPolicy.noAnswer(s, T0.plus(Duration.ofMinutes(9))).nextAttempt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(RegisterPolicy.noAnswer(s, T0.plus(Duration.ofMinutes(8))).nextAttempt()).isEqualTo(T0.plus(Duration.ofMinutes(9)));
  }

  @Test
  void noAnswerUnregisteredTriesAgainAtTheNextRunAndDropsAnyExpiredKey() {
    RegistrationState expired = RegisterPolicy.registered(T0, Duration.ofHours(1), Optional.of(KEY));
    RegistrationState r = RegisterPolicy.noAnswer(expired, T0.plus(Duration.ofHours(2)));
    assertThat(r.status()).isEqualTo(RegistrationState.Status.NONE);
    assertThat(r.key()).isEmpty();
    assertThat(r.isDue(T0.plus(Duration.ofHours(2)))).isTrue();
  }

  @Test
  void errorSilencesUntilItsExpirationAndPendingAsksAgainThen() {
    assertThat(RegisterPolicy.refused(T0, Optional.of(Duration.ofHours(4)), "forbidden").nextAttempt()).isEqualTo(T0.plus(Duration.ofHours(4)));
    assertThat(RegisterPolicy.refused(T0, Optional.empty(), "x").nextAttempt()).isEqualTo(T0.plus(RegisterPolicy.MISSING_EXPIRATION));
    assertThat(RegisterPolicy.pending(T0, Optional.of(Duration.ofMinutes(30)), "manual").nextAttempt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    assertThat(RegisterPolicy.unsupported(T0, "501").nextAttempt()).isEqualTo(T0.plus(Duration.ofDays(1)));
    assertThat(RegisterPolicy.forgotten(T0, "revoked").isDue(T0)).isTrue();
  }
}
