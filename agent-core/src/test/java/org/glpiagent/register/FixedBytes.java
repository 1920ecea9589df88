package org.glpiagent.register;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** A random source that hands out given bytes in order, so every block on the wire is known in advance. */
final class FixedBytes implements RandomGenerator {
  private final byte[] bytes;
  private int next;

  FixedBytes(String hex) {
    this.bytes = HexFormat.of().parseHex(hex);
  }

  @Override
  public void nextBytes(byte[] out) {
    if (next + out.length > bytes.length) {
      throw new IllegalStateException("test random exhausted");
    }
    System.arraycopy(bytes, next, out, 0, out.length);
    next += out.length;
  }

  @Override
  public long nextLong() {
    byte[] b = new byte[8];
    nextBytes(b);
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xff);
    }
    return v;
  }
}
