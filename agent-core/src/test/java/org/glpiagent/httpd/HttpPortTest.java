package org.glpiagent.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.glpiagent.agent.RunLog;
import org.glpiagent.protocol.Json;
import org.glpiagent.testing.CounterTask;
import org.glpiagent.testing.FakeControl;
import org.glpiagent.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The agent's port over real HTTP on loopback, with a hand-written agent behind it. */
class HttpPortTest {
  private static final String TOKEN = "s3cret-token-123";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final FakeControl control = new FakeControl(clock);
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpPort port;

  private void start(boolean loopbackTrusted, Optional<String> token) throws Exception {
    Trust trust = Trust.of(List.of(), List.of(), h -> List.of(), clock, loopbackTrusted);
    port = HttpPort.start(new HttpPort.Settings(Optional.of("127.0.0.1"), 0, trust, token, "1.2.3", "agent-host",
        List.of(URI.create("https://glpi.example.test/front")), clock,
        () -> new ClockSync(true, Optional.of("ntp"), Optional.of("pool.example.test")), Optional.empty()), control,
        List.of(new CounterTask()));
  }

  @AfterEach
  void stop() {
    if (port != null) {
      port.close();
    }
  }

  private HttpResponse<String> call(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return call("GET", path);
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    return Json.MAPPER.readTree(r.body());
  }

  @Test
  void statusAnswersTheExactBytesGlpiExpects() throws Exception {
    start(true, Optional.empty());
    HttpResponse<String> r = get("/status");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("status: waiting");
    control.status = "running task inventory";
    assertThat(get("/status").body()).isEqualTo("status: running task inventory");
  }

  @Test
  void nowFromATrustedCallerAsksForRunsAndIsRateLimited() throws Exception {
    start(true, Optional.empty());
    assertThat(get("/now").statusCode()).isEqualTo(200);
    assertThat(control.asked).containsExactly("server0:now", "local0:now");
    assertThat(get("/now?target=local0").statusCode()).isEqualTo(200);
    assertThat(get("/now?target=server9").statusCode()).isEqualTo(404);
    for (int i = 3; i < HttpPort.NOW_PER_MINUTE; i++) {
      assertThat(get("/now").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = get("/now");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void untrustedCallersGetNoRunsNoDetailsAndNoApi() throws Exception {
    start(false, Optional.of(TOKEN));
    HttpResponse<String> now = get("/now");
    assertThat(now.statusCode()).isEqualTo(403);
    assertThat(now.body()).isEqualTo("Access denied");
    assertThat(control.asked).isEmpty();
    String page = get("/").body();
    assertThat(page).contains("status: waiting").doesNotContain("server0").doesNotContain("glpi.example.test");
    assertThat(get("/api/jobs").statusCode()).isEqualTo(403);
    assertThat(call("POST", "/api/jobs/local0/runs", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(403);
    assertThat(get("/status").statusCode()).isEqualTo(200);
  }

  @Test
  void corsPreflightAcceptsOnlyTheServersOrigin() throws Exception {
    start(true, Optional.empty());
    HttpResponse<String> ok = call("OPTIONS", "/now", "Origin", "https://glpi.example.test");
    assertThat(ok.statusCode()).isEqualTo(204);
    assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains("https://glpi.example.test");
    assertThat(call("OPTIONS", "/now", "Origin", "https://evil.example.test").statusCode()).isEqualTo(403);
    assertThat(call("GET", "/now", "Origin", "https://evil.example.test").statusCode()).isEqualTo(403);
    assertThat(control.asked).isEmpty();
  }

  @Test
  void theStatusPageShowsTargetsAndRunsEscaped() throws Exception {
    start(true, Optional.empty());
    control.log.request("local0", RunLog.Trigger.API);
    HttpResponse<String> r = get("/");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body()).contains("GLPI Agent 1.2.3").contains("<td>server0</td>").contains("https://glpi.example.test/")
        .contains("/var/tmp/&lt;inv&gt;").doesNotContain("<inv>").contains("class=\"pending\"");
  }

  @Test
  void aRunningJobShowsItsWorkItemsOnThePageAndInTheApi() throws Exception {
    start(true, Optional.empty());
    RunLog.Run run = control.log.start("server0");
    control.work = List.of(new org.glpiagent.task.WorkItems.Progress("netinventory 12", 40, 31, 2, 7,
        List.of("192.0.2.7: no progress for 30 s", "192.0.2.9: <timeout>")));
    assertThat(get("/").body()).contains("<td>netinventory 12</td><td>31 / 40</td><td>2</td><td>7</td>")
        .contains("192.0.2.9: &lt;timeout&gt;");
    JsonNode progress = json(get("/api/jobs/server0/runs/" + run.id())).path("progress").get(0);
    assertThat(progress.path("done").asInt()).isEqualTo(31);
    assertThat(progress.path("failures").get(0).asText()).isEqualTo("192.0.2.7: no progress for 30 s");
  }

  @Test
  void otherPathsAreBadRequestsAsInGlpiAgent() throws Exception {
    start(true, Optional.empty());
    assertThat(get("/foo").statusCode()).isEqualTo(400);
    assertThat(get("/../etc/passwd").statusCode()).isEqualTo(400);
  }

  @Test
  void theApiDescribesItselfTheClockAndTheHost() throws Exception {
    start(true, Optional.empty());
    assertThat(json(get("/api/")).asText()).isEqualTo("This is the GLPI agent API on agent-host.");
    assertThat(json(get("/api/api")).asInt()).isEqualTo(1);
    assertThat(json(get("/api/hostname")).asText()).isEqualTo("agent-host");
    JsonNode clockNode = json(get("/api/clock"));
    assertThat(clockNode.path("synchronized").asBoolean()).isTrue();
    assertThat(clockNode.path("source").asText()).isEqualTo("ntp");
    assertThat(java.time.OffsetDateTime.parse(clockNode.path("time").asText()).toInstant()).isEqualTo(clock.instant());
    assertThat(get("/api/api?api=2").statusCode()).isEqualTo(400);
    assertThat(get("/api/api?api=x").statusCode()).isEqualTo(400);
    assertThat(get("/api/api?pretty").body()).isEqualTo("1");
    assertThat(get("/api/jobs/local0?pretty").body()).contains("\n");
    assertThat(get("/api/nothing").statusCode()).isEqualTo(404);
    assertThat(call("PUT", "/api/clock").statusCode()).isEqualTo(405);
  }

  @Test
  void installedTasksComeWithTheirSchemaAndCheckSpecifications() throws Exception {
    start(true, Optional.empty());
    String base = "http://127.0.0.1:" + port.port() + "/api";
    assertThat(json(get("/api/tasks"))).extracting(JsonNode::asText).containsExactly(base + "/tasks/counter");
    JsonNode t = json(get("/api/tasks/counter"));
    assertThat(t.path("version").asText()).isEqualTo("2.1");
    assertThat(t.path("spec-schema").path("required").get(0).asText()).isEqualTo("count");
    assertThat(json(get("/api/tasks?expanded")).get(0).path("name").asText()).isEqualTo("counter");
    String good = URLEncoder.encode("{\"count\":3}", StandardCharsets.UTF_8);
    assertThat(json(get("/api/tasks/counter/spec/is-valid?spec=" + good)).path("valid").asBoolean()).isTrue();
    JsonNode bad = json(get("/api/tasks/counter/spec/is-valid?spec=" + URLEncoder.encode("{\"count\":0}", StandardCharsets.UTF_8)));
    assertThat(bad.path("valid").asBoolean()).isFalse();
    assertThat(bad.path("error").asText()).isEqualTo("count must be at least 1");
    JsonNode notJson = json(get("/api/tasks/counter/spec/is-valid?spec=%7Bnope"));
    assertThat(notJson.path("valid").asBoolean()).isFalse();
    assertThat(notJson.path("error").asText()).startsWith("not JSON");
    assertThat(json(get("/api/tasks/counter/spec/is-valid")).path("error").asText()).isEqualTo("no spec parameter");
    assertThat(get("/api/tasks/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void runsAreCreatedAndCanceledOnlyWithTheToken() throws Exception {
    start(true, Optional.of(TOKEN));
    assertThat(call("POST", "/api/jobs/local0/runs").statusCode()).isEqualTo(401);
    assertThat(call("POST", "/api/jobs/local0/runs", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(control.asked).isEmpty();

    HttpResponse<String> created = call("POST", "/api/jobs/local0/runs", "Authorization", "Bearer " + TOKEN);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode run = json(created);
    assertThat(run.path("state").asText()).isEqualTo("pending");
    assertThat(run.path("trigger").asText()).isEqualTo("api");
    String href = run.path("href").asText();
    assertThat(created.headers().firstValue("Location")).contains(href);
    String path = URI.create(href).getPath();
    assertThat(json(get(path)).path("id").asText()).isEqualTo(run.path("id").asText());
    assertThat(json(get("/api/jobs/local0/runs"))).extracting(JsonNode::asText).containsExactly(href);
    assertThat(json(get(path + "/result")).path("succeeded").asBoolean()).isFalse();

    assertThat(call("DELETE", path).statusCode()).isEqualTo(401);
    HttpResponse<String> canceled = call("DELETE", path, "Authorization", "Bearer " + TOKEN);
    assertThat(canceled.statusCode()).isEqualTo(200);
    assertThat(json(canceled).path("state").asText()).isEqualTo("canceled");
    assertThat(call("DELETE", path, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(409);
    assertThat(call("DELETE", "/api/jobs/local0/runs/999", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    assertThat(get("/api/jobs/server0/runs/" + run.path("id").asText()).statusCode()).isEqualTo(404);
    assertThat(call("POST", "/api/jobs/nothing/runs", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void withoutATokenConfiguredTheApiTakesNoWrites() throws Exception {
    start(true, Optional.empty());
    HttpResponse<String> r = call("POST", "/api/jobs/local0/runs", "Authorization", "Bearer anything");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(json(r).path("error").asText()).contains("api-token");
    assertThat(control.asked).isEmpty();
  }

  @Test
  void anOversizedBodyIsRefusedUnread() throws Exception {
    start(true, Optional.of(TOKEN));
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.port() + "/api/jobs/local0/runs"))
        .header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[HttpPort.MAX_BODY + 1])).build();
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
    assertThat(control.asked).isEmpty();
  }
}
