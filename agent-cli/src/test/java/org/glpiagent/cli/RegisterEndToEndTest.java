package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.glpiagent.testkit.FakeGlpiServer;
import org.glpiagent.testkit.FakeGlpiServer.Registration;
import org.glpiagent.testkit.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REGISTER through the real entry point against the loopback server's half of the protocol. */
class RegisterEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "00010203-0405-0607-0809-0a0b0c0d0e0f";
  private static final String OTHER_TOKEN = "0f0e0d0c-0b0a-0908-0706-050403020100";
  @TempDir Path dir;
  private FakeGlpiServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Path vardir() {
    return dir.resolve("var");
  }

  private AgentRun run(String... more) {
    List<String> a = new java.util.ArrayList<>(List.of("--tasks", "inventory", "--no-category", "software,process,environment"));
    a.addAll(List.of(more));
    return AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), vardir(), a.toArray(String[]::new)));
  }

  private Path registerFile() throws Exception {
    try (Stream<Path> s = Files.walk(vardir())) {
      return s.filter(p -> p.getFileName().toString().equals("register.json")).findFirst().orElseThrow();
    }
  }

  private static byte[] aes(int mode, String token, byte[] block) throws Exception {
    Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
    c.init(mode, new SecretKeySpec(HexFormat.of().parseHex(token.replace("-", "")), "AES"));
    return c.doFinal(block);
  }

  private static byte[] block(String uuid) {
    return HexFormat.of().parseHex(uuid.replace("-", ""));
  }

  private static JsonNode json(Recorded r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void tokenValidationGivesAKeyAndEveryLaterMessageIsSealedWithIt() throws Exception {
    server = FakeGlpiServer.start().registration(Registration.TOKEN).registrationToken(TOKEN);
    AgentRun r = run("--register", "yes", "--token", TOKEN, "--debug", "--debug");
    assertThat(r.code).as(r.toString()).isZero();

    List<Recorded> posts = server.posts();
    assertThat(posts).extracting(Recorded::action).containsExactly("register", "register", "contact", "inventory");
    Recorded first = posts.get(0);
    String agentId = first.header("glpi-agent-id");
    JsonNode m1 = json(first);
    assertThat(m1.path("action").asText()).isEqualTo("register");
    assertThat(m1.path("deviceid").asText()).isNotEmpty();
    assertThat(m1.path("port").asInt(-1)).isZero(); // --no-httpd: not joinable
    assertThat(m1.path("name").asText()).isEqualTo("GLPI-Agent");
    assertThat(m1.has("version")).isTrue();
    assertThat(first.header("glpi-cryptokey-id")).isNull();

    // the agent's answer decrypts, under the token, to the server secret and 8 bytes of the agent's own
    Recorded second = posts.get(1);
    assertThat(second.header("glpi-cryptokey-id")).isNull();
    String answer = json(second).path("challenge").asText();
    assertThat(answer).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    byte[] plain = aes(Cipher.DECRYPT_MODE, TOKEN, block(answer));
    assertThat(second.code()).isEqualTo(200); // the server found its secret in the first 64 bits
    assertThat(java.util.Arrays.copyOfRange(plain, 8, 16)).isNotEqualTo(new byte[8]);

    // CONTACT and the inventory: sealed on the wire, with the key the server issued
    byte[] key = server.issuedKey(agentId).orElseThrow();
    for (Recorded sealed : posts.subList(2, 4)) {
      assertThat(sealed.header("glpi-cryptokey-id")).isEqualTo(agentId);
      assertThat(sealed.raw()).isNotEqualTo(sealed.body());
      assertThat(new String(sealed.raw(), StandardCharsets.ISO_8859_1)).doesNotContain("deviceid");
      assertThat(sealed.code()).isEqualTo(200);
    }
    assertThat(server.inventories()).hasSize(1);

    // the key is kept owner-only, and neither it nor the token reached the log
    Path file = registerFile();
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    JsonNode state = JSON.readTree(file.toFile());
    assertThat(state.path("status").asText()).isEqualTo("REGISTERED");
    assertThat(Base64.getDecoder().decode(state.path("key").asText())).isEqualTo(key);
    assertThat(Instant.parse(state.path("nextAttempt").asText())).isBetween(Instant.now().plus(Duration.ofDays(15)).minusSeconds(60), Instant.now().plus(Duration.ofDays(15)));
    assertThat(r.err).contains("registered with").doesNotContain(TOKEN).doesNotContain(HexFormat.of().formatHex(key))
        .doesNotContain(Base64.getEncoder().encodeToString(key));

    // the next run does not register again (half of 30 days is far), and is sealed from its first message
    AgentRun again = run("--register", "yes", "--token", TOKEN);
    assertThat(again.code).as(again.toString()).isZero();
    List<Recorded> more = server.posts().subList(4, server.posts().size());
    assertThat(more).extracting(Recorded::action).containsExactly("contact", "inventory");
    assertThat(more).allSatisfy(p -> assertThat(p.header("glpi-cryptokey-id")).isEqualTo(agentId));
  }

  @Test
  void glpiAnswers501AndTheAgentGoesOnUnregisteredAndRemembersIt() throws Exception {
    server = FakeGlpiServer.start(); // GLPI 11: REGISTER is 501
    AgentRun r = run("--register", "yes", "--token", TOKEN);
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(server.posts()).extracting(Recorded::action).containsExactly("register", "contact", "inventory");
    assertThat(server.posts().get(0).code()).isEqualTo(501);
    assertThat(server.posts().get(1).header("glpi-cryptokey-id")).isNull();
    assertThat(r.err).contains("does not support REGISTER (HTTP 501: Query 'register' is not supported.)");
    assertThat(JSON.readTree(registerFile().toFile()).path("status").asText()).isEqualTo("UNSUPPORTED");

    AgentRun again = run("--register", "yes", "--token", TOKEN);
    assertThat(again.code).as(again.toString()).isZero();
    assertThat(server.posts()).extracting(Recorded::action).containsExactly("register", "contact", "inventory", "contact", "inventory");
  }

  @Test
  void requiredRegistrationWithAServerThatCannotSendsNothingElseAndSaysWhy() throws Exception {
    server = FakeGlpiServer.start().version(FakeGlpiServer.Version.GLPI_10);
    AgentRun r = run("--register", "required", "--token", TOKEN);
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(server.posts()).extracting(Recorded::action).containsExactly("register");
    assertThat(r.err).contains("server " + server.uri() + " does not support REGISTER (HTTP 501")
        .contains("register = required");

    AgentRun again = run("--register", "required", "--token", TOKEN);
    assertThat(again.code).isEqualTo(1);
    assertThat(server.posts()).hasSize(1); // remembered: not even REGISTER again
  }

  @Test
  void aWrongTokenIsAnsweredWithFailureAndTheAgentKeepsSilentUntilTheExpiration() throws Exception {
    server = FakeGlpiServer.start().registration(Registration.TOKEN).registrationToken(OTHER_TOKEN).registrationErrorExpiration("4h");
    AgentRun r = run("--register", "yes", "--token", TOKEN);
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    List<Recorded> posts = server.posts();
    assertThat(posts).extracting(Recorded::action).containsExactly("register", "register");
    assertThat(json(posts.get(1)).toString()).isEqualTo("{\"action\":\"register\",\"challenge\":\"failure\"}");
    assertThat(r.err).contains("challenge is not for this agent").contains("refused");
    JsonNode state = JSON.readTree(registerFile().toFile());
    assertThat(state.path("status").asText()).isEqualTo("REFUSED");
    assertThat(Duration.between(Instant.now(), Instant.parse(state.path("nextAttempt").asText())))
        .isBetween(Duration.ofHours(4).minusMinutes(1), Duration.ofHours(4));

    // the target's own schedule waits for the same expiration
    Path target = registerFile().resolveSibling("target.json");
    assertThat(Duration.between(Instant.now(), Instant.parse(JSON.readTree(target.toFile()).path("nextRunDate").asText())))
        .isBetween(Duration.ofHours(4).minusMinutes(1), Duration.ofHours(4));

    AgentRun again = run("--register", "yes", "--token", TOKEN);
    assertThat(again.code).isEqualTo(1);
    assertThat(server.posts()).hasSize(2); // silent, even without registration required
    assertThat(again.err).contains("registration refused by " + server.uri());
  }

  @Test
  void aChallengeForAnotherAgentIsRefused() throws Exception {
    server = FakeGlpiServer.start().registration(Registration.TOKEN).registrationToken(TOKEN)
        .challengeFor("3a609a2e-947f-4e6a-9af9-32c024ac3944");
    AgentRun r = run("--register", "yes", "--token", TOKEN);
    assertThat(r.code).isEqualTo(1);
    assertThat(server.posts()).extracting(p -> p.text()).last().asString().contains("\"failure\"");
    assertThat(r.err).contains("its last 64 bits do not match the agent id");
  }

  @Test
  void aTamperedChallengeOrFinalChallengeIsRefused() throws Exception {
    server = FakeGlpiServer.start().registration(Registration.TOKEN).registrationToken(TOKEN).tamperNextChallenge();
    AgentRun r = run("--register", "yes", "--token", TOKEN);
    assertThat(r.code).isEqualTo(1);
    assertThat(r.err).contains("challenge is not for this agent");
    server.close();

    dir = dir.resolve("second");
    server = FakeGlpiServer.start().registration(Registration.TOKEN).registrationToken(TOKEN).tamperNextFinalChallenge();
    AgentRun f = run("--register", "yes", "--token", TOKEN);
    assertThat(f.code).isEqualTo(1);
    assertThat(server.posts()).extracting(Recorded::action).containsExactly("register", "register", "register");
    assertThat(server.posts().get(2).text()).contains("\"failure\"");
    assertThat(f.err).contains("final challenge does not carry");
    assertThat(JSON.readTree(registerFile().toFile()).has("key")).isFalse();
  }

  @Test
  void aChallengeAnsweredAfterItsExpirationIsRefusedByTheServer() throws Exception {
    // the server's clock jumps two minutes at each reading: the answer always comes after the 1-minute challenge
    AtomicReference<Instant> t = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    server = FakeGlpiServer.start().registration(Registration.TOKEN).registrationToken(TOKEN)
        .clock(() -> t.updateAndGet(i -> i.plus(Duration.ofMinutes(2))));
    AgentRun r = run("--register", "required", "--token", TOKEN);
    assertThat(r.code).isEqualTo(1);
    assertThat(server.posts()).extracting(Recorded::code).containsExactly(200, 400);
    assertThat(r.err).contains("challenge expired");
  }

  @Test
  void aKeyRevokedMidSessionKeepsTheInventoryWhichGoesWithTheNextKey() throws Exception {
    server = FakeGlpiServer.start().registration(Registration.TOKEN).registrationToken(TOKEN).revokeKeyOn("inventory");
    AgentRun r = run("--register", "yes", "--token", TOKEN);
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(server.posts()).extracting(Recorded::code).containsExactly(200, 200, 200, 403);
    assertThat(r.err).contains("refused the encryption key");
    assertThat(server.inventories()).isEmpty();
    assertThat(JSON.readTree(registerFile().toFile()).path("status").asText()).isEqualTo("NONE");
    byte[] firstKey = server.issuedKey(server.posts().get(0).header("glpi-agent-id")).orElse(null);
    assertThat(firstKey).isNull();

    AgentRun again = run("--register", "yes", "--token", TOKEN);
    assertThat(again.code).as(again.toString()).isZero();
    List<Recorded> more = server.posts().subList(4, server.posts().size());
    // registered afresh in the clear, then the kept inventory first, sealed with the new key
    assertThat(more).extracting(Recorded::action).containsExactly("register", "register", "contact", "inventory", "inventory");
    assertThat(more.get(0).header("glpi-cryptokey-id")).isNull();
    assertThat(more.subList(2, 5)).allSatisfy(p -> assertThat(p.header("glpi-cryptokey-id")).isNotNull());
    assertThat(server.inventories()).hasSize(2);
  }

  @Test
  void manualValidationLetsAnOptionalRegistrationGoOnInTheClear() throws Exception {
    server = FakeGlpiServer.start().registration(Registration.MANUAL);
    AgentRun r = run("--register", "yes");
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(server.posts()).extracting(Recorded::action).containsExactly("register", "contact", "inventory");
    assertThat(r.err).contains("pending, waiting for manual-validation");

    AgentRun required = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), dir.resolve("var2"), "--register", "required"));
    assertThat(required.code).isEqualTo(1);
    assertThat(server.posts()).hasSize(4);
    assertThat(required.err).contains("is pending");
  }

  @Test
  void encryptionOffRegistersButKeepsNoKey() throws Exception {
    server = FakeGlpiServer.start().registration(Registration.TOKEN).registrationToken(TOKEN);
    AgentRun r = run("--register", "yes", "--token", TOKEN, "--no-encryption");
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(server.posts()).extracting(Recorded::action).containsExactly("register", "register", "contact", "inventory");
    assertThat(server.posts().get(2).header("glpi-cryptokey-id")).isNull();
    assertThat(JSON.readTree(registerFile().toFile()).has("key")).isFalse();
  }

  @Test
  void aTruncatedTokenStopsTheAgentWithoutPrintingIt() {
    AgentRun r = AgentRun.run(dir, AgentRun.forServer("http://127.0.0.1:9/", vardir(), "--register", "yes", "--token", "00010203-0405-0607-0809-0a0b0c0d0e"));
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("option token = \"****\"").contains("expected a UUID").doesNotContain("0a0b0c0d0e");
  }
}
