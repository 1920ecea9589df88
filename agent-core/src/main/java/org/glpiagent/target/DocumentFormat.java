package org.glpiagent.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.glpiagent.protocol.InventoryMessage;
import org.glpiagent.protocol.JsonTree;
import org.glpiagent.task.Submission;

/** How a document is written locally: GLPI's JSON, the legacy XML, or an HTML page a person can read. */
public enum DocumentFormat {
  JSON("json"),
  XML("xml"),
  HTML("html");

  private final String extension;

  DocumentFormat(String extension) {
    this.extension = extension;
  }

  /** The file extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** The document's bytes in this format. */
  public byte[] write(Submission s, String deviceId, Optional<String> tag) throws IOException {
    return switch (this) {
      case JSON -> JsonTree.write(message(s, deviceId, tag), true);
      case XML -> InventoryMessage.xml(deviceId, tag, s.content());
      case HTML -> html(message(s, deviceId, tag)).getBytes(StandardCharsets.UTF_8);
    };
  }

  private static ObjectNode message(Submission s, String deviceId, Optional<String> tag) {
    return InventoryMessage.json(s.action(), deviceId, s.itemtype(), s.partial(), s.jobId(), tag, s.content());
  }

  /** A self-contained page: one table per section, one row per entry, one column per field. */
  static String html(ObjectNode message) {
    StringBuilder h = new StringBuilder();
    String device = message.path("deviceid").asText();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Inventory of ")
        .append(esc(device))
        .append("</title>\n<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:1.5em}"
            + "th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top;font-size:.9em}"
            + "th{background:#eef}h2{margin-top:1.2em}</style></head><body>\n")
        .append("<h1>Inventory of ").append(esc(device)).append("</h1>\n<p>")
        .append(esc(message.path("itemtype").asText())).append(", ")
        .append(esc(message.path("content").path("versionclient").asText())).append("</p>\n");
    for (Map.Entry<String, JsonNode> section : message.path("content").properties()) {
      if (!section.getValue().isContainerNode()) {
        continue;
      }
      List<JsonNode> rows = new ArrayList<>();
      if (section.getValue().isArray()) {
        section.getValue().forEach(rows::add);
      } else {
        rows.add(section.getValue());
      }
      Set<String> columns = new LinkedHashSet<>();
      rows.forEach(r -> r.fieldNames().forEachRemaining(columns::add));
      h.append("<h2 id=\"").append(esc(section.getKey())).append("\">").append(esc(section.getKey()))
          .append(" (").append(rows.size()).append(")</h2>\n<table><tr>");
      columns.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
      h.append("</tr>\n");
      for (JsonNode r : rows) {
        h.append("<tr>");
        for (String c : columns) {
          JsonNode v = r.get(c);
          h.append("<td>").append(v == null ? "" : esc(v.isValueNode() ? v.asText() : JsonTree.text(v))).append("</td>");
        }
        h.append("</tr>\n");
      }
      h.append("</table>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
