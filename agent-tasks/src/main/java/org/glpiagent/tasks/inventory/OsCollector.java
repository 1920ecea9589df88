package org.glpiagent.tasks.inventory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.glpiagent.inventory.InventoryContent;
import oshi.software.os.OperatingSystem;

/** The {@code operatingsystem} section: name, version, kernel, architecture, boot time, time zone, host names. */
final class OsCollector implements Collector {
  @Override
  public String category() {
    return "os";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
    String kernelName = System.getProperty("os.name", "");
    boolean linux = p.linux() && kernelName.toLowerCase(Locale.ROOT).contains("linux");
    InventoryContent.Entry e = content.section("operatingsystem");
    ZoneId zone = p.clock().getZone();
    if (linux) {
      Map<String, String> release = OsRelease.parse(p.file("/etc/os-release").orElse(""));
      e.text("name", release.getOrDefault("NAME", "Linux"))
          .text("version", release.get("VERSION_ID"))
          .text("full_name", release.getOrDefault("PRETTY_NAME", release.getOrDefault("NAME", "Linux")))
          .text("kernel_name", "linux")
          .text("kernel_version", p.file("/proc/sys/kernel/osrelease").orElse(System.getProperty("os.version")))
          .text("arch", arch(System.getProperty("os.arch")));
      long boot = p.file("/proc/stat").map(ProcessCollector::bootTime).orElse(0L);
      if (boot > 0) {
        e.text("boot_time", Dates.datetime(Instant.ofEpochSecond(boot), zone));
      }
      String host = p.hostname();
      String domain = domain(host, p.canonicalHostname().orElse(null));
      if (host != null) {
        String shortHost = host.contains(".") ? host : domain == null ? host : host + "." + domain;
        e.text("fqdn", shortHost);
        e.text("dns_domain", domain);
      }
    } else {
      OperatingSystem os = p.os();
      String family = os.getFamily();
      String version = os.getVersionInfo().getVersion();
      e.text("name", family)
          .text("version", version)
          .text("full_name", family + " " + version)
          .text("kernel_name", kernelName)
          .text("kernel_version", os.getVersionInfo().getBuildNumber())
          .text("arch", arch(System.getProperty("os.arch")));
      long boot = os.getSystemBootTime();
      if (boot > 0) {
        e.text("boot_time", Dates.datetime(Instant.ofEpochSecond(boot), zone));
      }
      String host = os.getNetworkParams().getHostName();
      String domain = os.getNetworkParams().getDomainName();
      Optional.ofNullable(host).filter(h -> h.contains(".")).ifPresentOrElse(
          h -> e.text("fqdn", h).text("dns_domain", h.substring(h.indexOf('.') + 1)),
          () -> {
            if (domain != null && !domain.isBlank() && host != null) {
              e.text("fqdn", host + "." + domain).text("dns_domain", domain);
            }
          });
    }
    ZonedDateTime now = ZonedDateTime.now(p.clock());
    e.object("timezone").text("name", zoneName(zone, p)).text("offset", Dates.offset(now));
    p.file("/etc/machine-id").ifPresent(id -> e.text("hostid", id.length() >= 8 ? id.substring(0, 8) : id));
    if (linux) {
      installDate(INSTALL_MARKS.stream().map(p::created).toList(), p.clock().instant())
          .ifPresent(i -> e.text("install_date", Dates.datetime(i, zone)));
    }
  }

  /**
   * The DNS domain of a host ({@code hostname -d}): what follows the host's name in its canonical name, or
   * in its own name when that has dots; null when neither says.
   */
  static String domain(String host, String canonical) {
    if (host == null) {
      return null;
    }
    if (host.contains(".")) {
      return host.substring(host.indexOf('.') + 1);
    }
    if (canonical != null && canonical.startsWith(host + ".") && canonical.length() > host.length() + 1) {
      return canonical.substring(host.length() + 1);
    }
    return null;
  }

  /**
   * What an installation leaves behind and nothing touches later: Debian's and Ubuntu's installer logs,
   * Red Hat's kickstart file, the machine id made at first boot.
   */
  static final List<String> INSTALL_MARKS = List.of("/var/log/installer", "/root/anaconda-ks.cfg", "/etc/machine-id");

  /**
   * The installation date: the earliest creation time of the marks that is a real date (file systems
   * without birth times give 1970 or nothing) and not in the future.
   */
  static Optional<Instant> installDate(List<Optional<Instant>> created, Instant now) {
    Instant floor = Instant.parse("2000-01-01T00:00:00Z");
    return created.stream().flatMap(Optional::stream).filter(i -> i.isAfter(floor) && !i.isAfter(now)).min(Instant::compareTo);
  }

  private static String zoneName(ZoneId zone, Platform p) {
    String id = zone.getId();
    if (id.equals("Z") || id.equals("UTC") || id.startsWith("GMT")) {
      return p.file("/etc/timezone").orElse("UTC");
    }
    return id;
  }

  /** The architecture as GLPI names it ({@code x86_64}, {@code aarch64}, {@code i686}...). */
  static String arch(String javaArch) {
    if (javaArch == null) {
      return null;
    }
    return switch (javaArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "x86_64";
      case "x86", "i386", "i486", "i586", "i686" -> "i686";
      case "aarch64", "arm64" -> "aarch64";
      case "ppc64", "ppc64le" -> "powerpc64";
      case "ppc" -> "powerpc";
      default -> javaArch;
    };
  }
}
