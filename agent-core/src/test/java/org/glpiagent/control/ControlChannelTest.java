package org.glpiagent.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.glpiagent.agent.RunLog;
import org.glpiagent.protocol.Json;
import org.glpiagent.testing.FakeControl;
import org.glpiagent.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control channel over a real Unix socket and loopback TCP port, with a hand-written agent behind it. */
class ControlChannelTest {
  @TempDir Path dir;
  private final FakeControl agent = new FakeControl(new MutableClock(Instant.parse("2026-11-22T10:00:00Z")));
  private ControlServer server;

  private Path socket() {
    return dir.resolve(ControlServer.SOCKET);
  }

  private ControlMessage send(String command, String job) throws Exception {
    ControlMessage m = ControlMessage.of(command);
    return ControlClient.send(socket(), job == null ? m : m.with("job", job));
  }

  private void start(Optional<Integer> tcp, Optional<String> token) throws Exception {
    server = ControlServer.start(socket(), tcp, token, new ControlCommands(agent));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Sends raw bytes and returns what comes back until the agent closes or answers. */
  private String raw(String text) throws Exception {
    try (SocketChannel c = SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      c.connect(java.net.UnixDomainSocketAddress.of(socket()));
      c.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      c.shutdownOutput();
      ByteArrayOutputStream in = new ByteArrayOutputStream();
      ByteBuffer b = ByteBuffer.allocate(4096);
      while (c.read(b) >= 0) {
        in.write(b.array(), 0, b.position());
        b.clear();
      }
      return in.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void messagesAreFlatJsonWithBase64FieldsEndedBySemicolons() throws Exception {
    String wire = ControlMessage.of("kill").with("job", "nginx").write("command");
    assertThat(wire).isEqualTo("{\"command\":\"kill\",\"job\":\"bmdpbng=\"};;");
    ControlMessage back = ControlMessage.parse("{\"response\":\"fail\",\"error\":\"SW52YWxpZCBqb2IgbmFtZS4=\"}", "response");
    assertThat(back.kind()).isEqualTo("fail");
    assertThat(back.field("error")).contains("Invalid job name.");
  }

  @Test
  void whatIsNotAMessageIsNamed() {
    assertThatThrownBy(() -> ControlMessage.parse("{nope", "command")).hasMessage("not JSON");
    assertThatThrownBy(() -> ControlMessage.parse("[1]", "command")).hasMessage("not a JSON object");
    assertThatThrownBy(() -> ControlMessage.parse("{\"job\":\"eA==\"}", "command")).hasMessage("no \"command\"");
    assertThatThrownBy(() -> ControlMessage.parse("{\"command\":\"start\",\"job\":7}", "command"))
        .hasMessage("field \"job\" is not a string");
    assertThatThrownBy(() -> ControlMessage.parse("{\"command\":\"start\",\"job\":\"%%%\"}", "command"))
        .hasMessage("field \"job\" is not base64");
    assertThatThrownBy(() -> ControlMessage.parse("{\"command\":\"" + "x".repeat(ControlMessage.MAX_BYTES) + "\"}", "command"))
        .hasMessageContaining("over");
  }

  @Test
  void theSocketIsTheOwnersOnly() throws Exception {
    start(Optional.empty(), Optional.empty());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket()))).isEqualTo("rw-------");
    server.close();
    assertThat(socket()).doesNotExist();
    server = null;
  }

  @Test
  void listStatusAndPullDescribeTheJobs() throws Exception {
    start(Optional.empty(), Optional.empty());
    ControlMessage list = send("list", null);
    assertThat(list.kind()).isEqualTo("list");
    assertThat(Json.MAPPER.readTree(list.field("list").orElseThrow()).path("jobs").findValuesAsText("name"))
        .containsExactly("server0", "local0");
    ControlMessage status = send("status", null);
    assertThat(status.kind()).isEqualTo("status");
    assertThat(Json.MAPPER.readTree(status.field("data").orElseThrow()).path("status").asText()).isEqualTo("waiting");
    ControlMessage one = send("status", "local0");
    assertThat(Json.MAPPER.readTree(one.field("data").orElseThrow()).path("last-outcome").asText()).isEqualTo("done");
    ControlMessage file = send("pull", "server0");
    assertThat(file.kind()).isEqualTo("file");
    assertThat(file.field("job")).contains("server0");
    assertThat(Json.MAPPER.readTree(file.field("data").orElseThrow()).path("address").asText()).isEqualTo("https://glpi.example.test/");
  }

  @Test
  void startStopKillRepairAndReloadActOnTheAgent() throws Exception {
    start(Optional.empty(), Optional.empty());
    assertThat(send("start", "local0").kind()).isEqualTo("success");
    assertThat(agent.asked).containsExactly("local0:control");
    assertThat(send("stop", "local0").kind()).isEqualTo("redundant"); // waiting, not running
    assertThat(send("kill", "local0").kind()).isEqualTo("success"); // drops the waiting run
    assertThat(agent.log.runs(Optional.of("local0"))).allSatisfy(r -> assertThat(r.state()).isEqualTo(RunLog.State.CANCELED));

    RunLog.Run running = agent.log.start("server0");
    assertThat(send("start", "server0").kind()).isEqualTo("redundant");
    assertThat(send("stop", "server0").kind()).isEqualTo("success");
    assertThat(agent.log.run(running.id()).orElseThrow().state()).isEqualTo(RunLog.State.CANCELED);

    assertThat(send("repair", "server0").kind()).isEqualTo("success");
    assertThat(agent.repaired).containsExactly("server0");
    assertThat(send("reload", null).kind()).isEqualTo("success");
    assertThat(send("restart", null).kind()).isEqualTo("success");
    assertThat(agent.reloads).isEqualTo(2);
  }

  @Test
  void refusalsSayWhyAndChangeNothing() throws Exception {
    start(Optional.empty(), Optional.empty());
    assertThat(send("frobnicate", "local0").kind()).isEqualTo("invalid");
    ControlMessage noJob = send("start", null);
    assertThat(noJob.kind()).isEqualTo("fail");
    assertThat(noJob.field("error")).contains("start needs a job");
    assertThat(send("start", "nginx").field("error")).contains("Invalid job name.");
    ControlMessage push = ControlClient.send(socket(), ControlMessage.of("push").with("job", "x").with("data", "{}"));
    assertThat(push.kind()).isEqualTo("fail");
    assertThat(push.field("error").orElse("")).contains("keeps no job files");
    assertThat(agent.asked).isEmpty();
    assertThat(agent.reloads).isZero();
  }

  @Test
  void malformedAndOversizedMessagesGetInvalidAndTheConnectionEnds() throws Exception {
    start(Optional.empty(), Optional.empty());
    assertThat(raw("{\"command\":\"start\",\"job\":\"bG9jYWww\"\n;;")).isEqualTo("{\"response\":\"invalid\"};;");
    assertThat(raw("garbage;;{\"command\":\"reload\"};;")).isEqualTo("{\"response\":\"invalid\"};;");
    assertThat(raw("x".repeat(ControlMessage.MAX_BYTES + 10))).isEqualTo("{\"response\":\"invalid\"};;");
    assertThat(agent.asked).isEmpty();
    assertThat(agent.reloads).isZero();
    // two messages in one write are both answered
    assertThat(raw("{\"command\":\"reload\"};;{\"command\":\"restart\"};;"))
        .isEqualTo("{\"response\":\"success\"};;{\"response\":\"success\"};;");
  }

  @Test
  void theTcpPortNeedsTheToken() throws Exception {
    assertThatThrownBy(() -> ControlServer.start(socket(), Optional.of(0), Optional.empty(), new ControlCommands(agent)))
        .hasMessageContaining("api-token");
    start(Optional.of(0), Optional.of("tok-987"));
    int port = server.tcpPort().orElseThrow();
    ControlMessage none = ControlClient.send(port, ControlMessage.of("reload"));
    assertThat(none.kind()).isEqualTo("fail");
    assertThat(ControlClient.send(port, ControlMessage.of("reload").with("token", "wrong")).kind()).isEqualTo("fail");
    assertThat(agent.reloads).isZero();
    assertThat(ControlClient.send(port, ControlMessage.of("reload").with("token", "tok-987")).kind()).isEqualTo("success");
    assertThat(agent.reloads).isEqualTo(1);
  }

  private ControlMessage push(String job, String data) throws Exception {
    return ControlClient.send(socket(), ControlMessage.of("push").with("job", job).with("data", data));
  }

  @Test
  void jobFilesArePushedCheckedListedPulledAndDeleted() throws Exception {
    server = ControlServer.start(socket(), Optional.empty(), Optional.empty(),
        new ControlCommands(agent, Optional.of(new JobStore(dir, java.util.List.of(new org.glpiagent.testing.CounterTask())))));
    String good = "{\"tasks\":[{\"id\":\"t1\",\"jobs\":[{\"id\":\"j1\",\"type\":\"counter\",\"count\":3}]}]}";
    assertThat(push("nightly", good).kind()).isEqualTo("success");
    Path kept = dir.resolve("jobs/nightly.json");
    assertThat(Files.readString(kept)).isEqualTo(good);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
    assertThat(Json.MAPPER.readTree(send("list", null).field("list").orElseThrow()).path("jobs").findValuesAsText("name"))
        .containsExactly("server0", "local0", "nightly");
    ControlMessage pulled = send("pull", "nightly");
    assertThat(pulled.kind()).isEqualTo("file");
    assertThat(pulled.field("data")).contains(good);

    assertThat(push("bad", "{nope").field("error").orElse("")).contains("bad");
    assertThat(push("bad", "{\"tasks\":[]}").field("error").orElse("")).contains("no job");
    assertThat(push("bad", "{\"tasks\":[{\"jobs\":[{\"type\":\"wakeonlan\"}]}]}").field("error").orElse(""))
        .contains("no installed task runs \"wakeonlan\"");
    assertThat(push("bad", "{\"tasks\":[{\"jobs\":[{\"type\":\"counter\",\"count\":0}]}]}").field("error").orElse(""))
        .contains("count must be at least 1");
    assertThat(push("../etc/x", good).field("error").orElse("")).contains("a job name is");
    assertThat(push("local0", good).field("error").orElse("")).contains("is a target");
    assertThat(ControlClient.send(socket(), ControlMessage.of("push").with("job", "empty")).field("error"))
        .contains("push needs the job file in data");
    assertThat(Files.exists(dir.resolve("jobs/bad.json"))).isFalse();

    assertThat(send("delete", "nightly").kind()).isEqualTo("success");
    assertThat(kept).doesNotExist();
    assertThat(send("delete", "nightly").field("error")).contains("Invalid job name.");
    assertThat(send("delete", "server0").field("error").orElse("")).contains("is a target");
  }

  @Test
  void pushedJobsAreReadInNameOrderAndABrokenOneIsSkipped() throws Exception {
    Path jobs = Files.createDirectories(dir.resolve("jobs"));
    Files.writeString(jobs.resolve("b.json"), "{\"tasks\":[{\"id\":\"b\"}]}");
    Files.writeString(jobs.resolve("a.json"), "{\"tasks\":[{\"id\":\"a\"}]}");
    Files.writeString(jobs.resolve("c.json"), "{broken");
    assertThat(org.glpiagent.target.ScheduledTasks.fromPushed(jobs).findValuesAsText("id")).containsExactly("a", "b");
    assertThat(org.glpiagent.target.ScheduledTasks.fromPushed(dir.resolve("none"))).isEmpty();
  }
}
