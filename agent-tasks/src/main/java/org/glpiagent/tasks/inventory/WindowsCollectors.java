package org.glpiagent.tasks.inventory;

import java.time.Duration;
import org.glpiagent.inventory.InventoryContent;

/** {@code antivirus}, {@code firewalls} and {@code licenseinfos}: Windows only, through PowerShell. */
final class WindowsCollectors {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private WindowsCollectors() {}

  static Collector antivirus() {
    return new AccountsCollector.Named("antivirus", (content, p) -> {
      if (p.windows()) {
        p.powershell(TIMEOUT, WindowsSecurity.ANTIVIRUS_SCRIPT).ifPresent(o -> WindowsSecurity.antivirus(o).forEach(a ->
            content.add("antivirus").text("name", a.name()).text("guid", a.guid()).manufacturer("company", a.company())
                .text("version", a.version()).flag("enabled", a.enabled()).flag("uptodate", a.uptodate())
                .text("base_version", a.baseVersion()).text("base_creation", a.baseCreation())));
      }
    });
  }

  static Collector firewalls() {
    return new AccountsCollector.Named("firewall", (content, p) -> {
      if (p.windows()) {
        p.powershell(TIMEOUT, WindowsSecurity.FIREWALL_SCRIPT).ifPresent(o -> WindowsSecurity.firewalls(o).forEach(f ->
            content.add("firewalls").text("profile", f.profile()).text("status", f.status())));
      }
    });
  }

  static Collector licenses() {
    return new AccountsCollector.Named("licenseinfo", (content, p) -> {
      if (p.windows()) {
        p.powershell(TIMEOUT, WindowsSecurity.LICENSE_SCRIPT).ifPresent(o -> WindowsSecurity.licenses(o).forEach(l ->
            content.add("licenseinfos").text("name", l.name()).text("fullname", l.fullname()).text("key", l.key())
                .text("productid", l.productId()).flag("trial", l.trial())));
      }
    });
  }
}
