package org.glpiagent.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.glpiagent.register.Vectors.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SessionKeyTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] CONTACT = "{\"action\":\"contact\"}".getBytes(StandardCharsets.UTF_8);

  private static SessionKey key(String nonces) {
    return new SessionKey(HEX.parseHex(KEY_HEX), AGENT.toString(), new FixedBytes(nonces));
  }

  @Test
  void sealedBodyIsNonceThenCiphertextThenTagAsDocumented() throws Exception {
    byte[] sealed = key(NONCE).seal(CONTACT);
    assertThat(HEX.formatHex(sealed)).isEqualTo(SEALED_CONTACT);
    assertThat(sealed).hasSize(12 + CONTACT.length + 16);
    assertThat(key("").open(sealed)).isEqualTo(CONTACT);
  }

  @Test
  void everyMessageGetsAFreshNonce() {
    SessionKey k = new SessionKey(HEX.parseHex(KEY_HEX), AGENT.toString(), new SplittableRandom(1));
    assertThat(k.seal(CONTACT)).isNotEqualTo(k.seal(CONTACT));
  }

  @Test
  void anAlteredTruncatedOrForeignBodyDoesNotOpen() {
    byte[] sealed = HEX.parseHex(SEALED_CONTACT);
    for (int i : new int[] {0, 12, sealed.length - 1}) {
      byte[] t = sealed.clone();
      t[i] ^= 1;
      assertThatThrownBy(() -> key("").open(t)).isInstanceOf(IOException.class).hasMessageContaining("does not authenticate");
    }
    assertThatThrownBy(() -> key("").open(java.util.Arrays.copyOf(sealed, 20))).hasMessageContaining("too short");
    // the same bytes presented under another key id (the additional data) do not open
    SessionKey other = new SessionKey(HEX.parseHex(KEY_HEX), "3a609a2e-947f-4e6a-9af9-32c024ac3945", new FixedBytes(""));
    assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IOException.class);
  }

  @Test
  void theKeyNeverPrints() {
    assertThat(key("").toString()).isEqualTo("SessionKey[" + AGENT + ", ****]").doesNotContain(KEY_HEX);
  }
}
