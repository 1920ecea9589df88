package org.glpiagent.tasks.inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.glpiagent.inventory.InventoryContent;

/**
 * The {@code softwares} section on Linux: dpkg, rpm, snap and flatpak packages, with sizes, publishers and,
 * for dpkg, the install date as the date of the package's file list.
 */
final class SoftwareCollector implements Collector {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Override
  public String category() {
    return "software";
  }

  @Override
  public void collect(InventoryContent content, Platform p) {
    List<Packages.Software> all = new ArrayList<>();
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
}
