package org.glpiagent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes legacy XML messages the way glpi-agent does: an XML declaration, keys sorted, two-space indent, one
 * element per value, arrays as repeated elements.
 */
public final class XmlWriter {
  private XmlWriter() {}

  /** A {@code <REQUEST>} document from a tree (objects become elements, arrays repeat their element). */
  public static byte[] request(JsonNode request) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    element(sb, "REQUEST", request, 0, false);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Same, but every element name below {@code CONTENT} is upper-cased: the legacy inventory format is the JSON
   * inventory with upper-case names ({@code cpus} → {@code CPUS}).
   */
  public static byte[] inventoryRequest(JsonNode request) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    element(sb, "REQUEST", request, 0, true);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void element(StringBuilder sb, String name, JsonNode value, int depth, boolean upper) {
    String tag = upper ? name.toUpperCase(Locale.ROOT) : name;
    if (value.isArray()) {
      for (JsonNode item : value) {
        element(sb, name, item, depth, upper);
      }
      return;
    }
    indent(sb, depth);
    if (value.isObject()) {
      if (value.isEmpty()) {
        sb.append('<').append(tag).append("/>\n");
        return;
      }
      sb.append('<').append(tag).append(">\n");
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(value.properties());
      fields.sort(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER));
      for (Map.Entry<String, JsonNode> f : fields) {
        element(sb, f.getKey(), f.getValue(), depth + 1, upper);
      }
      indent(sb, depth);
      sb.append("</").append(tag).append(">\n");
    } else if (value.isNull()) {
      sb.append('<').append(tag).append("/>\n");
    } else {
      sb.append('<').append(tag).append('>').append(escape(value.asText())).append("</").append(tag).append(">\n");
    }
  }

  private static void indent(StringBuilder sb, int depth) {
    sb.append("  ".repeat(depth));
  }

  /** Escapes text content; characters XML 1.0 cannot carry are dropped. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
