package org.glpiagent.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;

/**
 * The OAuth2 token endpoint's answer from any bytes (the first byte picks the HTTP status): {@link OAuthTokens#grant}
 * gives a token that expires within a year or throws {@link IOException}, nothing else. Seeds: answers in the form
 * of GLPI 11's OAuth2 server (league/oauth2-server): a token, two errors.
 */
class OAuthTokensFuzzTest {
  private static final URI ENDPOINT = URI.create("https://glpi.example.test/api.php/token");
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final int[] CODES = {200, 201, 400, 401, 500};

  @FuzzTest
  void tokenAnswer(byte[] input) {
    if (input.length == 0) {
      return;
    }
    try {
      OAuthTokens.Grant g = OAuthTokens.grant(CODES[(input[0] & 0xff) % CODES.length],
          Arrays.copyOfRange(input, 1, input.length), ENDPOINT, NOW);
      assertThat(g.token()).isNotNull();
      assertThat(g.expires()).isBefore(NOW.plusSeconds(366L * 86400));
    } catch (IOException refused) {
      assertThat(refused.getMessage()).startsWith("OAuth2 token request to " + ENDPOINT);
    }
  }
}
