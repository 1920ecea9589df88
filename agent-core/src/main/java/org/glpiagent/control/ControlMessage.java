package org.glpiagent.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.glpiagent.protocol.Json;

/**
 * One message of the control channel: a flat JSON object ended by {@code ;;}, whose {@code job}, {@code data},
 * {@code error} and {@code list} fields are base64 (the taskmaster format). Pure: parsing and writing only.
 *
 * @param kind the {@code command} of a request or the {@code response} of an answer
 * @param fields the other fields, decoded
 */
public record ControlMessage(String kind, Map<String, String> fields) {
  /** The end of every message. */
  public static final String END = ";;";
  /** The largest message taken, end included. */
  public static final int MAX_BYTES = 64 * 1024;
  /** The fields carried in base64. */
  static final Set<String> ENCODED = Set.of("job", "data", "error", "list");
  /** The commands there are. */
  public static final Set<String> COMMANDS =
      Set.of("start", "stop", "kill", "repair", "status", "pull", "push", "delete", "list", "reload", "restart");

  public ControlMessage {
    fields = Map.copyOf(fields);
  }

  /** A message with no other field. */
  public static ControlMessage of(String kind) {
    return new ControlMessage(kind, Map.of());
  }

  /** A message with one more field. */
  public ControlMessage with(String field, String value) {
    Map<String, String> m = new LinkedHashMap<>(fields);
    m.put(field, value);
    return new ControlMessage(kind, m);
  }

  /** A field's value, decoded. */
  public Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** Thrown for what is not a message: the answer to it is {@code invalid}. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    public Invalid(String message) {
      super(message);
    }
  }

  /**
   * Reads one request or answer, {@code ;;} already cut off.
   *
   * @param kindField {@code command} for requests, {@code response} for answers
   */
  public static ControlMessage parse(String text, String kindField) throws Invalid {
    if (text.length() > MAX_BYTES) {
      throw new Invalid("message over " + MAX_BYTES + " bytes");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Invalid("not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new Invalid("not a JSON object");
    }
    JsonNode kind = node.get(kindField);
    if (kind == null || !kind.isTextual() || kind.asText().isBlank()) {
      throw new Invalid("no \"" + kindField + "\"");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    var it = node.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getKey().equals(kindField)) {
        continue;
      }
      if (!e.getValue().isTextual()) {
        throw new Invalid("field \"" + e.getKey() + "\" is not a string");
      }
      String v = e.getValue().asText();
      if (ENCODED.contains(e.getKey())) {
        try {
          v = new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
          throw new Invalid("field \"" + e.getKey() + "\" is not base64");
        }
      }
      fields.put(e.getKey(), v);
    }
    return new ControlMessage(kind.asText(), fields);
  }

  /** The message on the wire, {@code ;;} included, with no whitespace. */
  public String write(String kindField) {
    ObjectNode o = Json.MAPPER.createObjectNode().put(kindField, kind);
    for (Map.Entry<String, String> e : fields.entrySet()) {
      o.put(e.getKey(), ENCODED.contains(e.getKey())
          ? Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8))
          : e.getValue());
    }
    try {
      return Json.MAPPER.writeValueAsString(o) + END;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
