package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.glpiagent.testkit.FakeGlpiServer;
import org.glpiagent.testkit.Fault;
import org.glpiagent.testkit.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that resets, trickles, fails with 5xx or redirects in a loop: each run says why in one log line,
 * keeps its inventory, and the next run delivers it exactly once; the schedule always has a next run.
 *
 * <p>Each test records what the agent made and what the server accepted in {@link SubmissionLedger}, read by
 * {@code bench/reliability.sh}.
 */
class ServerFaultsEndToEndTest {
  @TempDir Path dir;
  private FakeGlpiServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Path var() {
    return dir.resolve("var");
  }

  private AgentRun run(String url, String... more) {
    return AgentRun.run(dir, AgentRun.forServer(url, var(), more));
  }

  private long kept() throws Exception {
    try (Stream<Path> s = Files.walk(var())) {
      return s.filter(p -> p.getParent().getFileName().toString().equals("pending"))
          .filter(p -> p.getFileName().toString().matches("\\d{8}T\\d{6}-\\d{6}\\.(json|xml)"))
          .count();
    }
  }

  private long nextRunInSeconds() throws Exception {
    try (Stream<Path> s = Files.walk(var())) {
      Path f = s.filter(p -> p.getFileName().toString().equals("target.json")).findFirst().orElseThrow();
      String next = Files.readString(f).replaceAll("(?s).*\"nextRunDate\" : \"([^\"]+)\".*", "$1");
      return Duration.between(Instant.now(), Instant.parse(next)).toSeconds();
    }
  }

  /** The distinct inventories the server accepted, by the agent's document id if any, else the whole body. */
  private List<String> accepted() {
    return server.inventories().stream().map(Object::toString).toList();
  }

  @Test
  void connectionResetMidAnswerIsANetworkFailureAndTheNextRunSendsOnce() throws Exception {
    server = FakeGlpiServer.start();
    try (ResettingRelay relay = new ResettingRelay(server.uri(), 1, 5)) {
      AgentRun first = run(relay.url());
      assertThat(relay.resetsDone.get()).isEqualTo(1);
      assertThat(first.code).as(first.toString()).isEqualTo(1);
      assertThat(first.err).containsIgnoringCase("reset");
      assertThat(nextRunInSeconds()).isBetween(50L, 60L);
      assertThat(accepted()).isEmpty();
      AgentRun second = run(relay.url());
      assertThat(second.code).as(second.toString()).isZero();
      assertThat(accepted()).hasSize(1);
      assertThat(kept()).isZero();
      SubmissionLedger.record("connectionResetMidAnswer", 1, accepted().size());
    }
  }

  @Test
  void anAnswerOfOneByteASecondIsCutByTheTimeoutAndTheInventoryIsSentOnceLater() throws Exception {
    server = FakeGlpiServer.start().fault("inventory", new Fault.Trickle());
    AgentRun first = run(server.uri().toString(), "--timeout", "2");
    assertThat(first.code).as(first.toString()).isEqualTo(1);
    assertThat(first.err).contains("no answer from").contains("within 2 s");
    assertThat(accepted()).isEmpty();
    assertThat(kept()).isEqualTo(1);
    assertThat(nextRunInSeconds()).isPositive();
    AgentRun second = run(server.uri().toString());
    assertThat(second.code).as(second.toString()).isZero();
    assertThat(kept()).isZero();
    assertThat(second.err).contains("sending kept submission");
    SubmissionLedger.record("oneByteASecond", 2, accepted().size());
    assertThat(accepted()).as("the kept inventory and this run's, each once").hasSize(2).doesNotHaveDuplicates();
  }

  static List<Fault> serverErrors() {
    byte[] none = new byte[0];
    return List.of(
        new Fault.Raw(500, "text/html", none),
        new Fault.Raw(500, "text/html", "<html><body>Internal Server Error</body></html>".getBytes(StandardCharsets.UTF_8)),
        new Fault.Raw(503, "text/plain", none),
        new Fault.Raw(503, "text/html", "<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8)),
        new Fault.Busy(503, "2m"));
  }

  @ParameterizedTest
  @MethodSource("serverErrors")
  void serverErrorsToTheInventoryKeepItForTheNextRun(Fault fault) throws Exception {
    server = FakeGlpiServer.start().fault("inventory", fault);
    AgentRun first = run(server.uri().toString());
    int code = fault instanceof Fault.Raw r ? r.code() : ((Fault.Busy) fault).code();
    assertThat(first.code).as(first.toString()).isEqualTo(1);
    assertThat(first.err).contains("HTTP " + code).contains("kept");
    assertThat(accepted()).isEmpty();
    assertThat(kept()).isEqualTo(1);
    assertThat(nextRunInSeconds()).isPositive();
    AgentRun second = run(server.uri().toString());
    assertThat(second.code).as(second.toString()).isZero();
    assertThat(kept()).isZero();
    assertThat(accepted()).hasSize(2).doesNotHaveDuplicates();
    String label = fault instanceof Fault.Raw r ? "http" + code + (r.body().length == 0 ? "-empty" : "-body") : "busy" + code;
    SubmissionLedger.record(label, 2, accepted().size());
  }

  @Test
  void aRedirectLoopIsReportedNotFollowed() throws Exception {
    server = FakeGlpiServer.start();
    for (int i = 0; i < 30; i++) {
      server.fault("contact", new Fault.RedirectToSelf());
    }
    AgentRun r = run(server.uri().toString());
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains("302");
    assertThat(server.requests("contact").size()).isLessThanOrEqualTo(3);
    assertThat(nextRunInSeconds()).isPositive();
    assertThat(accepted()).isEmpty();
  }
}
