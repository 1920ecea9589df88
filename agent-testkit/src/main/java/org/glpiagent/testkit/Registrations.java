package org.glpiagent.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server half of REGISTER for the fake GLPI: challenges, their validation, keys issued, revoked, and
 * agents validated by hand; and the AES-128-GCM sealing of the exchanges that follow (the agent's wire format,
 * {@code docs/PROTOCOL.md}).
 *
 * <p>Written on the JDK's own AES (JCE), apart from the agent's BouncyCastle code, so that each side checks the
 * other. Randomness is a seeded {@link Random}: the blocks a test sees are the same at every run.
 */
final class Registrations {
  private static final Pattern UUID_FORM =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final HexFormat HEX = HexFormat.of();

  /** How the server answers a first REGISTER message. */
  enum Mode {
    UNSUPPORTED,
    SIMPLE,
    MANUAL,
    TOKEN,
    REFUSE
  }

  /** A server answer: HTTP code and JSON body. */
  record Reply(int code, ObjectNode body) {}

  private record Pending(byte[] serverSecret, Instant expires) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
  private final Set<String> validated = ConcurrentHashMap.newKeySet();
  private final Set<String> revokeOn = ConcurrentHashMap.newKeySet();
  volatile Mode mode = Mode.UNSUPPORTED;
  volatile byte[] token;
  volatile String expiration = "30d";
  volatile Duration challengeLifetime = Duration.ofMinutes(1);
  volatile String errorExpiration = "4h";
  volatile String refusal = "forbidden";
  volatile boolean issueKeys = true;
  volatile String challengeFor;
  volatile boolean tamperChallenge;
  volatile boolean tamperFinal;
  volatile boolean tamperSealed;
  volatile Supplier<Instant> clock = Instant::now;
  private Random random = new Random(42);

  synchronized void seed(long seed) {
    random = new Random(seed);
  }

  private synchronized byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  void validate(String agentId) {
    validated.add(agentId);
  }

  void revoke(String agentId) {
    keys.remove(agentId);
  }

  void revokeAll() {
    keys.clear();
  }

  void revokeOn(String action) {
    revokeOn.add(action);
  }

  /** Whether a sealed message of that action revokes its key first (a revocation mid-session). */
  boolean revokesNow(String action, String keyId) {
    if (revokeOn.remove(action)) {
      keys.remove(keyId);
      return true;
    }
    return false;
  }

  Optional<byte[]> key(String keyId) {
    return Optional.ofNullable(keyId == null ? null : keys.get(keyId)).map(byte[]::clone);
  }

  /** Answers a REGISTER message from the agent of that {@code GLPI-Agent-ID}. */
  Reply handle(String agentId, JsonNode message) {
    if (agentId == null || !UUID_FORM.matcher(agentId).matches()) {
      return error(400, "GLPI-Agent-ID is missing or not a UUID");
    }
    if (message.has("challenge")) {
      return answer(agentId, message.path("challenge").asText());
    }
    for (String field : new String[] {"deviceid", "name", "version"}) {
      if (!message.path(field).isTextual() || message.path(field).asText().isEmpty()) {
        return error(400, "missing " + field);
      }
    }
    if (!message.path("port").canConvertToInt()) {
      return error(400, "missing port");
    }
    return switch (mode) {
      case UNSUPPORTED -> throw new IllegalStateException("handled by the caller as GLPI does: 501");
      case SIMPLE -> registered(null, null);
      case REFUSE -> error(403, refusal);
      case MANUAL -> validated.contains(agentId) ? registered(null, null) : pendingManual();
      case TOKEN -> challenge(agentId);
    };
  }

  private Reply challenge(String agentId) {
    if (token == null) {
      throw new IllegalStateException("token mode without a token");
    }
    byte[] serverSecret = randomBytes(8);
    byte[] id = HEX.parseHex((challengeFor != null ? challengeFor : agentId).replace("-", ""));
    byte[] plain = concat(serverSecret, Arrays.copyOfRange(id, 8, 16));
    String challenge = uuid(aes(Cipher.ENCRYPT_MODE, token, plain));
    if (tamperChallenge) {
      tamperChallenge = false;
      challenge = flipLast(challenge);
    }
    pending.put(agentId, new Pending(serverSecret, clock.get().plus(challengeLifetime)));
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("status", "pending").put("needs", "token-validation").put("expiration", challengeLifetime.toSeconds() + "s");
    o.put("challenge", challenge);
    return new Reply(200, o);
  }

  private Reply answer(String agentId, String answer) {
    Pending p = pending.remove(agentId); // one answer per challenge: a replay finds none
    if (p == null) {
      return error(400, "no challenge pending");
    }
    if ("failure".equals(answer)) {
      return error(400, "challenge refused by the agent");
    }
    if (clock.get().isAfter(p.expires())) {
      return error(400, "challenge expired");
    }
    if (!UUID_FORM.matcher(answer).matches()) {
      return error(400, "malformed challenge answer");
    }
    byte[] plain = aes(Cipher.DECRYPT_MODE, token, HEX.parseHex(answer.replace("-", "")));
    if (!MessageDigest.isEqual(Arrays.copyOf(plain, 8), p.serverSecret())) {
      return error(403, "challenge failed");
    }
    byte[] agentSecret = Arrays.copyOfRange(plain, 8, 16);
    String fin = uuid(aes(Cipher.ENCRYPT_MODE, token, concat(agentSecret, p.serverSecret())));
    if (tamperFinal) {
      tamperFinal = false;
      fin = flipLast(fin);
    }
    String crypto = null;
    if (issueKeys) {
      byte[] key = randomBytes(16);
      keys.put(agentId, key);
      crypto = uuid(aes(Cipher.ENCRYPT_MODE, token, key));
    }
    return registered(fin, crypto);
  }

  private Reply registered(String challenge, String crypto) {
    ObjectNode o = JsonNodeFactory.instance.objectNode().put("status", "registered").put("expiration", expiration);
    if (challenge != null) {
      o.put("challenge", challenge);
    }
    if (crypto != null) {
      o.put("crypto", crypto);
    }
    return new Reply(200, o);
  }

  private Reply pendingManual() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("status", "pending").put("needs", "manual-validation").put("expiration", "1h");
    return new Reply(200, o);
  }

  private Reply error(int code, String message) {
    return new Reply(code, JsonNodeFactory.instance.objectNode().put("status", "error").put("message", message).put("expiration", errorExpiration));
  }

  // ---- sealing --------------------------------------------------------------------------------------

  /** The body inside a sealed message, or empty when it does not authenticate. */
  static Optional<byte[]> open(byte[] key, String keyId, byte[] sealed) {
    if (sealed.length < 28) {
      return Optional.empty();
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
      c.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
      return Optional.of(c.doFinal(sealed, 12, sealed.length - 12));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /** A body sealed for the agent: nonce, ciphertext, tag. */
  byte[] seal(byte[] key, String keyId, byte[] plain) {
    byte[] nonce = randomBytes(12);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      c.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
      return concat(nonce, c.doFinal(plain));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- blocks ---------------------------------------------------------------------------------------

  static byte[] aes(int mode, byte[] key, byte[] block) {
    try {
      Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
      c.init(mode, new SecretKeySpec(key, "AES"));
      return c.doFinal(block);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] block(String uuid) {
    if (!UUID_FORM.matcher(uuid).matches()) {
      throw new IllegalArgumentException("not a whole UUID: " + uuid.length() + " characters");
    }
    return HEX.parseHex(uuid.replace("-", ""));
  }

  static String uuid(byte[] b) {
    String h = HEX.formatHex(b);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
  }

  private static String flipLast(String uuid) {
    char c = uuid.charAt(uuid.length() - 1);
    return uuid.substring(0, uuid.length() - 1) + (c == '0' ? '1' : '0');
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
