package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.glpiagent.agent.Agent;
import org.glpiagent.agent.AgentControl;
import org.glpiagent.agent.RunLog;
import org.glpiagent.client.ClientSettings;
import org.glpiagent.client.HttpServerClient;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.httpd.ClockSync;
import org.glpiagent.httpd.HttpPort;
import org.glpiagent.httpd.Proxy;
import org.glpiagent.httpd.Trust;
import org.glpiagent.testkit.FakeGlpiServer;
import org.glpiagent.testkit.Fault;
import org.glpiagent.testkit.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proxy mode: a real agent talks to the fake GLPI server through another agent's port. */
class ProxyModeTest {
  private static final String PROXY_ID = "6f1c8a43-0d2e-4c4b-9d0e-5a7f3b2c1d00";
  @TempDir Path dir;
  private final FakeGlpiServer glpi;
  private HttpPort port;
  private HttpServerClient upstream;
  private final HttpClient http = HttpClient.newHttpClient();

  ProxyModeTest() throws Exception {
    glpi = FakeGlpiServer.start();
  }

  /** The proxy agent itself runs nothing here. */
  private static final class Idle implements AgentControl {
    private final RunLog log = new RunLog(Clock.systemUTC());

    @Override
    public String status() {
      return "waiting";
    }

    @Override
    public List<Agent.TargetView> targets() {
      return List.of();
    }

    @Override
    public RunLog runLog() {
      return log;
    }

    @Override
    public List<RunLog.Run> requestRun(Optional<String> target, RunLog.Trigger trigger) {
      throw new java.util.NoSuchElementException("none");
    }

    @Override
    public Cancel cancel(String runId) {
      return Cancel.UNKNOWN;
    }

    @Override
    public void reload() {}

    @Override
    public void repair(String target) {}
  }

  private void startProxy(URI server, Duration answerWithin) throws Exception {
    upstream = new HttpServerClient(ClientSettings.from(AgentConfig.of(Map.of("timeout", List.of("3"))), PROXY_ID, "test"));
    Proxy.Settings proxy = new Proxy.Settings(upstream, server, PROXY_ID, 5, dir.resolve("proxy-store"), answerWithin,
        Duration.ofMillis(200), Clock.systemUTC(), new SplittableRandom(7));
    port = HttpPort.start(new HttpPort.Settings(Optional.of("127.0.0.1"), 0,
        Trust.of(List.of(), List.of(), h -> List.of(), Clock.systemUTC()), Optional.empty(), "test", "proxy-host",
        List.of(server), Clock.systemUTC(), () -> new ClockSync(false, Optional.empty(), Optional.empty()), Optional.of(proxy)),
        new Idle(), List.of());
  }

  private String proxyUrl() {
    return "http://127.0.0.1:" + port.port() + "/proxy/glpi";
  }

  @AfterEach
  void stop() {
    if (port != null) {
      port.close();
    }
    if (upstream != null) {
      upstream.close();
    }
    glpi.close();
  }

  private HttpResponse<String> post(String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(proxyUrl())).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAgentBehindTheProxyIsInventoriedWithItsOwnIdentity() throws Exception {
    startProxy(glpi.uri(), Duration.ofSeconds(10));
    AgentRun run = AgentRun.run(dir, AgentRun.forServer(proxyUrl(), dir.resolve("var")));
    assertThat(run.code).as(run.toString()).isZero();
    assertThat(glpi.inventories()).hasSize(1);
    Recorded inv = glpi.requests("inventory").get(0);
    assertThat(inv.header("GLPI-Proxy-ID")).isEqualTo(PROXY_ID);
    assertThat(inv.header("GLPI-Agent-ID")).isNotEqualTo(PROXY_ID).matches("[0-9a-f-]{36}");
    assertThat(glpi.requests("contact").get(0).header("GLPI-Agent-ID")).isEqualTo(inv.header("GLPI-Agent-ID"));
    try (var s = Files.list(dir.resolve("proxy-store"))) {
      assertThat(s.toList()).isEmpty(); // delivered: nothing held
    }
  }

  @Test
  void anAgentBehindTheProxyRegistersWithTheServerAndItsSealedMessagesPassThroughUnread() throws Exception {
    String token = "00010203-0405-0607-0809-0a0b0c0d0e0f"; // known to the agent and the server, not to the proxy
    glpi.registration(FakeGlpiServer.Registration.TOKEN).registrationToken(token);
    startProxy(glpi.uri(), Duration.ofSeconds(10));
    AgentRun run = AgentRun.run(dir, AgentRun.forServer(proxyUrl(), dir.resolve("var"), "--register", "required", "--token", token,
        "--tasks", "inventory", "--no-category", "software,process,environment"));
    assertThat(run.code).as(run.toString()).isZero();
    List<Recorded> posts = glpi.posts();
    assertThat(posts).extracting(Recorded::action).containsExactly("register", "register", "contact", "inventory");
    String agentId = posts.get(0).header("GLPI-Agent-ID");
    assertThat(agentId).isNotEqualTo(PROXY_ID);
    assertThat(posts).allSatisfy(p -> assertThat(p.header("GLPI-Proxy-ID")).isEqualTo(PROXY_ID));
    // the challenge was made for the agent behind the proxy, and its key seals what follows, end to end
    assertThat(glpi.issuedKey(agentId)).isPresent();
    assertThat(glpi.issuedKey(PROXY_ID)).isEmpty();
    assertThat(posts.subList(2, 4)).allSatisfy(p -> assertThat(p.header("GLPI-CryptoKey-ID")).isEqualTo(agentId));
    assertThat(glpi.inventories()).hasSize(1);
  }

  @Test
  void anAgentToldPendingAsksAgainAndItsInventoryReachesTheServerOnce() throws Exception {
    glpi.fault("inventory", new Fault.Busy(503, "10s"));
    startProxy(glpi.uri(), Duration.ofMillis(100));
    AgentRun run = AgentRun.run(dir, AgentRun.forServer(proxyUrl(), dir.resolve("var")));
    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.err).contains("has no answer yet for request");
    assertThat(glpi.requests("inventory")).extracting(Recorded::code).containsExactly(503, 200);
    assertThat(glpi.inventories()).hasSize(1);
    try (var s = Files.walk(dir.resolve("var"))) { // delivered: not kept to be sent again, which would be a duplicate
      assertThat(s.filter(p -> p.getParent().getFileName().toString().equals("pending")).toList()).isEmpty();
    }
  }

  @Test
  void loopsAndLongChainsAreRefusedAsTheProtocolSays() throws Exception {
    startProxy(glpi.uri(), Duration.ofSeconds(10));
    HttpResponse<String> loop = post("{\"action\":\"contact\"}", "GLPI-Proxy-ID", "a1b2," + PROXY_ID);
    assertThat(loop.statusCode()).isEqualTo(404);
    assertThat(loop.body()).contains("\"message\":\"proxy-loop-detected\"");
    HttpResponse<String> chain = post("{\"action\":\"contact\"}", "GLPI-Proxy-ID", "p1,p2,p3,p4,p5");
    assertThat(chain.statusCode()).isEqualTo(404);
    assertThat(chain.body()).contains("\"message\":\"too-many-proxy\"");
    HttpResponse<String> four = post("{\"action\":\"contact\",\"deviceid\":\"d\"}", "GLPI-Proxy-ID", "p1,p2,p3,p4",
        "GLPI-Agent-ID", "0e2f1c4a-9b8d-4e6f-a1b2-c3d4e5f60718");
    assertThat(four.statusCode()).isEqualTo(200);
    assertThat(glpi.requests("contact")).singleElement()
        .satisfies(r -> assertThat(r.header("GLPI-Proxy-ID")).isEqualTo("p1,p2,p3,p4," + PROXY_ID));
  }

  @Test
  void aBusyServerMeansPendingThenTheAnswerOnceWithoutADuplicate() throws Exception {
    glpi.fault("contact", new Fault.Busy(503, "10s"));
    startProxy(glpi.uri(), Duration.ofMillis(100));
    HttpResponse<String> first = post("{\"action\":\"contact\",\"deviceid\":\"dev-1\"}",
        "GLPI-Agent-ID", "0e2f1c4a-9b8d-4e6f-a1b2-c3d4e5f60718");
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(first.body()).contains("\"status\":\"pending\"");
    String id = first.headers().firstValue("GLPI-Request-ID").orElseThrow();
    glpi.awaitRequests(2, Duration.ofSeconds(10)); // the busy answer, then the retry 200 ms later
    HttpResponse<String> answer = null;
    for (int i = 0; i < 50; i++) {
      answer = http.send(HttpRequest.newBuilder(URI.create(proxyUrl())).header("GLPI-Request-ID", id).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 202) {
        break;
      }
      Thread.sleep(100); // the proxy's retry runs on real time
    }
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"status\":\"ok\"");
    assertThat(glpi.requests("contact")).extracting(Recorded::code).containsExactly(503, 200);
    HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(proxyUrl()))
        .header("GLPI-Request-ID", "0000ABCD").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void aMessageHeldWhenTheServerWasDownIsSentAfterARestart() throws Exception {
    URI down;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      down = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
    }
    startProxy(down, Duration.ofMillis(300));
    HttpResponse<String> r = post("{\"action\":\"contact\",\"deviceid\":\"dev-2\"}",
        "GLPI-Agent-ID", "0e2f1c4a-9b8d-4e6f-a1b2-c3d4e5f60718");
    assertThat(r.statusCode()).isEqualTo(202);
    port.close();
    upstream.close();
    try (var s = Files.list(dir.resolve("proxy-store"))) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).anyMatch(n -> n.endsWith(".json")).anyMatch(n -> n.endsWith(".body"));
    }
    startProxy(glpi.uri(), Duration.ofSeconds(10));
    glpi.awaitRequests(1, Duration.ofSeconds(10));
    assertThat(glpi.requests("contact")).singleElement()
        .satisfies(c -> assertThat(c.header("GLPI-Agent-ID")).isEqualTo("0e2f1c4a-9b8d-4e6f-a1b2-c3d4e5f60718"));
  }

  @Test
  void withoutProxyModeTheProxyPathIsABadRequest() throws Exception {
    port = HttpPort.start(new HttpPort.Settings(Optional.of("127.0.0.1"), 0,
        Trust.of(List.of(), List.of(), h -> List.of(), Clock.systemUTC()), Optional.empty(), "test", "h", List.of(),
        Clock.systemUTC(), () -> new ClockSync(false, Optional.empty(), Optional.empty()), Optional.empty()), new Idle(), List.of());
    assertThat(post("{}").statusCode()).isEqualTo(400);
    assertThat(glpi.requests()).isEmpty();
  }
}
