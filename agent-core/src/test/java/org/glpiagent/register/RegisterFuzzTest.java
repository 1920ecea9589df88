package org.glpiagent.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * What a server sends during and after REGISTER, from any bytes: the challenge, the final challenge and
 * {@code crypto} (one a line) are accepted or refused with {@link RegisterException}; a sealed body (the rest,
 * after a blank line) opens or is refused with {@link IOException}; nothing else. Seeds: the test vectors.
 */
class RegisterFuzzTest {
  private static final HexFormat HEX = HexFormat.of();

  @FuzzTest
  void serverBlocks(byte[] input) throws RegisterException {
    String text = new String(input, StandardCharsets.ISO_8859_1);
    int blank = text.indexOf("\n\n");
    String[] lines = (blank < 0 ? text : text.substring(0, blank)).split("\n", -1);
    Token token = Token.parse(Vectors.TOKEN);
    try {
      Handshake.Answer a = Handshake.answer(token, Vectors.AGENT, lines[0], new SplittableRandom(1));
      assertThat(Block128.isWellFormed(a.wire())).isTrue();
      Handshake.verifyFinal(token, a, lines.length > 1 ? lines[1] : null);
    } catch (RegisterException refused) {
      // a clear refusal is a valid outcome
    }
    try {
      assertThat(Handshake.key(token, lines.length > 2 ? lines[2] : null)).hasSize(16);
    } catch (RegisterException refused) {
      // idem
    }
    if (blank >= 0) {
      byte[] sealed = java.util.Arrays.copyOfRange(input, blank + 2, input.length);
      SessionKey key = new SessionKey(HEX.parseHex(Vectors.KEY_HEX), Vectors.AGENT.toString(), new SplittableRandom(2));
      try {
        key.open(sealed);
      } catch (IOException refused) {
        // idem
      }
    }
  }
}
