package org.glpiagent.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.glpiagent.client.Message;
import org.glpiagent.protocol.ContactRequest;
import org.glpiagent.testing.ScriptedClient;
import org.junit.jupiter.api.Test;

class ServerDialogueTest {
  private static final URI URL = URI.create("http://127.0.0.1:1/");
  private static final ContactRequest CONTACT =
      new ContactRequest("dev-1", "GLPI-Agent", "1.0", List.of("inventory"), List.of("inventory", "bogus"), null, null);
  private static final String PROLOG_OK =
      "<?xml version=\"1.0\"?>\n<REPLY><PROLOG_FREQ>12</PROLOG_FREQ><RESPONSE>SEND</RESPONSE></REPLY>";

  private static ServerDialogue.Result open(ScriptedClient c, ServerKind known) throws Exception {
    return new ServerDialogue(c, CONTACT, "dev-1", ServerDialogue.ProtocolMode.AUTO).open(URL, known, false);
  }

  @Test
  void contactOkProceedsWithTheServersDelayAndDisabledTasks() throws Exception {
    ScriptedClient c =
        new ScriptedClient()
            .thenJson(
                200,
                "{\"message\":\"deploy task not supported\",\"disabled\":[\"deploy\"],\"expiration\":\"2h\",\"status\":\"ok\",\"tasks\":{\"inventory\":{\"server\":\"glpi\",\"no-category\":\"process\"}}}");
    var r = (ServerDialogue.Proceed) open(c, ServerKind.UNKNOWN);
    assertThat(r.kind()).isEqualTo(ServerKind.GLPI);
    assertThat(r.maxDelay()).contains(Duration.ofHours(2));
    assertThat(r.disabled()).containsExactly("deploy");
    assertThat(r.instructions().paramsOf("inventory").orElseThrow().path("no-category").asText())
        .isEqualTo("process");
    assertThat(c.sent).hasSize(1);
    assertThat(c.sent.get(0).format()).isEqualTo(Message.Format.JSON);
    // only task names GLPI knows are announced: an unknown one gets HTTP 400 from GLPI
    assertThat(c.sentText(0)).contains("\"action\":\"contact\"").contains("\"enabled-tasks\":[\"inventory\"]");
  }

  @Test
  void pluginTasksTriggerAPrologWithoutAgentIdAndItsOptionsArePassedOn() throws Exception {
    ScriptedClient c =
        new ScriptedClient()
            .thenJson(
                200,
                "{\"expiration\":\"24\",\"status\":\"ok\",\"tasks\":{\"inventory\":{\"server\":\"glpi\"},\"netdiscovery\":{\"version\":\"1.6.10\",\"server\":\"glpiinventory\"}}}")
            .thenXml(
                200,
                "<?xml version=\"1.0\"?>\n<REPLY><PROLOG_FREQ>24</PROLOG_FREQ><RESPONSE>SEND</RESPONSE><OPTION><NAME>NETDISCOVERY</NAME><PARAM PID=\"42\"/></OPTION></REPLY>");
    var r = (ServerDialogue.Proceed) open(c, ServerKind.UNKNOWN);
    assertThat(c.sent.get(1).options().sendAgentId()).isFalse();
    assertThat(c.sentText(1)).contains("<QUERY>PROLOG</QUERY>");
    assertThat(r.instructions().optionsNamed("NETDISCOVERY")).hasSize(1);
  }

  @Test
  void xmlAnswerToContactFallsBackToPrologAndMarksTheServerLegacy() throws Exception {
    ScriptedClient c =
        new ScriptedClient()
            .thenXml(200, "<?xml version=\"1.0\"?>\n<REPLY><ERROR>unknown</ERROR></REPLY>")
            .thenXml(200, PROLOG_OK);
    var r = (ServerDialogue.Proceed) open(c, ServerKind.UNKNOWN);
    assertThat(r.kind()).isEqualTo(ServerKind.LEGACY);
    assertThat(r.maxDelay()).contains(Duration.ofHours(12));
    assertThat(r.inventoryWanted()).isTrue();
    assertThat(c.sent.get(1).format()).isEqualTo(Message.Format.XML);
    assertThat(c.sent.get(1).options().sendAgentId()).isTrue();
  }

  @Test
  void errorPageToContactFallsBackToProlog() throws Exception {
    ScriptedClient c =
        new ScriptedClient().then(404, "text/html", "<html>not found</html>").thenXml(200, PROLOG_OK);
    assertThat(open(c, ServerKind.UNKNOWN).kind()).isEqualTo(ServerKind.LEGACY);
  }

  @Test
  void legacyServerGetsPrologFirstAndContactWhenItAnswersJson() throws Exception {
    ScriptedClient c =
        new ScriptedClient()
            .thenJson(200, "{\"expiration\":\"24\",\"status\":\"ok\"}")
            .thenJson(200, "{\"expiration\":\"24\",\"status\":\"ok\",\"tasks\":{\"inventory\":{\"server\":\"glpi\"}}}");
    var r = open(c, ServerKind.LEGACY);
    assertThat(c.sentText(0)).contains("PROLOG");
    assertThat(c.sentText(1)).contains("\"action\":\"contact\"");
    assertThat(r.kind()).isEqualTo(ServerKind.GLPI);
  }

  @Test
  void errorStatusIsARejectionWithItsExpiration() throws Exception {
    ScriptedClient c =
        new ScriptedClient()
            .thenJson(
                401,
                "{\"status\":\"error\",\"message\":\"Authorization header required to send an inventory\",\"expiration\":24}");
    var r = (ServerDialogue.Stop) open(c, ServerKind.UNKNOWN);
    assertThat(r.outcome())
        .isEqualTo(
            new Outcome.ServerRejected(
                "HTTP 401: Authorization header required to send an inventory",
                java.util.Optional.of(Duration.ofHours(24))));
    assertThat(c.sent).hasSize(1);
  }

  @Test
  void unknownTaskAnswerIsARejectionEvenWithStatusOk() throws Exception {
    ScriptedClient c =
        new ScriptedClient()
            .thenJson(
                400,
                "{\"status\":\"ok\",\"message\":\"Task 'foo' is not supported.;foo task not supported\",\"expiration\":\"24\",\"disabled\":[\"foo\"]}");
    var r = (ServerDialogue.Stop) open(c, ServerKind.UNKNOWN);
    assertThat(r.outcome()).isInstanceOf(Outcome.ServerRejected.class);
    assertThat(((Outcome.ServerRejected) r.outcome()).message()).contains("Task 'foo' is not supported.");
  }

  @Test
  void busyServerIsPendingAtItsExpiration() throws Exception {
    ScriptedClient c =
        new ScriptedClient().thenJson(503, "{\"status\":\"error\",\"message\":\"busy server\",\"expiration\":\"30m\"}");
    var r = (ServerDialogue.Stop) open(c, ServerKind.GLPI);
    assertThat(r.outcome()).isInstanceOf(Outcome.ServerPending.class);
    assertThat(((Outcome.ServerPending) r.outcome()).retryIn()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void pendingContactRetriesAtItsExpiration() throws Exception {
    ScriptedClient c = new ScriptedClient().thenJson(200, "{\"status\":\"pending\",\"expiration\":\"45s\"}");
    var r = (ServerDialogue.Stop) open(c, ServerKind.GLPI);
    assertThat(r.outcome()).isEqualTo(new Outcome.ServerPending(Duration.ofSeconds(45), "CONTACT pending"));
  }

  @Test
  void noAnswerIsANetworkFailure() throws Exception {
    var r = (ServerDialogue.Stop) open(new ScriptedClient().thenFail("connection refused"), ServerKind.GLPI);
    assertThat(r.outcome()).isEqualTo(new Outcome.NetworkFailure("CONTACT: connection refused"));
  }

  @Test
  void garbageFromBothDialectsIsANetworkFailure() throws Exception {
    ScriptedClient c =
        new ScriptedClient().then(200, "text/html", "\u0001\u0002garbage").then(200, "text/html", "more garbage");
    var r = (ServerDialogue.Stop) open(c, ServerKind.UNKNOWN);
    assertThat(r.outcome()).isInstanceOf(Outcome.NetworkFailure.class);
    assertThat(((Outcome.NetworkFailure) r.outcome()).reason()).contains("PROLOG").contains("text/html");
  }

  @Test
  void malformedJsonContactAnswerFallsBackOnce() throws Exception {
    ScriptedClient c =
        new ScriptedClient().thenJson(200, "{\"status\":\"ok\",").thenJson(200, "{\"status\":\"ok\",");
    var r = (ServerDialogue.Stop) open(c, ServerKind.UNKNOWN);
    assertThat(r.outcome()).isInstanceOf(Outcome.NetworkFailure.class);
    assertThat(c.sent).hasSize(2);
  }

  @Test
  void forcedXmlModeNeverSendsJson() throws Exception {
    ScriptedClient c = new ScriptedClient().thenXml(200, PROLOG_OK);
    new ServerDialogue(c, CONTACT, "dev-1", ServerDialogue.ProtocolMode.XML).open(URL, ServerKind.GLPI, false);
    assertThat(c.sent).hasSize(1);
    assertThat(c.sent.get(0).format()).isEqualTo(Message.Format.XML);
  }

  @Test
  void inventoryDisabledPageIsARejection() throws Exception {
    ScriptedClient c = new ScriptedClient().then(403, "text/html", "<html><h1>Inventory is disabled</h1></html>");
    var r = (ServerDialogue.Stop) open(c, ServerKind.GLPI);
    assertThat(r.outcome()).isInstanceOf(Outcome.ServerRejected.class);
  }
}
