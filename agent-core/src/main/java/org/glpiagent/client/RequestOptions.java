package org.glpiagent.client;

import java.util.Optional;

/**
 * Per-request header choices.
 *
 * @param sendAgentId whether to send {@code GLPI-Agent-ID}; GLPI answers a PROLOG in JSON when it is present,
 *     so the legacy PROLOG that fetches plugin jobs goes without it
 * @param requestId a {@code GLPI-Request-ID} to send (8 upper-case hex digits), for polling a proxy's answer;
 *     when empty the client makes a fresh one
 * @param cryptoKeyId the {@code GLPI-CryptoKey-ID} to send, for encrypted exchanges
 */
public record RequestOptions(boolean sendAgentId, Optional<String> requestId, Optional<String> cryptoKeyId) {
  public static final RequestOptions DEFAULT = new RequestOptions(true, Optional.empty(), Optional.empty());
  public static final RequestOptions WITHOUT_AGENT_ID =
      new RequestOptions(false, Optional.empty(), Optional.empty());
}
