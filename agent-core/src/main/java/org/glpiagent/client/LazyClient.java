package org.glpiagent.client;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * A client made on its first request. A daemon whose runs happen in processes of their own only needs one for
 * proxy mode; until then it holds neither the HTTP library nor the TLS trust store. A client that cannot be
 * made (an unreadable {@code ca-cert-file}, say) fails that request, and is tried again at the next.
 */
public final class LazyClient implements ServerClient {
  /** Makes the real client. */
  @FunctionalInterface
  public interface Factory {
    ServerClient create() throws IOException;
  }

  private final Factory factory;
  private ServerClient client;
  private boolean closed;

  public LazyClient(Factory factory) {
    this.factory = factory;
  }

  private synchronized ServerClient client() throws IOException {
    if (closed) {
      throw new IOException("the client is closed");
    }
    if (client == null) {
      client = factory.create();
    }
    return client;
  }

  /** Whether the real client was made. */
  public synchronized boolean made() {
    return client != null;
  }

  @Override
  public Reply post(URI url, Message message) throws IOException {
    return client().post(url, message);
  }

  @Override
  public Reply get(URI url, RequestOptions options) throws IOException {
    return client().get(url, options);
  }

  @Override
  public Reply forward(URI url, byte[] body, String contentType, Map<String, String> headers) throws IOException {
    return client().forward(url, body, contentType, headers);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      client.close();
    }
  }
}
