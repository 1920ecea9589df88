package org.glpiagent.register;

import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The protocol's 128-bit blocks written as UUID text ({@code 3a609a2e-947f-4e6a-9af9-32c024ac3944}): tokens,
 * challenges, encrypted keys and agent ids.
 *
 * <p>The reading is strict, 32 hex digits in 8-4-4-4-12 groups: {@link UUID#fromString} accepts shortened
 * forms such as {@code 1-2-3-4-5}, which would quietly turn a truncated challenge into another block.
 */
public final class Block128 {
  private static final Pattern FORM =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final HexFormat HEX = HexFormat.of();

  private Block128() {}

  /** Whether the text is a whole UUID. */
  public static boolean isWellFormed(String text) {
    return text != null && FORM.matcher(text).matches();
  }

  /**
   * The 16 bytes of a UUID text.
   *
   * @param what what the text is, for the message ({@code "challenge"})
   * @throws RegisterException when the text is not a whole UUID; the message gives its length, not the text
   */
  public static byte[] parse(String what, String text) throws RegisterException {
    if (text == null) {
      throw new RegisterException(what + " is missing");
    }
    if (!isWellFormed(text)) {
      throw new RegisterException(
          what + " is not a UUID (" + text.length() + " characters; expected 36, 32 hex digits in 8-4-4-4-12 groups)");
    }
    return HEX.parseHex(text.replace("-", ""));
  }

  /** The UUID text of 16 bytes, lower case. */
  public static String format(byte[] block) {
    if (block.length != 16) {
      throw new IllegalArgumentException("a block has 16 bytes, not " + block.length);
    }
    String h = HEX.formatHex(block);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
  }

  /** The raw 16 bytes of an agent id. */
  public static byte[] of(UUID id) {
    byte[] b = new byte[16];
    long hi = id.getMostSignificantBits();
    long lo = id.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (hi >>> (56 - 8 * i));
      b[8 + i] = (byte) (lo >>> (56 - 8 * i));
    }
    return b;
  }
}
