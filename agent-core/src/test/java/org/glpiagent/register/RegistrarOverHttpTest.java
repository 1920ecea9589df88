package org.glpiagent.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.glpiagent.client.ClientSettings;
import org.glpiagent.client.Compression;
import org.glpiagent.client.HttpServerClient;
import org.glpiagent.client.Message;
import org.glpiagent.client.Reply;
import org.glpiagent.protocol.RegisterRequest;
import org.glpiagent.state.StateStore;
import org.glpiagent.testkit.FakeGlpiServer;
import org.glpiagent.testkit.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's BouncyCastle side against the fake server's JCE side, over real HTTP with compression. */
class RegistrarOverHttpTest {
  private static final String TOKEN = "00010203-0405-0607-0809-0a0b0c0d0e0f";
  private static final UUID AGENT = UUID.fromString("3a609a2e-947f-4e6a-9af9-32c024ac3944");
  private static final byte[] CONTACT =
      "{\"action\":\"contact\",\"deviceid\":\"pc\",\"name\":\"GLPI-Agent\",\"version\":\"1\",\"installed-tasks\":[\"inventory\"],\"enabled-tasks\":[\"inventory\"]}"
          .getBytes(StandardCharsets.UTF_8);
  @TempDir Path dir;
  private FakeGlpiServer server;
  private HttpServerClient http;

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private SealingClient registered(Compression compression) throws Exception {
    server = FakeGlpiServer.start().registration(FakeGlpiServer.Registration.TOKEN).registrationToken(TOKEN);
    http = new HttpServerClient(new ClientSettings(Duration.ofSeconds(5), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), compression,
        "GLPI-Agent_vtest", AGENT.toString(), ClientSettings.DEFAULT_MAX_ANSWER_BYTES));
    KeyRing ring = new KeyRing();
    SealingClient channel = new SealingClient(http, ring);
    Registrar r = new Registrar(channel, ring, new RegisterSettings(RegisterSettings.Mode.REQUIRED, Optional.of(Token.parse(TOKEN)), true),
        new RegisterRequest.First("pc", 0, "GLPI-Agent", "1", null), AGENT, Clock.systemUTC(), new SecureRandom());
    assertThat(r.ensure(server.uri(), new StateStore(dir.resolve(compression.name()), Clock.systemUTC()))).isEqualTo(new Registrar.Proceed(true));
    return channel;
  }

  @Test
  void everyCompressionIsSealedAfterwardsAndTheSealedAnswerOpens() throws Exception {
    for (Compression c : List.of(Compression.ZLIB, Compression.GZIP, Compression.NONE)) {
      SealingClient channel = registered(c);
      Reply reply = channel.post(server.uri(), Message.json(CONTACT));
      assertThat(reply.code()).isEqualTo(200);
      assertThat(reply.text()).contains("\"status\":\"ok\"");
      Recorded contact = server.requests("contact").get(0);
      assertThat(contact.header("glpi-cryptokey-id")).isEqualTo(AGENT.toString());
      assertThat(contact.header("content-type")).isEqualTo(c == Compression.NONE ? "application/json" : c.contentType());
      assertThat(contact.raw().length).isGreaterThanOrEqualTo(28);
      assertThat(contact.text()).isEqualTo(new String(CONTACT, StandardCharsets.UTF_8));
      stop();
    }
  }

  @Test
  void anAlteredAnswerIsATransportErrorNotAnAnswer() throws Exception {
    SealingClient channel = registered(Compression.ZLIB);
    server.tamperNextSealedAnswer();
    assertThatThrownBy(() -> channel.post(server.uri(), Message.json(CONTACT)))
        .isInstanceOf(IOException.class).isNotInstanceOf(KeyRefusedException.class)
        .hasMessageContaining("does not authenticate");
    // the key is kept: the next message goes through
    assertThat(channel.post(server.uri(), Message.json(CONTACT)).code()).isEqualTo(200);
  }

  @Test
  void aRevokedKeyIsRefusedInTheClear() throws Exception {
    SealingClient channel = registered(Compression.ZLIB);
    server.revokeKeys();
    assertThatThrownBy(() -> channel.post(server.uri(), Message.json(CONTACT)))
        .isInstanceOf(KeyRefusedException.class).hasMessageContaining("HTTP 403");
    // forgotten: the next message goes in the clear
    assertThat(channel.post(server.uri(), Message.json(CONTACT)).code()).isEqualTo(200);
    List<Recorded> posts = server.posts();
    assertThat(posts.get(posts.size() - 2).code()).isEqualTo(403);
    assertThat(posts.get(posts.size() - 1).action()).isEqualTo("contact");
    assertThat(posts.get(posts.size() - 1).header("glpi-cryptokey-id")).isNull();
  }
}
