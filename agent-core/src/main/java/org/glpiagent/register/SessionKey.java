package org.glpiagent.register;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.glpiagent.client.BodyCipher;

/**
 * The communication key a server issued at registration, sealing every later exchange with it.
 *
 * <p>The specification leaves the bulk cipher open; this is AES-128-GCM: a body goes on the wire as a fresh
 * 12-byte nonce, then the ciphertext, then the 16-byte tag; the additional data is the
 * {@code GLPI-CryptoKey-ID} value in ASCII, so a body cannot be passed off under another key's name. A
 * tampered, truncated or foreign body fails to open. Prints as {@code ****}.
 */
public final class SessionKey implements BodyCipher {
  static final int NONCE = 12;
  static final int TAG_BITS = 128;

  private final byte[] key;
  private final String keyId;
  private final RandomGenerator random;

  /**
   * @param key the 16 bytes the server issued
   * @param keyId the {@code GLPI-CryptoKey-ID}: the agent id the key belongs to
   * @param random where nonces come from (a {@code SecureRandom} outside tests)
   */
  public SessionKey(byte[] key, String keyId, RandomGenerator random) {
    if (key.length != 16) {
      throw new IllegalArgumentException("a session key has 16 bytes");
    }
    this.key = key.clone();
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.random = random;
  }

  /** The raw key, for the owner-only state file. */
  byte[] bytes() {
    return key.clone();
  }

  @Override
  public String keyId() {
    return keyId;
  }

  @Override
  public byte[] seal(byte[] plain) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    GCMModeCipher gcm = gcm(true, nonce);
    byte[] out = new byte[NONCE + gcm.getOutputSize(plain.length)];
    System.arraycopy(nonce, 0, out, 0, NONCE);
    int n = gcm.processBytes(plain, 0, plain.length, out, NONCE);
    try {
      gcm.doFinal(out, NONCE + n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("GCM refused to encrypt", e); // never happens when encrypting
    }
    return out;
  }

  @Override
  public byte[] open(byte[] sealed) throws IOException {
    if (sealed.length < NONCE + TAG_BITS / 8) {
      throw new IOException("encrypted answer too short (" + sealed.length + " bytes)");
    }
    GCMModeCipher gcm = gcm(false, Arrays.copyOf(sealed, NONCE));
    byte[] out = new byte[gcm.getOutputSize(sealed.length - NONCE)];
    int n = gcm.processBytes(sealed, NONCE, sealed.length - NONCE, out, 0);
    try {
      n += gcm.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new IOException("encrypted answer does not authenticate with this agent's key: altered, or sealed with another key");
    }
    return Arrays.copyOf(out, n);
  }

  private GCMModeCipher gcm(boolean encrypt, byte[] nonce) {
    GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, keyId.getBytes(StandardCharsets.US_ASCII)));
    return gcm;
  }

  @Override
  public String toString() {
    return "SessionKey[" + keyId + ", ****]";
  }
}
