package org.glpiagent.register;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.glpiagent.protocol.Json;
import org.glpiagent.state.StateStore;

/**
 * What the agent knows of its registration with one server, kept as {@code register.json} in the target's
 * owner-only folder: the only place the communication key is written.
 *
 * @param status where the registration stands
 * @param nextAttempt when to send REGISTER again (for {@link Status#REFUSED}: the end of the silence)
 * @param expiresAt with {@link Status#REGISTERED}: when the registration, and its key, end
 * @param key the communication key, when the server issued one and encryption is on
 * @param message the server's last reason, for the log
 */
public record RegistrationState(
    Status status, Instant nextAttempt, Optional<Instant> expiresAt, Optional<byte[]> key, Optional<String> message) {
  static final String FILE = "register.json";
  static final int VERSION = 1;

  /** Where a registration stands. */
  public enum Status {
    /** Never registered, or the registration was lost (expired, key refused). */
    NONE,
    /** Registered until {@code expiresAt}. */
    REGISTERED,
    /** The server waits for a validation (manual, or a proxy's). */
    PENDING,
    /** The server said {@code error}: no message to it before {@code nextAttempt}. */
    REFUSED,
    /** The server answered REGISTER with 501 or in no JSON at all. */
    UNSUPPORTED
  }

  /** A server never registered with: due at once. */
  public static RegistrationState none(Instant now) {
    return new RegistrationState(Status.NONE, now, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Whether REGISTER should be sent now. */
  public boolean isDue(Instant now) {
    return !now.isBefore(nextAttempt);
  }

  /** Whether the agent is registered at that time. */
  public boolean isRegistered(Instant now) {
    return status == Status.REGISTERED && expiresAt.map(now::isBefore).orElse(false);
  }

  /** The key to use at that time: only while registered. */
  public Optional<byte[]> usableKey(Instant now) {
    return isRegistered(now) ? key : Optional.empty();
  }

  /** Reads the saved state (a corrupt file is set aside by the store and the agent starts afresh). */
  public static RegistrationState load(StateStore store, Instant now) throws IOException {
    Optional<ObjectNode> saved = store.read(FILE, VERSION);
    if (saved.isEmpty()) {
      return none(now);
    }
    ObjectNode n = saved.get();
    try {
      return new RegistrationState(
          Status.valueOf(n.path("status").asText()),
          Instant.parse(n.path("nextAttempt").asText()),
          n.hasNonNull("expiresAt") ? Optional.of(Instant.parse(n.get("expiresAt").asText())) : Optional.empty(),
          n.hasNonNull("key") ? Optional.of(key(n.get("key").asText())) : Optional.empty(),
          n.hasNonNull("message") ? Optional.of(n.get("message").asText()) : Optional.empty());
    } catch (RuntimeException e) {
      // the message names the file, never its content: it may hold the key
      throw new IOException("registration state " + store.dir().resolve(FILE) + " is invalid");
    }
  }

  private static byte[] key(String b64) {
    byte[] k = Base64.getDecoder().decode(b64);
    if (k.length != 16) {
      throw new IllegalArgumentException("key length");
    }
    return k;
  }

  /** Saves the state atomically, owner-only. */
  public void save(StateStore store) throws IOException {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("status", status.name());
    n.put("nextAttempt", nextAttempt.toString());
    expiresAt.ifPresent(e -> n.put("expiresAt", e.toString()));
    key.ifPresent(k -> n.put("key", Base64.getEncoder().encodeToString(k)));
    message.ifPresent(m -> n.put("message", m));
    store.write(FILE, VERSION, n);
  }

  @Override
  public String toString() {
    return "RegistrationState[" + status + ", next " + nextAttempt + ", expires " + expiresAt.map(Instant::toString).orElse("-")
        + ", key " + (key.isPresent() ? "****" : "none") + "]";
  }
}
