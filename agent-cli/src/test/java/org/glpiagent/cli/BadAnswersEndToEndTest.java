package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.glpiagent.testkit.FakeGlpiServer;
import org.glpiagent.testkit.Fault;
import org.glpiagent.testkit.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that answers badly never crashes or hangs the agent, and loses nothing. */
class BadAnswersEndToEndTest {
  @TempDir Path dir;
  private FakeGlpiServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private AgentRun run(String... more) {
    return AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), dir.resolve("var"), more));
  }

  private long nextRunInSeconds() throws Exception {
    try (Stream<Path> s = Files.walk(dir.resolve("var"))) {
      Path f = s.filter(p -> p.getFileName().toString().equals("target.json")).findFirst().orElseThrow();
      String text = Files.readString(f);
      String next = text.replaceAll("(?s).*\"nextRunDate\" : \"([^\"]+)\".*", "$1");
      return Duration.between(Instant.now(), Instant.parse(next)).toSeconds();
    }
  }

  @Test
  void truncatedCompressedContactAnswerIsANetworkFailureRetriedInAMinute() throws Exception {
    server = FakeGlpiServer.start().fault("contact", new Fault.TruncatedCompression());
    AgentRun r = run();
    assertThat(r.code).isEqualTo(1);
    assertThat(r.err).contains("truncated zlib answer");
    assertThat(server.inventories()).isEmpty();
    assertThat(nextRunInSeconds()).isBetween(50L, 60L);
  }

  @Test
  void malformedJsonToContactFallsBackToThePrologThenGivesUpCleanly() throws Exception {
    server = FakeGlpiServer.start().fault("contact", new Fault.MalformedJson());
    AgentRun r = run();
    assertThat(r.code).isEqualTo(1);
    assertThat(server.posts()).extracting(Recorded::action).containsExactly("contact", "prolog");
    assertThat(r.err).contains("malformed JSON");
  }

  @Test
  void jsonLabelledAsHtmlIsStillReadByItsContent() throws Exception {
    server = FakeGlpiServer.start().fault("contact", new Fault.WrongContentType());
    AgentRun r = run();
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(server.inventories()).hasSize(1);
  }

  @Test
  void tenMegabytesOfGarbageAreRefusedWithoutHarm() throws Exception {
    server = FakeGlpiServer.start().fault("contact", new Fault.Garbage(10 << 20));
    AgentRun r = run();
    assertThat(r.code).isEqualTo(1);
    assertThat(server.inventories()).isEmpty();
    assertThat(r.err).contains("application/octet-stream");
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    server = FakeGlpiServer.start().fault("contact", new Fault.Hang());
    long start = System.nanoTime();
    AgentRun r = AgentRun.run(dir, "--server", server.uri().toString(), "--force", "--no-httpd", "--vardir", dir.resolve("var").toString(), "--timeout", "1");
    assertThat(r.code).isEqualTo(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(r.err).contains("no answer");
  }

  @Test
  void aClosedConnectionIsANetworkFailure() throws Exception {
    server = FakeGlpiServer.start().fault("contact", new Fault.Close());
    assertThat(run().code).isEqualTo(1);
    assertThat(nextRunInSeconds()).isBetween(50L, 60L);
  }

  @Test
  void unreachableServerBacksOffDoubling() throws Exception {
    server = FakeGlpiServer.start();
    String url = server.uri().toString();
    server.close();
    AgentRun first = AgentRun.run(dir, AgentRun.forServer(url, dir.resolve("var")));
    assertThat(first.code).isEqualTo(1);
    assertThat(nextRunInSeconds()).isBetween(50L, 60L);
    AgentRun second = AgentRun.run(dir, AgentRun.forServer(url, dir.resolve("var")));
    assertThat(second.code).isEqualTo(1);
    assertThat(nextRunInSeconds()).isBetween(110L, 120L);
    server = null;
  }

  @Test
  void pendingContactRetriesAtItsExpiration() throws Exception {
    server = FakeGlpiServer.start().fault("contact", new Fault.Pending("90s"));
    assertThat(run().code).isEqualTo(1);
    assertThat(nextRunInSeconds()).isBetween(80L, 90L);
    assertThat(server.inventories()).isEmpty();
  }

  @Test
  void schemaRejectionKeepsTheDocumentInRejected() throws Exception {
    server = FakeGlpiServer.start().fault("inventory", new Fault.Raw(400, "application/json",
        "{\"status\":\"error\",\"message\":\"JSON does not validate. Violations:\\nInteger expected\",\"expiration\":24}".getBytes(StandardCharsets.UTF_8)));
    AgentRun r = run();
    assertThat(r.code).isEqualTo(1);
    assertThat(r.err).contains("JSON does not validate");
    try (Stream<Path> s = Files.walk(dir.resolve("var"))) {
      assertThat(s.filter(p -> p.getParent().getFileName().toString().equals("rejected")).count()).isEqualTo(1);
    }
  }
}
