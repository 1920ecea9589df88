package org.glpiagent.tasks.snmp;

import java.util.List;

/** The OIDs of MIB-II's system group and the bridge address, which discovery and inventory both ask first. */
public final class Mib2 {
  public static final String SYS_DESCR = "1.3.6.1.2.1.1.1.0";
  public static final String SYS_OBJECT_ID = "1.3.6.1.2.1.1.2.0";
  public static final String SYS_UPTIME = "1.3.6.1.2.1.1.3.0";
  public static final String SYS_CONTACT = "1.3.6.1.2.1.1.4.0";
  public static final String SYS_NAME = "1.3.6.1.2.1.1.5.0";
  public static final String SYS_LOCATION = "1.3.6.1.2.1.1.6.0";
  /** The system group, in its order. */
  public static final List<String> SYSTEM = List.of(SYS_DESCR, SYS_OBJECT_ID, SYS_UPTIME, SYS_CONTACT, SYS_NAME, SYS_LOCATION);
  /** BRIDGE-MIB dot1dBaseBridgeAddress: a switch's own MAC. */
  public static final String BRIDGE_ADDRESS = "1.3.6.1.2.1.17.1.1.0";

  private Mib2() {}
}
