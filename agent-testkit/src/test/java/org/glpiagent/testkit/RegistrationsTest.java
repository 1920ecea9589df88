package org.glpiagent.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake server's half of REGISTER, driven by hand as an agent would. */
class RegistrationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "00010203-0405-0607-0809-0a0b0c0d0e0f";
  private static final String AGENT = "3a609a2e-947f-4e6a-9af9-32c024ac3944";
  private static final String FIRST = "{\"action\":\"register\",\"deviceid\":\"pc\",\"port\":0,\"name\":\"GLPI-Agent\",\"version\":\"1.0\"}";
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeGlpiServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<byte[]> post(byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/")).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/json").header("GLPI-Agent-ID", AGENT);
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode postJson(String body) throws Exception {
    return JSON.readTree(post(body.getBytes(StandardCharsets.UTF_8)).body());
  }

  private static byte[] token() {
    return Registrations.block(TOKEN);
  }

  @Test
  void glpiAnswersRegisterWith501AndEchoesTheKeyHeaderAsItDoes() throws Exception {
    server = FakeGlpiServer.start();
    var r = post(FIRST.getBytes(StandardCharsets.UTF_8), "GLPI-CryptoKey-ID", AGENT);
    assertThat(r.statusCode()).isEqualTo(501);
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"status\":\"error\",\"message\":\"Query 'register' is not supported.\",\"expiration\":24}");
    assertThat(r.headers().firstValue("glpi-cryptokey-id")).contains(AGENT);
  }

  @Test
  void aValidatedAgentGetsAFinalChallengeAndAKeyAndItsAnswerCannotBeReplayed() throws Exception {
    server = FakeGlpiServer.start().registration(FakeGlpiServer.Registration.TOKEN).registrationToken(TOKEN);
    JsonNode c = postJson(FIRST);
    assertThat(c.path("status").asText()).isEqualTo("pending");
    assertThat(c.path("needs").asText()).isEqualTo("token-validation");
    assertThat(c.path("expiration").asText()).isEqualTo("60s");
    byte[] secret = Registrations.aes(Cipher.DECRYPT_MODE, token(), Registrations.block(c.path("challenge").asText()));
    assertThat(HexFormat.of().formatHex(secret, 8, 16)).isEqualTo("9af932c024ac3944"); // the agent id's last 64 bits

    byte[] agentSecret = HexFormat.of().parseHex("a1a2a3a4a5a6a7a8");
    byte[] plain = Arrays.copyOf(secret, 16);
    System.arraycopy(agentSecret, 0, plain, 8, 8);
    String answer = "{\"action\":\"register\",\"challenge\":\"" + Registrations.uuid(Registrations.aes(Cipher.ENCRYPT_MODE, token(), plain)) + "\"}";
    JsonNode done = postJson(answer);
    assertThat(done.path("status").asText()).isEqualTo("registered");
    assertThat(done.path("expiration").asText()).isEqualTo("30d");
    byte[] fin = Registrations.aes(Cipher.DECRYPT_MODE, token(), Registrations.block(done.path("challenge").asText()));
    assertThat(Arrays.copyOf(fin, 8)).isEqualTo(agentSecret);
    assertThat(Arrays.copyOfRange(fin, 8, 16)).isEqualTo(Arrays.copyOf(secret, 8));
    byte[] key = Registrations.aes(Cipher.DECRYPT_MODE, token(), Registrations.block(done.path("crypto").asText()));
    assertThat(server.issuedKey(AGENT)).hasValueSatisfying(k -> assertThat(k).isEqualTo(key));

    JsonNode replay = postJson(answer);
    assertThat(replay.path("status").asText()).isEqualTo("error");
    assertThat(replay.path("message").asText()).isEqualTo("no challenge pending");
  }

  @Test
  void wrongTruncatedOrRefusedAnswersAreErrors() throws Exception {
    server = FakeGlpiServer.start().registration(FakeGlpiServer.Registration.TOKEN).registrationToken(TOKEN);
    postJson(FIRST);
    assertThat(postJson("{\"action\":\"register\",\"challenge\":\"00000000-0000-0000-0000-000000000000\"}").path("message").asText())
        .isEqualTo("challenge failed");
    postJson(FIRST);
    assertThat(postJson("{\"action\":\"register\",\"challenge\":\"00000000-0000-0000-0000-0000000000\"}").path("message").asText())
        .isEqualTo("malformed challenge answer");
    postJson(FIRST);
    assertThat(postJson("{\"action\":\"register\",\"challenge\":\"failure\"}").path("expiration").asText()).isEqualTo("4h");
  }

  @Test
  void sealedMessagesAreOpenedAndAnsweredSealedAndAnUnknownKeyIsRefusedInTheClear() throws Exception {
    server = FakeGlpiServer.start().registration(FakeGlpiServer.Registration.TOKEN).registrationToken(TOKEN);
    JsonNode c = postJson(FIRST);
    byte[] secret = Registrations.aes(Cipher.DECRYPT_MODE, token(), Registrations.block(c.path("challenge").asText()));
    postJson("{\"action\":\"register\",\"challenge\":\"" + Registrations.uuid(Registrations.aes(Cipher.ENCRYPT_MODE, token(), secret)) + "\"}");
    byte[] key = server.issuedKey(AGENT).orElseThrow();

    Registrations seal = new Registrations();
    byte[] contact = "{\"action\":\"contact\",\"deviceid\":\"pc\",\"name\":\"GLPI-Agent\",\"version\":\"1\",\"installed-tasks\":[\"inventory\"],\"enabled-tasks\":[\"inventory\"]}"
        .getBytes(StandardCharsets.UTF_8);
    var r = post(seal.seal(key, AGENT, contact), "GLPI-CryptoKey-ID", AGENT);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("glpi-cryptokey-id")).contains(AGENT);
    String opened = new String(Registrations.open(key, AGENT, r.body()).orElseThrow(), StandardCharsets.UTF_8);
    assertThat(opened).contains("\"status\":\"ok\"");
    assertThat(server.requests("contact")).hasSize(1);

    byte[] tampered = seal.seal(key, AGENT, contact);
    tampered[20] ^= 1;
    assertThat(post(tampered, "GLPI-CryptoKey-ID", AGENT).statusCode()).isEqualTo(403);

    server.revokeKeys();
    var refused = post(seal.seal(key, AGENT, contact), "GLPI-CryptoKey-ID", AGENT);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("glpi-cryptokey-id")).isEmpty();
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("unknown or revoked crypto key");
  }

  @Test
  void manualValidationIsPendingUntilTheAgentIsValidated() throws Exception {
    server = FakeGlpiServer.start().registration(FakeGlpiServer.Registration.MANUAL);
    assertThat(postJson(FIRST).path("needs").asText()).isEqualTo("manual-validation");
    server.validate(AGENT);
    assertThat(postJson(FIRST).path("status").asText()).isEqualTo("registered");
    assertThat(postJson("{\"action\":\"register\",\"deviceid\":\"pc\"}").path("message").asText()).isEqualTo("missing name");
  }
}
