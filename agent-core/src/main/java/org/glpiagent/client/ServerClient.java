package org.glpiagent.client;

import java.io.IOException;
import java.net.URI;

/**
 * The agent's side of HTTP with a GLPI server: sends one message, returns the decoded answer.
 *
 * <p>The seam between the dialogue with the server and the network. The implementation adds the COMMON
 * headers, compresses the body, decodes the answer by its {@code Content-Type}, and deals with TLS, proxies
 * and authentication (Basic on a 401, GLPI 11's OAuth2 client credentials). It does not interpret the
 * message: that is the dialogue's job.
 */
public interface ServerClient extends AutoCloseable {
  /**
   * POSTs a message.
   *
   * @param url the server URL
   * @param message the uncompressed body and how to present it
   * @return the answer, whatever its status code; a status code is not an {@link IOException}
   * @throws IOException when no answer was received (connection refused, time-out, TLS failure) or the answer
   *     could not be decoded (truncated compression, oversized body)
   */
  Reply post(URI url, Message message) throws IOException;

  /** GETs a URL, for the REST endpoints of the glpiinventory plugin and for polling a proxy's answer. */
  Reply get(URI url, RequestOptions options) throws IOException;

  /**
   * Forwards another agent's message, as a proxy agent does: its body exactly as it came (compressed or not,
   * encrypted or not) under its content type, with the sending agent's {@code GLPI-Agent-ID} and the other
   * headers given ({@code GLPI-Proxy-ID}, {@code GLPI-Request-ID}, {@code GLPI-CryptoKey-ID}); the answer is
   * decoded as for {@link #post}.
   */
  default Reply forward(URI url, byte[] body, String contentType, java.util.Map<String, String> headers) throws IOException {
    throw new IOException("this client cannot forward messages");
  }

  @Override
  void close();
}
