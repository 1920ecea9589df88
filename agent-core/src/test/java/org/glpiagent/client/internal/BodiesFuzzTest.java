package org.glpiagent.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.Arrays;
import org.glpiagent.client.Compression;

/**
 * Compressed answers from any bytes: {@link Bodies#decode} returns at most the limit or throws {@link IOException}
 * (truncated, corrupt, too large), nothing else, whatever the content type says; and what the agent compresses
 * (zlib, gzip, deflate, br) decodes to itself. The first byte picks the content type. Seeds: a CONTACT answer in each compression.
 */
class BodiesFuzzTest {
  private static final long LIMIT = 1 << 20;
  private static final String[] TYPES = {
    null, "", "application/json", "application/xml", "application/x-compress-zlib", "application/x-compress-gzip",
    "application/x-compress-deflate", "application/x-compress-br", "Application/X-Compress-GZIP; charset=utf-8"
  };

  @FuzzTest
  void decode(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    String type = TYPES[(input[0] & 0xff) % TYPES.length];
    byte[] raw = Arrays.copyOfRange(input, 1, input.length);
    try {
      byte[] decoded = Bodies.decode(raw, type, LIMIT, "fuzz.test");
      assertThat((long) decoded.length).isLessThanOrEqualTo(LIMIT);
    } catch (IOException refused) {
      assertThat(refused.getMessage()).contains("fuzz.test");
    }
    Compression c = Compression.values()[(input[0] & 0xff) % Compression.values().length];
    // NONE is left out: an uncompressed body that starts like zlib or gzip is decoded by its magic, on purpose
    if (c != Compression.NONE && (c != Compression.BROTLI || Bodies.brotliAvailable())) {
      assertThat(Bodies.decode(Bodies.compress(raw, c), c.contentType(), LIMIT, "fuzz.test")).isEqualTo(raw);
    }
  }
}
