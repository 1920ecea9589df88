package org.glpiagent.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.glpiagent.testing.MutableClock;
import org.junit.jupiter.api.Test;

class WorkItemsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

  @Test
  void aSilentItemIsFailedAndStoppedWhileTheOthersGoOn() {
    WorkItems w = new WorkBoard().open("netinventory 7", 3, Duration.ofSeconds(30), clock);
    List<String> stopped = new ArrayList<>();
    WorkItems.Item quiet = w.start("192.0.2.1", () -> stopped.add("192.0.2.1"));
    WorkItems.Item busy = w.start("192.0.2.2", () -> stopped.add("192.0.2.2"));
    clock.advance(Duration.ofSeconds(20));
    busy.beat();
    assertThat(w.sweep()).isEmpty();
    clock.advance(Duration.ofSeconds(11));
    assertThat(w.sweep()).containsExactly("192.0.2.1");
    assertThat(stopped).containsExactly("192.0.2.1");
    assertThat(quiet.done()).isFalse(); // failed by the sweep first: counted once
    assertThat(busy.done()).isTrue();
    WorkItems.Item third = w.start("192.0.2.3", () -> {});
    assertThat(third.fail("timeout")).isTrue();
    assertThat(third.fail("again")).isFalse();
    WorkItems.Progress p = w.progress();
    assertThat(p.job()).isEqualTo("netinventory 7");
    assertThat(p.total()).isEqualTo(3);
    assertThat(p.done()).isEqualTo(1);
    assertThat(p.failed()).isEqualTo(2);
    assertThat(p.running()).isZero();
    assertThat(p.failures()).containsExactly("192.0.2.1: no progress for 30 s", "192.0.2.3: timeout");
  }

  @Test
  void theFailuresKeptAreBounded() {
    WorkItems w = new WorkItems("j", 100, Duration.ofSeconds(1), clock);
    for (int i = 0; i < 50; i++) {
      w.start("k" + i, () -> {}).fail("x");
    }
    assertThat(w.progress().failures()).hasSize(WorkItems.KEEP_FAILURES).last().isEqualTo("k49: x");
    assertThat(w.progress().failed()).isEqualTo(50);
  }
}
