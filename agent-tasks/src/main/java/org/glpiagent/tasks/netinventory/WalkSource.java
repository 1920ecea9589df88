package org.glpiagent.tasks.netinventory;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.glpiagent.tasks.snmp.WalkFile;

/** A recorded {@code snmpwalk -On} as a device: for {@code --file} and for tests. */
final class WalkSource implements MibSource {
  private final WalkFile walk;

  WalkSource(WalkFile walk) {
    this.walk = walk;
  }

  @Override
  public Map<String, String> get(List<String> oids) {
    return walk.get(oids);
  }

  @Override
  public SortedMap<String, String> walk(String root) {
    return walk.walk(root);
  }
}
