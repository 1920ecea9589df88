package org.glpiagent.tasks.inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.glpiagent.inventory.InventoryContent;

/**
 * The {@code softwares} section: on Linux dpkg, rpm, snap and flatpak packages, with sizes, publishers and,
 * for dpkg, the install date as the date of the package's file list; on macOS the applications
 * from {@code system_profiler}; on Windows the registry's Uninstall keys.
 */
final class SoftwareCollector implements Collector {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Override
  public String category() {
    return "software";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
    if (p.windows()) {
      windows(content, p);
      return;
    }
    List<Packages.Software> all = new ArrayList<>();
    if (p.macos()) {
      p.command(TIMEOUT, "system_profiler", "-json", "SPApplicationsDataType").ifPresent(o -> all.addAll(Packages.macApplications(o)));
    }
    p.command(TIMEOUT, "dpkg-query", "-W", "-f", Packages.DPKG_FORMAT).ifPresent(o -> {
      for (Packages.Software s : Packages.dpkg(o)) {
        String base = s.name().contains(":") ? s.name().substring(0, s.name().indexOf(':')) : s.name();
        String date = p.modified("/var/lib/dpkg/info/" + base + ".list")
            .or(() -> p.modified("/var/lib/dpkg/info/" + base + ":" + s.arch() + ".list"))
            .map(i -> Dates.datetime(i, p.clock().getZone()).substring(0, 10)).orElse(null);
        all.add(new Packages.Software(s.name(), s.version(), s.arch(), s.publisher(), s.sizeBytes(), date, s.url(), s.comments(), s.from()));
      }
    });
    p.command(TIMEOUT, "rpm", "-qa", "--queryformat", Packages.RPM_FORMAT).ifPresent(o -> all.addAll(Packages.rpm(o, p.clock().getZone())));
    p.command(TIMEOUT, "snap", "list").ifPresent(o -> all.addAll(Packages.snap(o)));
    p.command(TIMEOUT, "flatpak", "list", "--app", "--columns=application,version,arch,origin").ifPresent(o -> all.addAll(Packages.flatpak(o)));
    for (Packages.Software s : all) {
      InventoryContent.Entry e = content.add("softwares");
      e.text("name", s.name())
          .text("version", s.version())
          .text("arch", s.arch())
          .text("publisher", s.publisher())
          .text("install_date", s.installDate())
          .text("url_info_about", s.url())
          .text("comments", s.comments())
          .text("from", s.from());
      if (s.sizeBytes() != null) {
        e.number("filesize", s.sizeBytes());
      }
    }
  }

  /** The Uninstall keys as {@code reg export} writes them (UTF-16), read by the same parser as the fixtures. */
  private static void windows(InventoryContent content, Platform p) {
    List<String> keys = new ArrayList<>(List.of(
        "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall",
        "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall"));
    p.command(TIMEOUT, "reg", "query", "HKU").ifPresent(o -> o.lines().map(String::strip)
        .filter(l -> l.matches("(?i)HKEY_USERS\\\\S-1-5-21-[0-9-]+"))
        .forEach(l -> keys.add("HKU\\" + l.substring(l.indexOf('\\') + 1) + "\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall")));
    List<String> loaded = p.scanProfiles() ? loadProfiles(p, keys) : List.of();
    try {
      export(content, p, keys);
    } finally {
      for (String hive : loaded) {
        p.command(TIMEOUT, "reg", "unload", hive);
      }
    }
  }

  private static final String PROFILES = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList";

  /**
   * {@code scan-profiles}: the registry hives of users who are not logged on, loaded under
   * {@code HKU\glpi-agent-<SID>} so that their own programs are listed too; returns what was loaded, which
   * the caller unloads.
   */
  private static List<String> loadProfiles(Platform p, List<String> keys) {
    List<String> loaded = new ArrayList<>();
    String keysSoFar = String.join("\n", keys);
    p.command(TIMEOUT, "reg", "query", PROFILES).ifPresent(list -> {
      for (String sid : RegistrySoftware.subkeys(list)) {
        if (!sid.matches("S-1-5-21-[0-9-]+") || keysSoFar.contains("HKU\\" + sid + "\\")) {
          continue; // a system account, or a user already logged on
        }
        p.command(TIMEOUT, "reg", "query", PROFILES + "\\" + sid, "/v", "ProfileImagePath")
            .flatMap(o -> RegistrySoftware.queryValue(o, "ProfileImagePath"))
            .map(SoftwareCollector::expand)
            .ifPresent(home -> {
              String hive = "HKU\\" + RegistrySoftware.LOADED_PREFIX + sid;
              if (p.command(TIMEOUT, "reg", "load", hive, home + "\\NTUSER.DAT").isPresent()) {
                loaded.add(hive);
                keys.add(hive + "\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall");
              }
            });
      }
    });
    return loaded;
  }

  /** {@code %SystemDrive%\Users\alice} with the process's environment. */
  static String expand(String path) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("%([^%]+)%").matcher(path);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String v = System.getenv(m.group(1));
      m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(v != null ? v : m.group()));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static void export(InventoryContent content, Platform p, List<String> keys) {
    for (String key : keys) {
      try {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("glpi-agent-uninstall", ".reg");
        try {
          if (p.command(TIMEOUT, "reg", "export", key, tmp.toString(), "/y").isPresent()) {
            String text = new String(java.nio.file.Files.readAllBytes(tmp), java.nio.charset.StandardCharsets.UTF_16);
            for (RegistrySoftware.Program pr : RegistrySoftware.parse(text)) {
              InventoryContent.Entry e = content.add("softwares");
              e.text("name", pr.name()).text("version", pr.version()).text("publisher", pr.publisher())
                  .text("install_date", pr.installDate()).text("arch", pr.arch()).text("guid", pr.guid())
                  .text("uninstall_string", pr.uninstall()).text("folder", pr.folder()).text("url_info_about", pr.url())
                  .text("helplink", pr.helplink()).text("version_major", pr.versionMajor())
                  .text("version_minor", pr.versionMinor()).text("userid", pr.userid()).text("from", "registry")
                  .flag("no_remove", pr.noRemove());
              if (pr.sizeBytes() != null) {
                e.number("filesize", pr.sizeBytes());
              }
              if (pr.systemComponent()) {
                e.text("system_category", "system_component");
              }
            }
          }
        } finally {
          java.nio.file.Files.deleteIfExists(tmp);
        }
      } catch (java.io.IOException e) {
        // this key is not readable: the others still count
      }
    }
  }
}
