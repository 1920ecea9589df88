package org.glpiagent.register;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-128 on one 128-bit block, as the REGISTER specification uses it for challenges and the key: no mode, no
 * padding, no IV (each block is encrypted once with the token and carries fresh random halves).
 */
final class Aes128 {
  private Aes128() {}

  static byte[] encrypt(byte[] key, byte[] block) {
    return run(true, key, block);
  }

  static byte[] decrypt(byte[] key, byte[] block) {
    return run(false, key, block);
  }

  private static byte[] run(boolean encrypt, byte[] key, byte[] block) {
    if (key.length != 16 || block.length != 16) {
      throw new IllegalArgumentException("AES-128 takes a 16-byte key and a 16-byte block");
    }
    BlockCipher aes = AESEngine.newInstance();
    aes.init(encrypt, new KeyParameter(key));
    byte[] out = new byte[16];
    aes.processBlock(block, 0, out, 0);
    return out;
  }
}
