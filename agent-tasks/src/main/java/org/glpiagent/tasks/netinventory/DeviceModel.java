package org.glpiagent.tasks.netinventory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One device as it is being read: its {@code network_device} fields, ports by ifIndex and the other sections,
 * in GLPI's native inventory names. Not thread-safe: one device is read by one worker.
 */
final class DeviceModel {
  final ObjectNode device = JsonNodeFactory.instance.objectNode();
  final TreeMap<Long, ObjectNode> ports = new TreeMap<>();
  final ArrayNode components = JsonNodeFactory.instance.arrayNode();
  final ArrayNode firmwares = JsonNodeFactory.instance.arrayNode();
  final Map<String, String> cartridges = new LinkedHashMap<>();
  final ObjectNode pagecounters = JsonNodeFactory.instance.objectNode();
  /** MACs seen behind each port (forwarding tables, a switch's ARP table), by ifIndex. */
  final Map<Long, Set<String>> macsSeen = new LinkedHashMap<>();
  /** Ports whose neighbour CDP or LLDP named: MAC table entries there are the neighbour's, not connections. */
  final Set<Long> neighbourPorts = new LinkedHashSet<>();
  boolean printer;

  /** The port of an ifIndex, if the device has it. */
  ObjectNode port(long ifIndex) {
    return ports.get(ifIndex);
  }

  static void put(ObjectNode n, String field, String value) {
    if (value != null && !value.isBlank()) {
      n.put(field, value.strip());
    }
  }

  static void put(ObjectNode n, String field, Long value) {
    if (value != null) {
      n.put(field, value);
    }
  }

  /** The inventory's {@code content}. */
  ObjectNode content() {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.set("network_device", device);
    if (!ports.isEmpty()) {
      ArrayNode list = c.putArray("network_ports");
      ports.values().forEach(list::add);
    }
    if (!components.isEmpty()) {
      c.set("network_components", components);
    }
    if (!firmwares.isEmpty()) {
      c.set("firmwares", firmwares);
    }
    if (!cartridges.isEmpty()) {
      ArrayNode list = c.putArray("cartridges");
      cartridges.forEach((k, v) -> list.addObject().put(k, v));
    }
    if (!pagecounters.isEmpty()) {
      c.set("pagecounters", pagecounters);
    }
    return c;
  }
}
