package org.glpiagent.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glpiagent.register.Vectors.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.glpiagent.client.Message;
import org.glpiagent.protocol.Json;
import org.glpiagent.protocol.RegisterRequest;
import org.glpiagent.state.StateStore;
import org.glpiagent.testing.MutableClock;
import org.glpiagent.testing.ScriptedClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's REGISTER exchange against a scripted server, every block on the wire known in advance. */
class RegistrarTest {
  private static final URI URL = URI.create("https://glpi.example/front/inventory.php");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String FIRST =
      "{\"action\":\"register\",\"deviceid\":\"pc-2026-01-01-00-00-00\",\"port\":62354,\"name\":\"GLPI-Agent\",\"version\":\"1.0\",\"tag\":\"lab\"}";

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);
  private final ScriptedClient wire = new ScriptedClient();
  private final KeyRing ring = new KeyRing();
  private final SealingClient channel = new SealingClient(wire, ring);

  private Registrar registrar(RegisterSettings.Mode mode, String token, String randomHex) throws Exception {
    RegisterSettings s = new RegisterSettings(mode, token == null ? Optional.empty() : Optional.of(Token.parse(token)), true);
    return new Registrar(channel, ring, s, new RegisterRequest.First("pc-2026-01-01-00-00-00", 62354, "GLPI-Agent", "1.0", "lab"),
        AGENT, clock, new FixedBytes(randomHex));
  }

  private StateStore store() {
    return new StateStore(dir.resolve("server0"), clock);
  }

  private JsonNode state() throws Exception {
    return Json.MAPPER.readTree(dir.resolve("server0/register.json").toFile());
  }

  private static String challengeAnswer(String challenge) {
    return "{\"action\":\"register\",\"challenge\":\"" + challenge + "\"}";
  }

  private void scriptHandshake() {
    wire.thenJson(200, "{\"status\":\"pending\",\"needs\":\"token-validation\",\"expiration\":\"1m\",\"challenge\":\"" + CHALLENGE + "\"}");
    wire.thenJson(200, "{\"status\":\"registered\",\"expiration\":\"30d\",\"challenge\":\"" + FINAL + "\",\"crypto\":\"" + CRYPTO + "\"}");
  }

  @Test
  void tokenValidationPutsEveryBlockOnTheWireAsTheSpecificationSays() throws Exception {
    scriptHandshake();
    Registrar r = registrar(RegisterSettings.Mode.YES, TOKEN, AGENT_SECRET + NONCE);
    assertThat(r.ensure(URL, store())).isEqualTo(new Registrar.Proceed(true));

    assertThat(wire.sentText(0)).isEqualTo(FIRST);
    assertThat(wire.sent.get(0).options().cipher()).isEmpty();
    assertThat(wire.sentText(1)).isEqualTo(challengeAnswer(ANSWER));
    assertThat(wire.sent.get(1).options().cipher()).isEmpty();

    // the key from crypto now seals what follows, with the next random bytes as nonce
    SessionKey key = ring.get(URL).orElseThrow();
    assertThat(key.keyId()).isEqualTo(AGENT.toString());
    assertThat(HexFormat.of().formatHex(key.seal("{\"action\":\"contact\"}".getBytes(StandardCharsets.UTF_8)))).isEqualTo(SEALED_CONTACT);
    wire.thenJson(200, "{\"status\":\"ok\"}");
    channel.post(URL, Message.json("{}".getBytes(StandardCharsets.UTF_8)));
    assertThat(wire.sent.get(2).options().cipher()).containsSame(key);

    JsonNode st = state();
    assertThat(st.path("status").asText()).isEqualTo("REGISTERED");
    assertThat(st.path("nextAttempt").asText()).isEqualTo("2026-01-16T00:00:00Z");
    assertThat(st.path("expiresAt").asText()).isEqualTo("2026-01-31T00:00:00Z");
    assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(st.path("key").asText()))).isEqualTo(KEY_HEX);
    assertThat(Files.getPosixFilePermissions(dir.resolve("server0/register.json"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("server0"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void aRestartedAgentReadsItsKeyBackAndRenewsSealedAtHalfTheExpiration() throws Exception {
    scriptHandshake();
    registrar(RegisterSettings.Mode.YES, TOKEN, AGENT_SECRET).ensure(URL, store());
    KeyRing fresh = new KeyRing();
    ScriptedClient wire2 = new ScriptedClient();
    Registrar later = new Registrar(new SealingClient(wire2, fresh), fresh,
        new RegisterSettings(RegisterSettings.Mode.YES, Optional.of(Token.parse(TOKEN)), true),
        new RegisterRequest.First("pc", 0, "GLPI-Agent", "1.0", null), AGENT, clock, new FixedBytes(""));
    clock.set(T0.plus(Duration.ofDays(15)).minusSeconds(1));
    assertThat(later.ensure(URL, store())).isEqualTo(new Registrar.Proceed(true));
    assertThat(wire2.sent).isEmpty();
    assertThat(HexFormat.of().formatHex(fresh.get(URL).orElseThrow().bytes())).isEqualTo(KEY_HEX);

    clock.set(T0.plus(Duration.ofDays(15)));
    wire2.thenJson(200, "{\"status\":\"registered\",\"expiration\":\"30d\"}");
    assertThat(later.ensure(URL, store())).isEqualTo(new Registrar.Proceed(true));
    assertThat(wire2.sent.get(0).options().cipher()).isPresent(); // registered and not expired: sealed
    assertThat(state().path("expiresAt").asText()).isEqualTo("2026-02-15T00:00:00Z"); // same key, new term
    assertThat(state().path("key").asText()).isNotEmpty();
  }

  @Test
  void aChallengeThatDoesNotNameThisAgentIsAnsweredFailureThenSilence() throws Exception {
    wire.thenJson(200, "{\"status\":\"pending\",\"needs\":\"token-validation\",\"expiration\":\"1m\",\"challenge\":\"" + CHALLENGE_FOR_OTHER + "\"}");
    wire.thenJson(400, "{\"status\":\"error\",\"message\":\"challenge refused by the agent\",\"expiration\":\"2h\"}");
    Registrar r = registrar(RegisterSettings.Mode.YES, TOKEN, AGENT_SECRET);
    Registrar.Decision d = r.ensure(URL, store());
    assertThat(wire.sentText(1)).isEqualTo(challengeAnswer("failure"));
    assertThat(d).isInstanceOf(Registrar.Hold.class);
    Registrar.Hold h = (Registrar.Hold) d;
    assertThat(h.reason()).isEqualTo(Registrar.Reason.REFUSED);
    assertThat(h.retryIn()).isEqualTo(Duration.ofHours(2));
    assertThat(h.why()).contains(URL.toString()).contains("do not match the agent id");
    assertThat(ring.get(URL)).isEmpty();

    clock.advance(Duration.ofHours(2).minusSeconds(1));
    assertThat(r.ensure(URL, store())).isInstanceOf(Registrar.Hold.class);
    assertThat(wire.sent).hasSize(2); // silent
    clock.advance(Duration.ofSeconds(1));
    wire.thenJson(200, "{\"status\":\"registered\",\"expiration\":\"1d\"}");
    assertThat(r.ensure(URL, store())).isEqualTo(new Registrar.Proceed(false));
    assertThat(wire.sentText(2)).isEqualTo(FIRST);
  }

  @Test
  void aWrongTokenATruncatedChallengeOrNoTokenAllEndInFailure() throws Exception {
    for (String[] c : List.of(new String[] {OTHER_TOKEN, CHALLENGE}, new String[] {TOKEN, CHALLENGE.substring(0, 35)}, new String[] {null, CHALLENGE})) {
      ScriptedClient w = new ScriptedClient();
      KeyRing k = new KeyRing();
      RegisterSettings s = new RegisterSettings(RegisterSettings.Mode.YES, c[0] == null ? Optional.empty() : Optional.of(Token.parse(c[0])), true);
      Registrar r = new Registrar(new SealingClient(w, k), k, s, new RegisterRequest.First("pc", 0, "GLPI-Agent", "1.0", null), AGENT, clock, new FixedBytes(AGENT_SECRET));
      w.thenJson(200, "{\"status\":\"pending\",\"needs\":\"token-validation\",\"expiration\":\"1m\",\"challenge\":\"" + c[1] + "\"}");
      w.thenJson(400, "{\"status\":\"error\",\"message\":\"challenge refused by the agent\",\"expiration\":\"1h\"}");
      Registrar.Decision d = r.ensure(URL, new StateStore(dir.resolve("t" + w.hashCode()), clock));
      assertThat(w.sentText(1)).isEqualTo(challengeAnswer("failure"));
      assertThat(d).isInstanceOf(Registrar.Hold.class);
    }
  }

  @Test
  void aFinalChallengeReplayedFromAnEarlierRegistrationOrAKeyWithoutProofIsRefused() throws Exception {
    // this registration draws another agent secret; the server replays the final challenge of the vectors
    wire.thenJson(200, "{\"status\":\"pending\",\"needs\":\"token-validation\",\"expiration\":\"1m\",\"challenge\":\"" + CHALLENGE + "\"}");
    wire.thenJson(200, "{\"status\":\"registered\",\"expiration\":\"30d\",\"challenge\":\"" + FINAL + "\",\"crypto\":\"" + CRYPTO + "\"}");
    wire.thenJson(400, "{\"status\":\"error\",\"message\":\"challenge refused by the agent\",\"expiration\":\"1h\"}");
    Registrar.Decision d = registrar(RegisterSettings.Mode.YES, TOKEN, "0102030405060708").ensure(URL, store());
    assertThat(wire.sentText(2)).isEqualTo(challengeAnswer("failure"));
    assertThat(((Registrar.Hold) d).why()).contains("replayed");
    assertThat(state().has("key")).isFalse();
    assertThat(ring.get(URL)).isEmpty();

    ScriptedClient w = new ScriptedClient();
    KeyRing k = new KeyRing();
    Registrar r = new Registrar(new SealingClient(w, k), k, new RegisterSettings(RegisterSettings.Mode.YES, Optional.of(Token.parse(TOKEN)), true),
        new RegisterRequest.First("pc", 0, "GLPI-Agent", "1.0", null), AGENT, clock, new FixedBytes(AGENT_SECRET));
    w.thenJson(200, "{\"status\":\"pending\",\"needs\":\"token-validation\",\"expiration\":\"1m\",\"challenge\":\"" + CHALLENGE + "\"}");
    w.thenJson(200, "{\"status\":\"registered\",\"expiration\":\"30d\",\"crypto\":\"" + CRYPTO + "\"}");
    w.thenJson(400, "{\"status\":\"error\",\"expiration\":\"1h\"}");
    Registrar.Decision noProof = r.ensure(URL, new StateStore(dir.resolve("t2"), clock));
    assertThat(((Registrar.Hold) noProof).why()).contains("without a final challenge");
    assertThat(k.get(URL)).isEmpty();
  }

  @Test
  void glpisNotSupportedIsRememberedForADayAndRequiredRegistrationSaysSo() throws Exception {
    wire.thenJson(501, "{\"status\":\"error\",\"message\":\"Query 'register' is not supported.\",\"expiration\":24}");
    Registrar yes = registrar(RegisterSettings.Mode.YES, TOKEN, "");
    assertThat(yes.ensure(URL, store())).isEqualTo(new Registrar.Proceed(false));
    assertThat(state().path("status").asText()).isEqualTo("UNSUPPORTED");
    clock.advance(Duration.ofHours(23));
    assertThat(yes.ensure(URL, store())).isEqualTo(new Registrar.Proceed(false));
    assertThat(wire.sent).hasSize(1);

    Registrar required = registrar(RegisterSettings.Mode.REQUIRED, TOKEN, "");
    Registrar.Hold h = (Registrar.Hold) required.ensure(URL, store());
    assertThat(h.reason()).isEqualTo(Registrar.Reason.REFUSED);
    assertThat(h.why()).isEqualTo("server " + URL + " does not support REGISTER (HTTP 501: Query 'register' is not supported.) and the"
        + " configuration requires registration (register = required): nothing was sent to it");
    assertThat(h.retryIn()).isEqualTo(Duration.ofHours(1));

    clock.advance(Duration.ofHours(1));
    wire.then(500, "text/html", "<html>Internal Server Error</html>"); // a legacy server: no JSON at all
    assertThat(required.ensure(URL, store())).isInstanceOf(Registrar.Hold.class);
    assertThat(wire.sent).hasSize(2);
  }

  @Test
  void manualValidationGoesOnInTheClearUnlessRegistrationIsRequired() throws Exception {
    wire.thenJson(200, "{\"status\":\"pending\",\"needs\":\"manual-validation\",\"expiration\":\"30m\"}");
    assertThat(registrar(RegisterSettings.Mode.YES, null, "").ensure(URL, store())).isEqualTo(new Registrar.Proceed(false));
    assertThat(state().path("nextAttempt").asText()).isEqualTo("2026-01-01T00:30:00Z");
    Registrar.Hold h = (Registrar.Hold) registrar(RegisterSettings.Mode.REQUIRED, null, "").ensure(URL, store());
    assertThat(h.reason()).isEqualTo(Registrar.Reason.PENDING);
    assertThat(h.retryIn()).isEqualTo(Duration.ofMinutes(30));
    assertThat(wire.sent).hasSize(1);
  }

  @Test
  void noAnswerToARenewalKeepsTheKeyAndRetriesAtTheMiddleOfWhatRemains() throws Exception {
    scriptHandshake();
    Registrar r = registrar(RegisterSettings.Mode.YES, TOKEN, AGENT_SECRET + NONCE);
    r.ensure(URL, store());
    clock.set(T0.plus(Duration.ofDays(15)));
    wire.thenFail("connection refused");
    Registrar.Hold h = (Registrar.Hold) r.ensure(URL, store());
    assertThat(h.reason()).isEqualTo(Registrar.Reason.NO_ANSWER);
    assertThat(h.why()).contains("connection refused");
    assertThat(state().path("nextAttempt").asText()).isEqualTo("2026-01-23T12:00:00Z");
    assertThat(ring.get(URL)).isPresent();
    clock.set(T0.plus(Duration.ofDays(16)));
    assertThat(r.ensure(URL, store())).isEqualTo(new Registrar.Proceed(true));
    assertThat(wire.sent).hasSize(3);
  }

  @Test
  void aKeyRefusedMidSessionIsForgottenAndARefusedRenewalRegistersAfreshInTheClear() throws Exception {
    scriptHandshake();
    Registrar r = registrar(RegisterSettings.Mode.YES, TOKEN, AGENT_SECRET + NONCE);
    r.ensure(URL, store());
    // mid-session: the server answers a sealed CONTACT in the clear with a 403
    wire.thenJson(403, "{\"status\":\"error\",\"message\":\"unknown or revoked crypto key\"}");
    try {
      channel.post(URL, Message.json("{}".getBytes(StandardCharsets.UTF_8)));
      throw new AssertionError("a refused key must not look like an answer");
    } catch (KeyRefusedException e) {
      assertThat(e.getMessage()).contains("HTTP 403").contains("unknown or revoked crypto key");
    }
    assertThat(ring.get(URL)).isEmpty();
    assertThat(state().path("status").asText()).isEqualTo("NONE");
    assertThat(state().has("key")).isFalse();

    // a new run registers again at once, in the clear
    wire.thenJson(200, "{\"status\":\"registered\",\"expiration\":\"1d\"}");
    assertThat(r.ensure(URL, store())).isEqualTo(new Registrar.Proceed(false));
    assertThat(wire.sent.get(3).options().cipher()).isEmpty();
  }

  @Test
  void aSealedRenewalRefusedInTheClearIsRetriedUnsealedInTheSameRun() throws Exception {
    scriptHandshake();
    Registrar r = registrar(RegisterSettings.Mode.YES, TOKEN, AGENT_SECRET + NONCE);
    r.ensure(URL, store());
    clock.set(T0.plus(Duration.ofDays(15)));
    wire.thenJson(403, "{\"status\":\"error\",\"message\":\"unknown or revoked crypto key\"}");
    wire.thenJson(200, "{\"status\":\"registered\",\"expiration\":\"1d\"}");
    assertThat(r.ensure(URL, store())).isEqualTo(new Registrar.Proceed(false));
    assertThat(wire.sent.get(2).options().cipher()).isPresent();
    assertThat(wire.sent.get(3).options().cipher()).isEmpty();
    assertThat(wire.sentText(3)).isEqualTo(FIRST);
  }

  @Test
  void anErrorSilencesTheAgentWhateverTheMode() throws Exception {
    wire.thenJson(403, "{\"status\":\"error\",\"message\":\"forbidden\",\"expiration\":\"4h\"}");
    Registrar.Hold h = (Registrar.Hold) registrar(RegisterSettings.Mode.YES, null, "").ensure(URL, store());
    assertThat(h.reason()).isEqualTo(Registrar.Reason.REFUSED);
    assertThat(h.retryIn()).isEqualTo(Duration.ofHours(4));
    assertThat(h.why()).contains("forbidden");
  }

  @Test
  void registrationOffSendsNothing() throws Exception {
    Registrar r = new Registrar(channel, ring, RegisterSettings.OFF, null, AGENT, clock, new FixedBytes(""));
    assertThat(r.ensure(URL, store())).isEqualTo(new Registrar.Proceed(false));
    assertThat(Registrar.disabled().ensure(URL, store())).isEqualTo(new Registrar.Proceed(false));
    assertThat(wire.sent).isEmpty();
    assertThat(Files.exists(dir.resolve("server0/register.json"))).isFalse();
  }

  @Test
  void aGatewayErrorPageIsNoAnswerNotAServerWithoutRegister() throws Exception {
    wire.then(502, "text/html", "<html><body>Bad Gateway</body></html>");
    Registrar.Hold h = (Registrar.Hold) registrar(RegisterSettings.Mode.YES, TOKEN, "").ensure(URL, store());
    assertThat(h.reason()).isEqualTo(Registrar.Reason.NO_ANSWER);
    assertThat(h.why()).contains("HTTP 502");
    assertThat(state().path("status").asText()).isEqualTo("NONE");
    wire.thenJson(200, "{\"status\":\"registered\",\"expiration\":\"1d\"}");
    assertThat(registrar(RegisterSettings.Mode.YES, TOKEN, "").ensure(URL, store())).isEqualTo(new Registrar.Proceed(false));
  }

  @Test
  void aLoginRefusalInTheClearIsAnAnswerAndKeepsTheKey() throws Exception {
    scriptHandshake();
    registrar(RegisterSettings.Mode.YES, TOKEN, AGENT_SECRET + NONCE).ensure(URL, store());
    wire.thenJson(401, "{\"status\":\"error\",\"message\":\"Authorization header required to send an inventory\"}");
    assertThat(channel.post(URL, Message.json("{}".getBytes(StandardCharsets.UTF_8))).code()).isEqualTo(401);
    assertThat(ring.get(URL)).isPresent();
    assertThat(state().path("status").asText()).isEqualTo("REGISTERED");
  }
}
