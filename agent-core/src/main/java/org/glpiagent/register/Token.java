package org.glpiagent.register;

import java.util.Arrays;

/**
 * The secret an agent shares with its server ({@code token} option): a UUID read as a 128-bit AES key. Prints
 * as {@code ****}.
 */
public final class Token {
  private final byte[] key;

  private Token(byte[] key) {
    this.key = key;
  }

  /**
   * Reads a token.
   *
   * @throws RegisterException when it is not a whole UUID (the message does not repeat it)
   */
  public static Token parse(String text) throws RegisterException {
    return new Token(Block128.parse("token", text));
  }

  byte[] encrypt(byte[] block) {
    return Aes128.encrypt(key, block);
  }

  byte[] decrypt(byte[] block) {
    return Aes128.decrypt(key, block);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Token t && Arrays.equals(key, t.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "Token[****]";
  }
}
