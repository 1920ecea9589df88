package org.glpiagent.register;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.glpiagent.client.Message;
import org.glpiagent.client.Reply;
import org.glpiagent.client.RequestOptions;
import org.glpiagent.client.ServerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ServerClient} every message of a run goes through: it seals a POST with the communication key of
 * the server it goes to, when the agent is registered there with one, and tells a refused key from an answer.
 *
 * <p>Only POSTs to a target's own URL are sealed: they are GLPI protocol messages. GETs go to the plugin's REST
 * endpoints, which know nothing of keys. A sealed message answered in the clear with a 4xx means the server
 * does not accept the key (revoked, expired on its side): a {@link KeyRefusedException}, never a refusal of the
 * message itself, so a kept inventory is not set aside for it. A 401 or 407 in the clear is about the HTTP login
 * and is returned as it is.
 */
public final class SealingClient implements ServerClient {
  private static final Logger log = LoggerFactory.getLogger(SealingClient.class);

  private final ServerClient inner;
  private final KeyRing keys;

  public SealingClient(ServerClient inner, KeyRing keys) {
    this.inner = inner;
    this.keys = keys;
  }

  @Override
  public Reply post(URI url, Message message) throws IOException {
    Optional<SessionKey> key = message.options().cipher().isPresent() ? Optional.empty() : keys.get(url);
    if (key.isEmpty()) {
      return inner.post(url, message);
    }
    Message sealed = new Message(message.body(), message.format(), message.options().sealedWith(key.get()));
    Reply reply = inner.post(url, sealed);
    if (reply.header("GLPI-CryptoKey-ID").isEmpty() && refusesKey(reply.code())) {
      String why = "HTTP " + reply.code() + " " + firstLine(reply);
      log.warn("server {} refused this agent's key ({}): registering again", url, why);
      keys.refused(url, key.get(), why);
      throw new KeyRefusedException("server refused the encryption key (" + why + "); the agent registers again first");
    }
    return reply;
  }

  /** A 4xx about the message, not about HTTP authentication (401, 407: the request is fine, the login is not). */
  private static boolean refusesKey(int code) {
    return code >= 400 && code < 500 && code != 401 && code != 407;
  }

  private static String firstLine(Reply reply) {
    String t = reply.text().replaceAll("\\s+", " ").trim().replaceAll("[^\\x20-\\x7E]", "?");
    return t.isEmpty() ? "(empty)" : t.length() > 120 ? t.substring(0, 120) + "..." : t;
  }

  @Override
  public Reply get(URI url, RequestOptions options) throws IOException {
    return inner.get(url, options);
  }

  /** Another agent's message, passed on as it came (proxy mode): sealed or not by that agent, never by this one. */
  @Override
  public Reply forward(URI url, byte[] body, String contentType, java.util.Map<String, String> headers) throws IOException {
    return inner.forward(url, body, contentType, headers);
  }

  @Override
  public void close() {
    inner.close();
  }
}
