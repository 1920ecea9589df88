package org.glpiagent.tasks.inventory;

import java.util.List;

/** The inventory categories, with glpi-agent's names, as {@code no-category} and {@code --list-categories} use them. */
public final class Categories {
  /** Every category glpi-agent knows; some are not collected yet but are accepted in {@code no-category}. */
  public static final List<String> ALL =
      List.of(
          "accesslog", "antivirus", "battery", "bios", "controller", "cpu", "database", "drive", "environment",
          "firewall", "hardware", "input", "licenseinfo", "local_group", "local_user", "lvm", "memory", "modem",
          "monitor", "network", "os", "port", "printer", "process", "provider", "psu", "registry", "remote_mgmt",
          "rudder", "slot", "software", "sound", "storage", "usb", "user", "video", "virtualmachine");

  private Categories() {}
}
