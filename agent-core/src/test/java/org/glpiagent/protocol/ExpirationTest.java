package org.glpiagent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpirationTest {
  @Test
  void numberWithoutUnitMeansHours() {
    assertThat(Expiration.parse("24")).contains(Duration.ofHours(24));
    assertThat(Expiration.of(IntNode.valueOf(24))).contains(Duration.ofHours(24));
    assertThat(Expiration.of(TextNode.valueOf("24"))).contains(Duration.ofHours(24));
  }

  @Test
  void unitsSecondsMinutesHoursDays() {
    assertThat(Expiration.parse("30s")).contains(Duration.ofSeconds(30));
    assertThat(Expiration.parse("5m")).contains(Duration.ofMinutes(5));
    assertThat(Expiration.parse("6h")).contains(Duration.ofHours(6));
    assertThat(Expiration.parse("1d")).contains(Duration.ofDays(1));
    assertThat(Expiration.parse("2D")).contains(Duration.ofDays(2));
  }

  @Test
  void malformedValuesAreRefused() {
    assertThat(Expiration.parse("")).isEmpty();
    assertThat(Expiration.parse("soon")).isEmpty();
    assertThat(Expiration.parse("-5")).isEmpty();
    assertThat(Expiration.parse("1w")).isEmpty();
    assertThat(Expiration.parse("99999999999999")).isEmpty();
    assertThat(Expiration.of(IntNode.valueOf(-1))).isEmpty();
    assertThat(Expiration.of(null)).isEmpty();
  }

  @Test
  void aNumberTooLargeForADelayIsNoneRatherThanAnOverflow() {
    // found fuzzing: Duration.ofHours overflowed on {"expiration":8888888888888888888}
    assertThat(Expiration.of(LongNode.valueOf(8_888_888_888_888_888_888L))).isEmpty();
    assertThat(Expiration.of(BigIntegerNode.valueOf(new BigInteger("8".repeat(90))))).isEmpty();
    assertThat(Expiration.of(LongNode.valueOf(1_000_000_000L))).isEmpty();
    assertThat(Expiration.of(LongNode.valueOf(999_999_999L))).contains(Duration.ofHours(999_999_999L));
  }
}
