package org.glpiagent.tasks.netinventory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Where a device's values come from: a live SNMP agent or a recorded walk. */
interface MibSource {
  /** The values of these OIDs that the device has. */
  Map<String, String> get(List<String> oids) throws IOException, InterruptedException;

  /** Every value under each root, by root; a root the device does not have gives an empty map. */
  default Map<String, SortedMap<String, String>> walkAll(List<String> roots) throws IOException, InterruptedException {
    Map<String, SortedMap<String, String>> out = new LinkedHashMap<>();
    for (String r : roots) {
      out.put(r, walk(r));
    }
    return out;
  }

  /**
   * The same roots walked in each of several VLAN contexts (Cisco's community indexing, {@code public@60}),
   * by VLAN; a source without contexts (a walk file, SNMPv3) gives none.
   */
  default Map<String, Map<String, SortedMap<String, String>>> walkInVlans(List<String> vlans, List<String> roots)
      throws IOException, InterruptedException {
    return Map.of();
  }

  /** Every value under one root. */
  SortedMap<String, String> walk(String root) throws IOException, InterruptedException;
}
