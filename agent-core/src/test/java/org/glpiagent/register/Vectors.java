package org.glpiagent.register;

import java.util.UUID;

/**
 * Known blocks for the REGISTER tests, computed apart from the agent's code (Python's {@code cryptography}
 * package, AES-ECB on one block and AESGCM), with the FIPS-197 appendix C.1 key as the token.
 */
final class Vectors {
  private Vectors() {}

  /** FIPS-197 C.1 key 000102…0f, written as a token. */
  static final String TOKEN = "00010203-0405-0607-0809-0a0b0c0d0e0f";
  static final String OTHER_TOKEN = "0f0e0d0c-0b0a-0908-0706-050403020100";
  static final UUID AGENT = UUID.fromString("3a609a2e-947f-4e6a-9af9-32c024ac3944");
  /** The server secret 1122334455667788 and the agent id's last 64 bits 9af932c024ac3944, encrypted. */
  static final String CHALLENGE = "ebc30c57-78a7-c2ba-3aff-7f5d0d82fcf7";
  /** The same server secret with the last 64 bits of …3945, another agent. */
  static final String CHALLENGE_FOR_OTHER = "303bc4c7-5c53-79b2-f3ef-623a165aa25a";
  /** The agent secret a1a2a3a4a5a6a7a8. */
  static final String AGENT_SECRET = "a1a2a3a4a5a6a7a8";
  /** 1122334455667788 a1a2a3a4a5a6a7a8, encrypted. */
  static final String ANSWER = "fa04f811-3cf8-6d76-4144-75b70e1bb330";
  /** a1a2a3a4a5a6a7a8 1122334455667788, encrypted. */
  static final String FINAL = "69a1b1cc-4e76-4e2c-bab9-8bae53dbb22d";
  static final String KEY_HEX = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
  /** The key, encrypted. */
  static final String CRYPTO = "5580eaf4-8c48-6370-ed54-81c9d9b7afab";
  static final String NONCE = "b0b1b2b3b4b5b6b7b8b9babb";
  /** {"action":"contact"} sealed with the key, that nonce, and the agent id as additional data. */
  static final String SEALED_CONTACT =
      "b0b1b2b3b4b5b6b7b8b9babb5652f95c8d6fd2b4b71ebb6c584c802d17a3b125d9e3fd9d3429deab19fceb750542de20";
}
