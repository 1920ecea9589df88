package org.glpiagent.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OAuthTokensTest {
  private static final URI ENDPOINT = URI.create("https://glpi.example.test/api.php/token");
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private static OAuthTokens.Grant grant(int code, String body) throws IOException {
    return OAuthTokens.grant(code, body.getBytes(StandardCharsets.UTF_8), ENDPOINT, NOW);
  }

  @Test
  void aTokenIsKeptUntilItsLifetimeLessAMargin() throws Exception {
    OAuthTokens.Grant g = grant(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"abc\"}");
    assertThat(g.token()).isEqualTo("abc");
    assertThat(g.expires()).isEqualTo(NOW.plusSeconds(3600 - 30));
    assertThat(g.toString()).doesNotContain("abc");
  }

  @Test
  void aLifetimeTooLongOrNegativeIsBounded() throws Exception {
    // seen writing its fuzz target: expires_in 9223372036854775807 overflowed Instant.plusSeconds (DateTimeException)
    assertThat(grant(200, "{\"access_token\":\"a\",\"expires_in\":9223372036854775807}").expires())
        .isEqualTo(NOW.plusSeconds(365L * 86400 - 30));
    assertThat(grant(200, "{\"access_token\":\"a\",\"expires_in\":-5}").expires()).isEqualTo(NOW.minusSeconds(30));
  }

  @Test
  void anAnswerWithoutATokenIsAnIoErrorWithTheServersMessage() {
    assertThatThrownBy(() -> grant(401, "{\"error\":\"invalid_client\",\"message\":\"Client authentication failed\"}"))
        .isInstanceOf(IOException.class).hasMessageContaining("HTTP 401 Client authentication failed");
    assertThatThrownBy(() -> grant(200, "<html>")).isInstanceOf(IOException.class).hasMessageEndingWith("HTTP 200");
  }
}
