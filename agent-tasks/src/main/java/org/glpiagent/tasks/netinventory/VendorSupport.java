package org.glpiagent.tasks.netinventory;

import java.util.List;

/**
 * What one vendor or family adds to the standard MIBs: its private tables and how to read them. Support
 * classes are listed explicitly in {@link DeviceInventory#SUPPORTS}; each has its own fixture.
 */
interface VendorSupport {
  /** Whether this support applies, from the enterprise number of {@code sysObjectID} and {@code sysDescr}. */
  boolean supports(String sysObjectId, String sysDescr);

  /** The private tables to walk, with the standard ones. */
  List<String> roots();

  /**
   * Forwarding tables ({@code dot1dTpFdbPort}, {@code dot1dBasePortIfIndex}) that only more requests give,
   * such as Cisco's per-VLAN ones; none by default.
   */
  default List<Tables> forwardingTables(MibSource src, Tables tables) throws java.io.IOException, InterruptedException {
    return List.of();
  }

  /** Adds what those tables say to the device being built. */
  void apply(Tables tables, DeviceModel device);

  /** Whether {@code sysObjectID} (with or without its leading dot) is {@code root} or below it. */
  static boolean under(String sysObjectId, String root) {
    if (sysObjectId == null) {
      return false;
    }
    String s = sysObjectId.strip();
    s = s.startsWith(".") ? s.substring(1) : s;
    return s.equals(root) || s.startsWith(root + ".");
  }
}
