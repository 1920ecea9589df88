package org.glpiagent.tasks.netinventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * A device's native inventory as the {@code <DEVICE>} of an {@code SNMPQUERY} message, which the glpiinventory
 * plugin and GLPI's converter read: {@code INFO}, {@code PORTS/PORT} with {@code CONNECTIONS}, {@code VLANS} and
 * {@code AGGREGATE}, {@code COMPONENTS/COMPONENT}, {@code CARTRIDGES}, {@code PAGECOUNTERS}. Pure.
 */
final class Legacy {
  /** Native names whose legacy name is not just the upper-case one. */
  private static final Map<String, String> INFO_NAMES = Map.of("description", "COMMENTS");
  private static final Map<String, String> PORT_NAMES = Map.of("ifinbytes", "IFINOCTETS", "ifoutbytes", "IFOUTOCTETS");
  private static final Map<String, String> COMPONENT_NAMES = Map.of("contained_index", "CONTAINEDININDEX");

  private Legacy() {}

  /** The DEVICE element for GLPI's item {@code id} of {@code type} ({@code NETWORKING}, {@code PRINTER}). */
  static ObjectNode device(JsonNode content, String id, String type) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    ObjectNode info = d.putObject("INFO");
    if (id != null && !id.isBlank()) {
      info.put("ID", id);
    }
    info.put("TYPE", type != null && !type.isBlank() ? type.toUpperCase(Locale.ROOT)
        : "Printer".equals(content.path("network_device").path("type").asText()) ? "PRINTER" : "NETWORKING");
    content.path("network_device").properties().forEach(e -> {
      switch (e.getKey()) {
        case "type", "credentials" -> { }
        case "ips" -> list(info.putObject("IPS"), "IP", e.getValue());
        default -> info.set(INFO_NAMES.getOrDefault(e.getKey(), e.getKey().toUpperCase(Locale.ROOT)), text(e.getValue()));
      }
    });
    if (content.path("network_ports").size() > 0) {
      ArrayNode ports = d.putObject("PORTS").putArray("PORT");
      for (JsonNode p : content.path("network_ports")) {
        ports.add(port(p));
      }
    }
    if (content.path("network_components").size() > 0) {
      ArrayNode list = d.putObject("COMPONENTS").putArray("COMPONENT");
      for (JsonNode c : content.path("network_components")) {
        ObjectNode x = list.addObject();
        c.properties().forEach(e -> x.set(COMPONENT_NAMES.getOrDefault(e.getKey(), e.getKey().toUpperCase(Locale.ROOT)), text(e.getValue())));
      }
    }
    if (content.path("cartridges").size() > 0) {
      ObjectNode c = d.putObject("CARTRIDGES");
      for (JsonNode one : content.path("cartridges")) {
        one.properties().forEach(e -> c.set(e.getKey().toUpperCase(Locale.ROOT), text(e.getValue())));
      }
    }
    if (content.path("pagecounters").size() > 0) {
      ObjectNode c = d.putObject("PAGECOUNTERS");
      content.path("pagecounters").properties().forEach(e -> c.set(e.getKey().toUpperCase(Locale.ROOT), text(e.getValue())));
    }
    return d;
  }

  private static ObjectNode port(JsonNode p) {
    ObjectNode x = JsonNodeFactory.instance.objectNode();
    p.properties().forEach(e -> {
      switch (e.getKey()) {
        case "lldp" -> { }
        case "ips" -> list(x.putObject("IPS"), "IP", e.getValue());
        case "trunk" -> x.put("TRUNK", e.getValue().asBoolean() ? "1" : "0");
        case "aggregate" -> list(x.putObject("AGGREGATE"), "PORT", e.getValue());
        case "vlans" -> {
          ArrayNode vlans = x.putObject("VLANS").putArray("VLAN");
          for (JsonNode v : e.getValue()) {
            ObjectNode y = vlans.addObject();
            v.properties().forEach(f -> y.set(f.getKey().toUpperCase(Locale.ROOT), text(f.getValue())));
          }
        }
        case "connections" -> {
          ObjectNode c = x.putObject("CONNECTIONS");
          if (p.path("lldp").asBoolean()) {
            c.put("CDP", "1");
          }
          ArrayNode list = c.putArray("CONNECTION");
          for (JsonNode one : e.getValue()) {
            ObjectNode y = list.addObject();
            one.properties().forEach(f -> {
              if (f.getValue().isArray()) {
                list(y, f.getKey().toUpperCase(Locale.ROOT), f.getValue());
              } else {
                y.set(f.getKey().toUpperCase(Locale.ROOT), text(f.getValue()));
              }
            });
          }
        }
        default -> x.set(PORT_NAMES.getOrDefault(e.getKey(), e.getKey().toUpperCase(Locale.ROOT)), text(e.getValue()));
      }
    });
    return x;
  }

  private static void list(ObjectNode parent, String element, JsonNode values) {
    ArrayNode a = parent.putArray(element);
    values.forEach(v -> a.add(v.asText()));
  }

  private static JsonNode text(JsonNode v) {
    return v.isValueNode() ? JsonNodeFactory.instance.textNode(v.asText()) : v;
  }
}
