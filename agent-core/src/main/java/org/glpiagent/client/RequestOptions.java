package org.glpiagent.client;

import java.util.Optional;

/**
 * Per-request header choices.
 *
 * @param sendAgentId whether to send {@code GLPI-Agent-ID}; GLPI answers a PROLOG in JSON when it is present,
 *     so the legacy PROLOG that fetches plugin jobs goes without it
 * @param requestId a {@code GLPI-Request-ID} to send (8 upper-case hex digits), for polling a proxy's answer;
 *     when empty the client makes a fresh one
 * @param cipher the key the body is sealed with after registration; its id goes in {@code GLPI-CryptoKey-ID}
 */
public record RequestOptions(boolean sendAgentId, Optional<String> requestId, Optional<BodyCipher> cipher) {
  public static final RequestOptions DEFAULT = new RequestOptions(true, Optional.empty(), Optional.empty());
  public static final RequestOptions WITHOUT_AGENT_ID =
      new RequestOptions(false, Optional.empty(), Optional.empty());

  /** The same options, sealing the body with that cipher. */
  public RequestOptions sealedWith(BodyCipher c) {
    return new RequestOptions(sendAgentId, requestId, Optional.of(c));
  }
}
