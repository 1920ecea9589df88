package org.glpiagent.target;

/** What a server target turned out to speak, remembered between runs. */
public enum ServerKind {
  /** Not known yet: try CONTACT first. */
  UNKNOWN,
  /** GLPI 10/11 (or a proxy agent): CONTACT in JSON, JSON inventories. */
  GLPI,
  /** A server that only speaks the legacy XML (FusionInventory era): PROLOG, XML inventories. */
  LEGACY
}
