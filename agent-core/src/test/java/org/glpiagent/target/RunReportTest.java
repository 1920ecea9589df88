package org.glpiagent.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.glpiagent.task.WorkItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunReportTest {
  private static TargetRunner.Result roundTrip(TargetRunner.Result r) {
    String line = RunReport.done(r);
    assertThat(line).doesNotContain("\n");
    return ((RunReport.Done) RunReport.parse(line)).result();
  }

  @Test
  void everyOutcomeComesBackAsItWasSent() {
    List<TargetRunner.Result> results = List.of(
        new TargetRunner.Result(new Outcome.Completed(List.of()), ServerKind.GLPI, Optional.of(Duration.ofHours(24)),
            Optional.of(Instant.parse("2026-12-05T14:00:00Z"))),
        new TargetRunner.Result(new Outcome.Completed(List.of("inventory", "netdiscovery")), ServerKind.UNKNOWN,
            Optional.empty()),
        new TargetRunner.Result(new Outcome.ServerPending(Duration.ofSeconds(90), "busy server"), ServerKind.LEGACY,
            Optional.empty()),
        new TargetRunner.Result(new Outcome.ServerRejected("Agent is not allowed \"here\"\nat all", Optional.of(Duration.ofMinutes(5))),
            ServerKind.GLPI, Optional.empty()),
        new TargetRunner.Result(new Outcome.ServerRejected("refused", Optional.empty()), ServerKind.GLPI, Optional.empty()),
        new TargetRunner.Result(new Outcome.NetworkFailure("connection refused: é ü"), ServerKind.UNKNOWN, Optional.empty()),
        new TargetRunner.Result(new Outcome.RunFailed("ended with exit code 137"), ServerKind.GLPI, Optional.empty()));
    for (TargetRunner.Result r : results) {
      assertThat(roundTrip(r)).isEqualTo(r);
    }
  }

  @Test
  void tasksAndProgressComeBack() {
    assertThat(RunReport.parse(RunReport.task("netdiscovery"))).isEqualTo(new RunReport.TaskStarted("netdiscovery"));
    List<WorkItems.Progress> work = List.of(new WorkItems.Progress("job 1", 256, 10, 2, 8, List.of("192.0.2.4: timeout")),
        new WorkItems.Progress("job 2", 1, 0, 0, 0, List.of()));
    assertThat(RunReport.parse(RunReport.work(work))).isEqualTo(new RunReport.Work(work));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "garbage", "[1,2]", "{\"event\":1}", "{\"event\":\"explode\"}", "{\"event\":\"task\"}",
      "{\"event\":\"work\",\"work\":{}}", "{\"event\":\"work\",\"work\":[{\"job\":\"j\",\"total\":-1,\"done\":0,\"failed\":0,\"running\":0}]}",
      "{\"event\":\"work\",\"work\":[{\"job\":\"j\",\"total\":1.5,\"done\":0,\"failed\":0,\"running\":0}]}",
      "{\"event\":\"work\",\"work\":[1]}",
      "{\"event\":\"result\"}", "{\"event\":\"result\",\"outcome\":{\"type\":\"won\"},\"kind\":\"GLPI\"}",
      "{\"event\":\"result\",\"outcome\":{\"type\":\"completed\"},\"kind\":\"OTHER\"}",
      "{\"event\":\"result\",\"outcome\":{\"type\":\"completed\",\"failedTasks\":\"x\"},\"kind\":\"GLPI\"}",
      "{\"event\":\"result\",\"outcome\":{\"type\":\"pending\",\"why\":\"busy\"},\"kind\":\"GLPI\"}",
      "{\"event\":\"result\",\"outcome\":{\"type\":\"pending\",\"why\":\"busy\",\"retryIn\":\"soon\"},\"kind\":\"GLPI\"}",
      "{\"event\":\"result\",\"outcome\":{\"type\":\"pending\",\"why\":\"busy\",\"retryIn\":\"PT-5S\"},\"kind\":\"GLPI\"}",
      "{\"event\":\"result\",\"outcome\":{\"type\":\"completed\"},\"kind\":\"GLPI\",\"tasksContact\":\"tomorrow\"}",
      "{\"event\":\"result\",\"outcome\":{\"type\":\"completed\"},\"kind\":\"GLPI\",\"maxDelay\":3600}",
      "{\"event\":\"result\",\"outcome\":{\"type\":\"failed\"},\"kind\":\"GLPI\"}",
  })
  void aLineThatIsNotAReportIsRefusedWithItsReason(String line) {
    assertThatThrownBy(() -> RunReport.parse(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching("[a-zA-Z].+");
  }
}
