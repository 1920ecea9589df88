package org.glpiagent.register;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The agent's cryptographic steps of REGISTER's token validation (specification, "Cryptographic exchanges"),
 * as pure functions of the token, the agent id, the blocks received and a random source.
 *
 * <ol>
 *   <li>the server's challenge decrypts, under the token, to its 64-bit secret followed by the last 64 bits of
 *       this agent's id: anything else means a wrong token, a tampered block or a challenge for another agent;
 *   <li>the answer is the server secret followed by 8 random bytes of the agent's own, encrypted;
 *   <li>the final challenge must decrypt to the agent secret then the server secret: proof that the server
 *       knows the token and saw this answer (a final challenge replayed from an earlier registration carries
 *       another agent secret);
 *   <li>{@code crypto} decrypts to the communication key.
 * </ol>
 */
public final class Handshake {
  private Handshake() {}

  /**
   * The agent's answer to a challenge, with the two secrets it must find again in the final challenge.
   *
   * @param wire the {@code challenge} to send back, as UUID text
   */
  public record Answer(String wire, byte[] serverSecret, byte[] agentSecret) {
    @Override
    public String toString() {
      return "Answer[" + wire + ", secrets ****]";
    }
  }

  /** Answers a server's challenge, or says why it cannot. */
  public static Answer answer(Token token, UUID agentId, String challenge, RandomGenerator random) throws RegisterException {
    byte[] secret = token.decrypt(Block128.parse("challenge", challenge));
    byte[] id = Block128.of(agentId);
    if (!MessageDigest.isEqual(Arrays.copyOfRange(secret, 8, 16), Arrays.copyOfRange(id, 8, 16))) {
      throw new RegisterException(
          "challenge is not for this agent (its last 64 bits do not match the agent id): a different token on the"
              + " server, or a tampered or misrouted challenge");
    }
    byte[] serverSecret = Arrays.copyOf(secret, 8);
    byte[] agentSecret = new byte[8];
    random.nextBytes(agentSecret);
    byte[] plain = new byte[16];
    System.arraycopy(serverSecret, 0, plain, 0, 8);
    System.arraycopy(agentSecret, 0, plain, 8, 8);
    return new Answer(Block128.format(token.encrypt(plain)), serverSecret, agentSecret);
  }

  /** Checks the server's final challenge against the secrets of the answer it replies to. */
  public static void verifyFinal(Token token, Answer sent, String finalChallenge) throws RegisterException {
    byte[] secret = token.decrypt(Block128.parse("final challenge", finalChallenge));
    if (!MessageDigest.isEqual(Arrays.copyOf(secret, 8), sent.agentSecret())) {
      throw new RegisterException(
          "final challenge does not carry this agent's secret: replayed from another registration, tampered, or from"
              + " a server without the token");
    }
    if (!MessageDigest.isEqual(Arrays.copyOfRange(secret, 8, 16), sent.serverSecret())) {
      throw new RegisterException("final challenge does not carry the server's first secret: tampered or replayed");
    }
  }

  /** The communication key inside {@code crypto}. */
  public static byte[] key(Token token, String crypto) throws RegisterException {
    return token.decrypt(Block128.parse("crypto", crypto));
  }
}
