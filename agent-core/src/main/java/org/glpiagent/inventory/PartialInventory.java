package org.glpiagent.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.glpiagent.protocol.JsonTree;

/**
 * glpi-agent's partial inventories: a SHA-256 per section is kept after each accepted inventory, and the
 * next ones send only the sections that changed ({@code "partial": true}), with the sections GLPI needs to
 * recognise the computer. Every {@code full-inventory-postpone}-th run, or when a section disappeared, the
 * whole inventory goes again. A pure rule: the caller keeps the state and saves it once the server accepted.
 */
public final class PartialInventory {
  /** Sections always sent, so that GLPI's rules can match the computer. */
  static final Set<String> ALWAYS = Set.of("versionclient", "hardware", "bios", "operatingsystem");

  private PartialInventory() {}

  /**
   * What to send.
   *
   * @param content the content to send (all or part of the full one)
   * @param partial whether it is partial
   * @param state the state to keep once the server accepted it
   * @param postponed how many partial inventories have been sent since the last full one, this one included
   */
  public record Decision(ObjectNode content, boolean partial, ObjectNode state, int postponed) {}

  /** Decides for a full content, given the last accepted state and the {@code full-inventory-postpone} setting. */
  public static Decision decide(ObjectNode full, Optional<ObjectNode> last, int postpone) {
    ObjectNode digests = digests(full);
    ObjectNode state = JsonTree.object();
    state.set("sections", digests);
    if (postpone <= 0 || last.isEmpty() || !last.get().path("sections").isObject()) {
      state.put("postponed", 0);
      return new Decision(full, false, state, 0);
    }
    JsonNode before = last.get().path("sections");
    int postponed = last.get().path("postponed").asInt(0);
    boolean vanished = false;
    for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
      vanished |= !digests.has(it.next());
    }
    if (vanished || postponed >= postpone) {
      state.put("postponed", 0);
      return new Decision(full, false, state, 0);
    }
    ObjectNode part = JsonTree.object();
    for (Map.Entry<String, JsonNode> e : full.properties()) {
      if (ALWAYS.contains(e.getKey()) || !digests.get(e.getKey()).equals(before.get(e.getKey()))) {
        part.set(e.getKey(), e.getValue());
      }
    }
    state.put("postponed", postponed + 1);
    return new Decision(part, true, state, postponed + 1);
  }

  /** {@code {section: {"digest": sha256, "len": bytes}}} of a content. */
  static ObjectNode digests(ObjectNode content) {
    ObjectNode out = JsonTree.object();
    for (Map.Entry<String, JsonNode> e : content.properties()) {
      byte[] bytes = JsonTree.write(e.getValue(), false);
      ObjectNode d = out.putObject(e.getKey());
      d.put("digest", sha256(bytes));
      d.put("len", bytes.length);
    }
    return out;
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
