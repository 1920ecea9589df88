package org.glpiagent.register;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The communication keys in use, by server URL, and what to do when a server no longer accepts one.
 *
 * <p>Filled by the {@link Registrar} at the start of each run of a target, read by the {@link SealingClient}
 * on every message; tasks may post from worker threads, hence the concurrent map.
 */
public final class KeyRing {
  private record Entry(SessionKey key, Consumer<String> onRefused) {}

  private final Map<URI, Entry> keys = new ConcurrentHashMap<>();

  /** Seals messages to that URL with that key; {@code onRefused} gets the server's reason when it refuses it. */
  public void put(URI url, SessionKey key, Consumer<String> onRefused) {
    keys.put(url, new Entry(key, onRefused));
  }

  /** Sends messages to that URL in the clear. */
  public void remove(URI url) {
    keys.remove(url);
  }

  /** The key for that URL, if the agent is registered there with one. */
  public Optional<SessionKey> get(URI url) {
    Entry e = keys.get(url);
    return e == null ? Optional.empty() : Optional.of(e.key());
  }

  /** The server at that URL refused the key: forget it here and tell its owner. */
  void refused(URI url, SessionKey key, String why) {
    Entry e = keys.get(url);
    if (e != null && e.key() == key && keys.remove(url, e)) {
      e.onRefused().accept(why);
    }
  }
}
