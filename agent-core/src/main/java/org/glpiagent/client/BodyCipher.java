package org.glpiagent.client;

import java.io.IOException;

/**
 * The cipher of an encrypted exchange with a server: what seals a request body on its way out, after
 * compression, and opens the answer before it is decompressed.
 *
 * <p>Implemented by the registration's session key; the client only knows that such a thing exists. A request
 * sent with a cipher carries {@code GLPI-CryptoKey-ID}; an answer that carries it back is opened.
 */
public interface BodyCipher {
  /** The {@code GLPI-CryptoKey-ID} header value: who owns the key. */
  String keyId();

  /** The sealed form of a body, as it goes on the wire. */
  byte[] seal(byte[] plain);

  /**
   * The body inside a sealed answer.
   *
   * @throws IOException when the answer is not sealed with this key or was altered on the way
   */
  byte[] open(byte[] sealed) throws IOException;
}
