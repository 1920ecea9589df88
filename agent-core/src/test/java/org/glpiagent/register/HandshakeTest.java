package org.glpiagent.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.glpiagent.register.Vectors.*;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HandshakeTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void theTokenIsTheAesKeyOfFips197AppendixC1() throws Exception {
    byte[] c = Token.parse(TOKEN).encrypt(HEX.parseHex("00112233445566778899aabbccddeeff"));
    assertThat(HEX.formatHex(c)).isEqualTo("69c4e0d86a7b0430d8cdb78070b4c55a");
    assertThat(HEX.formatHex(Token.parse(TOKEN).decrypt(c))).isEqualTo("00112233445566778899aabbccddeeff");
  }

  @Test
  void answerCarriesTheServerSecretThenTheAgentSecret() throws Exception {
    Handshake.Answer a = Handshake.answer(Token.parse(TOKEN), AGENT, CHALLENGE, new FixedBytes(AGENT_SECRET));
    assertThat(a.wire()).isEqualTo(ANSWER);
    assertThat(HEX.formatHex(a.serverSecret())).isEqualTo("1122334455667788");
    assertThat(HEX.formatHex(a.agentSecret())).isEqualTo(AGENT_SECRET);
    assertThat(a.toString()).doesNotContain("1122334455667788").doesNotContain(AGENT_SECRET);
  }

  @Test
  void finalChallengeAndKeyAreChecked() throws Exception {
    Token t = Token.parse(TOKEN);
    Handshake.Answer a = Handshake.answer(t, AGENT, CHALLENGE, new FixedBytes(AGENT_SECRET));
    Handshake.verifyFinal(t, a, FINAL);
    assertThat(HEX.formatHex(Handshake.key(t, CRYPTO))).isEqualTo(KEY_HEX);
  }

  @Test
  void aChallengeForAnotherAgentIdIsRefused() {
    assertThatThrownBy(() -> Handshake.answer(Token.parse(TOKEN), AGENT, CHALLENGE_FOR_OTHER, new FixedBytes(AGENT_SECRET)))
        .isInstanceOf(RegisterException.class).hasMessageContaining("do not match the agent id");
    // the same challenge is fine for the agent it was made for
    UUID other = UUID.fromString("3a609a2e-947f-4e6a-9af9-32c024ac3945");
    assertThat(catchAnswer(other, CHALLENGE_FOR_OTHER)).isNull();
  }

  private static Throwable catchAnswer(UUID agent, String challenge) {
    try {
      Handshake.answer(Token.parse(TOKEN), agent, challenge, new FixedBytes(AGENT_SECRET));
      return null;
    } catch (RegisterException e) {
      return e;
    }
  }

  @Test
  void aWrongTokenOrATamperedChallengeDoesNotMatchTheAgentId() {
    assertThatThrownBy(() -> Handshake.answer(Token.parse(OTHER_TOKEN), AGENT, CHALLENGE, new FixedBytes(AGENT_SECRET)))
        .isInstanceOf(RegisterException.class).hasMessageContaining("do not match the agent id");
    String tampered = CHALLENGE.substring(0, 35) + "6"; // last digit 7 -> 6
    assertThat(catchAnswer(AGENT, tampered)).isInstanceOf(RegisterException.class);
  }

  @Test
  void aFinalChallengeReplayedFromAnotherRegistrationIsRefused() throws Exception {
    Token t = Token.parse(TOKEN);
    // a second registration: the agent drew another secret, the server (or an attacker) replays the old final
    Handshake.Answer second = Handshake.answer(t, AGENT, CHALLENGE, new FixedBytes("0102030405060708"));
    assertThatThrownBy(() -> Handshake.verifyFinal(t, second, FINAL))
        .isInstanceOf(RegisterException.class).hasMessageContaining("replayed");
  }

  @Test
  void aTamperedFinalChallengeIsRefused() throws Exception {
    Token t = Token.parse(TOKEN);
    Handshake.Answer a = Handshake.answer(t, AGENT, CHALLENGE, new FixedBytes(AGENT_SECRET));
    assertThatThrownBy(() -> Handshake.verifyFinal(t, a, FINAL.substring(0, 35) + "e"))
        .isInstanceOf(RegisterException.class);
    // the final answer of a server that echoes the agent's answer back is refused too
    assertThatThrownBy(() -> Handshake.verifyFinal(t, a, ANSWER)).isInstanceOf(RegisterException.class);
  }

  @Test
  void truncatedOrShortenedUuidsAreRefusedWithTheirLengthNotTheirText() {
    assertThatThrownBy(() -> Token.parse("00010203-0405-0607-0809-0a0b0c0d0e"))
        .isInstanceOf(RegisterException.class).hasMessage("token is not a UUID (34 characters; expected 36, 32 hex digits in 8-4-4-4-12 groups)");
    // java.util.UUID would read this as 00000001-0002-0003-0004-000000000005
    assertThat(UUID.fromString("1-2-3-4-5")).isNotNull();
    assertThatThrownBy(() -> Block128.parse("challenge", "1-2-3-4-5")).isInstanceOf(RegisterException.class);
    assertThatThrownBy(() -> Handshake.answer(Token.parse(TOKEN), AGENT, CHALLENGE.substring(0, 30), new FixedBytes(AGENT_SECRET)))
        .hasMessageContaining("challenge is not a UUID (30 characters");
    assertThatThrownBy(() -> Handshake.answer(Token.parse(TOKEN), AGENT, null, new FixedBytes(AGENT_SECRET)))
        .hasMessage("challenge is missing");
    assertThatThrownBy(() -> Handshake.key(Token.parse(TOKEN), CRYPTO + "0")).hasMessageContaining("crypto is not a UUID");
  }

  @Test
  void blocksRoundTripAndAgentIdsGiveTheirRawBytes() throws Exception {
    assertThat(Block128.format(Block128.parse("x", CHALLENGE.toUpperCase()))).isEqualTo(CHALLENGE);
    assertThat(HEX.formatHex(Block128.of(AGENT))).isEqualTo("3a609a2e947f4e6a9af932c024ac3944");
    assertThat(Token.parse(TOKEN).toString()).isEqualTo("Token[****]");
  }
}
