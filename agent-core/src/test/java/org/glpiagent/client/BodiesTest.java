package org.glpiagent.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.glpiagent.client.internal.Bodies;
import org.junit.jupiter.api.Test;

class BodiesTest {
  private static final byte[] JSON = "{\"status\":\"ok\",\"expiration\":\"24\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void everyCompressionRoundTripsByContentType() throws Exception {
    for (Compression c : Compression.values()) {
      if (c == Compression.NONE) {
        continue;
      }
      byte[] z = Bodies.compress(JSON, c);
      assertThat(z).isNotEqualTo(JSON);
      assertThat(Bodies.decode(z, c.contentType(), 1 << 20, "test")).as(c.name()).isEqualTo(JSON);
    }
  }

  @Test
  void compressedBodiesAreRecognisedByTheirMagicWhateverTheirType() throws Exception {
    assertThat(Bodies.decode(Bodies.compress(JSON, Compression.ZLIB), "text/plain", 1 << 20, "t")).isEqualTo(JSON);
    assertThat(Bodies.decode(Bodies.compress(JSON, Compression.GZIP), "", 1 << 20, "t")).isEqualTo(JSON);
    assertThat(Bodies.decode(JSON, "application/json", 1 << 20, "t")).isEqualTo(JSON);
  }

  @Test
  void truncatedAnswerIsAClearError() throws Exception {
    byte[] z = Bodies.compress(JSON, Compression.ZLIB);
    byte[] cut = Arrays.copyOf(z, z.length / 2);
    assertThatThrownBy(() -> Bodies.decode(cut, "application/x-compress-zlib", 1 << 20, "http://glpi/"))
        .isInstanceOf(IOException.class)
        .hasMessage("truncated zlib answer from http://glpi/");
  }

  @Test
  void aSmallBodyThatExpandsPastTheLimitIsRefused() throws Exception {
    byte[] bomb = Bodies.compress(new byte[50 << 20], Compression.ZLIB);
    assertThat(bomb.length).isLessThan(100_000);
    assertThatThrownBy(() -> Bodies.decode(bomb, "application/x-compress-zlib", 1 << 20, "t"))
        .hasMessageContaining("answer larger than 1048576 bytes");
  }

  @Test
  void corruptCompressedDataIsAnError() {
    byte[] junk = {0x78, (byte) 0x9c, 1, 2, 3, 4, 5, 6, 7};
    assertThatThrownBy(() -> Bodies.decode(junk, "application/x-compress-zlib", 1 << 20, "t")).isInstanceOf(IOException.class);
  }

  @Test
  void secretsAreMaskedInPayloadLogs() {
    assertThat(Redaction.mask("{\"password\":\"hunter2\",\"client_secret\":\"s3\",\"access_token\":\"t0k\",\"name\":\"x\"}"))
        .isEqualTo("{\"password\":\"****\",\"client_secret\":\"****\",\"access_token\":\"****\",\"name\":\"x\"}");
    assertThat(Redaction.mask("<AUTHENTICATION><COMMUNITY>private</COMMUNITY><PRIVPASSPHRASE>pp</PRIVPASSPHRASE></AUTHENTICATION>"))
        .isEqualTo("<AUTHENTICATION><COMMUNITY>****</COMMUNITY><PRIVPASSPHRASE>****</PRIVPASSPHRASE></AUTHENTICATION>");
  }
}
