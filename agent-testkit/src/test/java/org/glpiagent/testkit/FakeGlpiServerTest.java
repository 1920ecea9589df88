package org.glpiagent.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake server gives GLPI's literal answers (shared/glpi/server-answers.txt), byte for byte. */
class FakeGlpiServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeGlpiServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<byte[]> post(String path, String type, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void prologAnswersTheLiteralXmlAndJsonWithAgentId() throws Exception {
    server = FakeGlpiServer.start();
    byte[] prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><REQUEST><DEVICEID>mydeviceuniqueid</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>".getBytes(StandardCharsets.UTF_8);
    var r = post("/Inventory", "application/xml", prolog);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).contains("application/xml");
    assertThat(text(r)).isEqualTo("<?xml version=\"1.0\"?>\n<REPLY><PROLOG_FREQ>24</PROLOG_FREQ><RESPONSE>SEND</RESPONSE></REPLY>");
    var j = post("/front/inventory.php", "application/xml", prolog, "GLPI-Agent-ID", "3a609a2e-947f-4e6a-9af9-32c024ac3944");
    assertThat(text(j)).isEqualTo("{\"expiration\":\"24\",\"status\":\"ok\"}");
    assertThat(j.headers().firstValue("glpi-agent-id")).contains("3a609a2e-947f-4e6a-9af9-32c024ac3944");
  }

  @Test
  void answersAreCompressedLikeTheRequest() throws Exception {
    server = FakeGlpiServer.start();
    byte[] prolog = "<REQUEST><DEVICEID>x</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>".getBytes(StandardCharsets.UTF_8);
    for (WireCodec c : new WireCodec[] {WireCodec.ZLIB, WireCodec.GZIP, WireCodec.DEFLATE, WireCodec.BROTLI}) {
      var r = post("/", c.answerType(false), c.encode(prolog));
      assertThat(r.headers().firstValue("content-type")).contains(c.answerType(false));
      assertThat(new String(c.decode(r.body()), StandardCharsets.UTF_8)).contains("<PROLOG_FREQ>24</PROLOG_FREQ>");
    }
  }

  @Test
  void contactCoreOnlyAndUnknownTask() throws Exception {
    server = FakeGlpiServer.start();
    var r = post("/", "application/json", "{\"action\":\"contact\",\"deviceid\":\"d\",\"enabled-tasks\":[\"deploy\",\"inventory\",\"remoteinventory\"]}".getBytes(StandardCharsets.UTF_8), "GLPI-Agent-ID", "a");
    assertThat(text(r)).isEqualTo("{\"message\":\"deploy task not supported;remoteinventory task not supported\",\"disabled\":[\"deploy\",\"remoteinventory\"],\"expiration\":\"24\",\"status\":\"ok\",\"tasks\":{\"inventory\":{\"server\":\"glpi\",\"version\":\"11.0.1\"}}}");
    var bad = post("/", "application/json", "{\"action\":\"contact\",\"deviceid\":\"d\",\"enabled-tasks\":[\"foo\"]}".getBytes(StandardCharsets.UTF_8));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(text(bad)).contains("\"status\":\"ok\"").contains("Task 'foo' is not supported.");
  }

  @Test
  void unknownActionIs501InBothDialects() throws Exception {
    server = FakeGlpiServer.start();
    var x = post("/", "application/xml", "<REQUEST><DEVICEID>x</DEVICEID><QUERY>REGISTER</QUERY></REQUEST>".getBytes(StandardCharsets.UTF_8));
    assertThat(x.statusCode()).isEqualTo(501);
    assertThat(text(x)).isEqualTo("<?xml version=\"1.0\"?>\n<REPLY><ERROR><![CDATA[Query 'register' is not supported.]]></ERROR></REPLY>");
    var j = post("/", "application/json", "{\"action\":\"CONTACT\",\"deviceid\":\"d\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(j.statusCode()).isEqualTo(501);
    assertThat(text(j)).isEqualTo("{\"status\":\"error\",\"message\":\"Query 'CONTACT' is not supported.\",\"expiration\":24}");
  }

  @Test
  void malformedBodiesAndGet() throws Exception {
    server = FakeGlpiServer.start();
    assertThat(text(post("/", "application/json", new byte[0]))).isEqualTo("{\"status\":\"error\",\"message\":\"JSON not well formed!\",\"expiration\":24}");
    assertThat(post("/", "application/xml", "oops".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
    var get = http.send(HttpRequest.newBuilder(server.uri("/front/inventory.php")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    var cfg = http.send(HttpRequest.newBuilder(server.uri("/front/inventory.php?action=getConfig")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(cfg.statusCode()).isEqualTo(400);
    assertThat(cfg.body()).isEqualTo("{\"status\":\"error\",\"message\":\"Protocol not supported\",\"expiration\":24}");
  }

  @Test
  void inventoryIsValidatedAndAnsweredByDialect() throws Exception {
    server = FakeGlpiServer.start();
    byte[] ok = "{\"action\":\"inventory\",\"deviceid\":\"myid\",\"itemtype\":\"Computer\",\"content\":{\"versionclient\":\"GLPI-Agent_v1.0\",\"hardware\":{\"name\":\"my inventory\"}}}".getBytes(StandardCharsets.UTF_8);
    assertThat(text(post("/", "application/json", ok, "GLPI-Agent-ID", "a"))).isEqualTo("{\"expiration\":\"24\",\"status\":\"ok\"}");
    assertThat(text(post("/", "application/json", ok))).isEqualTo("{\"RESPONSE\":\"SEND\"}");
    byte[] bad = "{\"action\":\"inventory\",\"deviceid\":\"myid\",\"content\":{\"hardware\":{\"name\":\"x\"}}}".getBytes(StandardCharsets.UTF_8);
    var r = post("/", "application/json", bad);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(text(r)).contains("JSON does not validate").contains("versionclient");
    server.version(FakeGlpiServer.Version.GLPI_10);
    assertThat(post("/", "application/json", bad).statusCode()).isEqualTo(500);
    assertThat(server.inventories()).hasSize(2);
  }

  @Test
  void basicAuthAndOAuth() throws Exception {
    server = FakeGlpiServer.start().auth(FakeGlpiServer.Auth.BASIC).basicCredentials("u", "p");
    byte[] prolog = "<REQUEST><DEVICEID>x</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>".getBytes(StandardCharsets.UTF_8);
    var r = post("/", "application/xml", prolog);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("www-authenticate")).contains("Basic realm=\"basic\"");
    assertThat(text(r)).contains("Authorization header required");
    String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8));
    assertThat(post("/", "application/xml", prolog, "Authorization", basic).statusCode()).isEqualTo(200);

    server.auth(FakeGlpiServer.Auth.CLIENT_CREDENTIALS).clientCredentials("id", "sec", 60);
    var tok = post("/api.php/token", "application/json", "{\"grant_type\":\"client_credentials\",\"client_id\":\"id\",\"client_secret\":\"sec\",\"scope\":\"inventory\"}".getBytes(StandardCharsets.UTF_8));
    String token = FakeGlpiServer.JSON.readTree(tok.body()).path("access_token").asText();
    assertThat(post("/", "application/xml", prolog, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    assertThat(post("/", "application/xml", prolog, "Authorization", "Bearer nope").statusCode()).isEqualTo(401);
  }

  @Test
  void pluginHandsOutQueuedOptionsOnceToAKnownAgentWithoutAgentId() throws Exception {
    server = FakeGlpiServer.start().plugin(true).queueOption("<OPTION><NAME>NETDISCOVERY</NAME><PARAM PID=\"42\"/></OPTION>");
    byte[] prolog = "<REQUEST><DEVICEID>dev1</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>".getBytes(StandardCharsets.UTF_8);
    assertThat(text(post("/", "application/xml", prolog))).contains("<NAME>NETDISCOVERY</NAME>");
    assertThat(text(post("/", "application/xml", prolog))).doesNotContain("OPTION");
  }

  @Test
  void faultsArePlayedOnceInOrder() throws Exception {
    server = FakeGlpiServer.start().fault("prolog", new Fault.Busy(503, "30s")).fault("prolog", new Fault.TruncatedCompression());
    byte[] prolog = "<REQUEST><DEVICEID>x</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>".getBytes(StandardCharsets.UTF_8);
    var busy = post("/", "application/xml", prolog);
    assertThat(busy.statusCode()).isEqualTo(503);
    assertThat(text(busy)).contains("busy server");
    var cut = post("/", "application/xml", prolog);
    assertThat(cut.headers().firstValue("content-type")).contains("application/x-compress-zlib");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WireCodec.ZLIB.decode(cut.body())).isInstanceOf(java.io.IOException.class);
    assertThat(post("/", "application/xml", prolog).statusCode()).isEqualTo(200);
    assertThat(server.requests("prolog")).extracting(Recorded::code).containsExactly(503, 200, 200);
  }
}
