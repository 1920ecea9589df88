package org.glpiagent.tasks.inventory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Parsers of package managers' listings into software entries: pure functions of the command output, tested
 * on captured fixtures.
 */
final class Packages {
  /** The {@code dpkg-query} format the collector asks for: one tab-separated line per package. */
  static final String DPKG_FORMAT =
      "${Package}\\t${Version}\\t${Architecture}\\t${Installed-Size}\\t${Maintainer}\\t${Homepage}\\t${db:Status-Abbrev}\\t${binary:Summary}\\n";
  /** The {@code rpm} query format the collector asks for. */
  static final String RPM_FORMAT =
      "%{NAME}\\t%{EPOCH}\\t%{VERSION}-%{RELEASE}\\t%{ARCH}\\t%{INSTALLTIME}\\t%{SIZE}\\t%{VENDOR}\\t%{URL}\\t%{SUMMARY}\\n";

  /** One installed package, as GLPI's {@code softwares} section wants it. */
  record Software(
      String name, String version, String arch, String publisher, Long sizeBytes, String installDate, String url,
      String comments, String from) {}

  private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d{1,18}");
  private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("<[^>]*>");

  private Packages() {}

  /** {@code dpkg-query -W -f DPKG_FORMAT}: only installed packages ({@code ii}, {@code hi}). */
  static List<Software> dpkg(String output) {
    List<Software> out = new ArrayList<>();
    for (String line : output.split("\n")) {
      String[] f = line.split("\t", -1);
      if (f.length < 8 || f[0].isBlank()) {
        continue;
      }
      String status = f[6].strip();
      if (!status.isEmpty() && !status.startsWith("ii") && !status.startsWith("hi")) {
        continue;
      }
      Long size = DIGITS.matcher(f[3]).matches() ? Long.parseLong(f[3]) * 1024 : null;
      out.add(new Software(f[0], f[1], f[2], publisher(f[4]), size, null, blankToNull(f[5]), blankToNull(f[7]), "deb"));
    }
    return out;
  }

  /** {@code rpm -qa --queryformat RPM_FORMAT}; install times are epoch seconds. */
  static List<Software> rpm(String output, ZoneId zone) {
    List<Software> out = new ArrayList<>();
    for (String line : output.split("\n")) {
      String[] f = line.split("\t", -1);
      if (f.length < 9 || f[0].isBlank() || f[0].equals("gpg-pubkey")) {
        continue;
      }
      String version = DIGITS.matcher(f[1]).matches() ? f[1] + ":" + f[2] : f[2];
      String date = DIGITS.matcher(f[4]).matches() ? Dates.datetime(Instant.ofEpochSecond(Long.parseLong(f[4])), zone).substring(0, 10) : null;
      Long size = DIGITS.matcher(f[5]).matches() ? Long.parseLong(f[5]) : null;
      out.add(new Software(f[0], version, none(f[3]), none(f[6]), size, date, none(f[7]), none(f[8]), "rpm"));
    }
    return out;
  }

  /** {@code snap list}: a header, then {@code Name Version Rev Tracking Publisher Notes}. */
  static List<Software> snap(String output) {
    List<Software> out = new ArrayList<>();
    String[] lines = output.split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].trim().split("\\s+");
      if (f.length < 5) {
        continue;
      }
      out.add(new Software(f[0], f[1], null, f[4].replace("**", "").replace("✓", ""), null, null, null, null, "snap"));
    }
    return out;
  }

  /** {@code flatpak list --columns=application,version,arch,origin,installation --app}: tab-separated. */
  static List<Software> flatpak(String output) {
    List<Software> out = new ArrayList<>();
    for (String line : output.split("\n")) {
      String[] f = line.split("\t", -1);
      if (f.length < 3 || f[0].isBlank()) {
        continue;
      }
      out.add(new Software(f[0], blankToNull(f[1]), blankToNull(f[2]), f.length > 3 ? blankToNull(f[3]) : null, null, null, null, null, "flatpak"));
    }
    return out;
  }

  /** {@code "Debian Adduser Developers <adduser@packages.debian.org>"} → the name without the address. */
  static String publisher(String maintainer) {
    String m = (maintainer.indexOf('<') < 0 ? maintainer : ADDRESS.matcher(maintainer).replaceAll("")).strip();
    return m.isEmpty() ? null : m;
  }

  private static String none(String s) {
    String v = s.strip();
    return v.isEmpty() || v.equals("(none)") ? null : v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * {@code system_profiler -json SPApplicationsDataType} (macOS 10.15 and later): the applications, their
   * version, the signer as publisher ({@code Developer ID Application: Mozilla Corporation (43AQ936H96)} gives
   * {@code Mozilla Corporation}; Apple's own say {@code obtained_from: apple}) and the bundle's modification
   * day as install date. Output that is not this JSON gives nothing.
   */
  static List<Software> macApplications(String json) {
    List<Software> out = new ArrayList<>();
    com.fasterxml.jackson.databind.JsonNode root;
    try {
      root = org.glpiagent.protocol.JsonTree.read(json);
    } catch (java.io.IOException e) {
      return out;
    }
    for (com.fasterxml.jackson.databind.JsonNode app : root.path("SPApplicationsDataType")) {
      String name = app.path("_name").asText("").strip();
      if (name.isEmpty()) {
        continue;
      }
      String publisher = null;
      String signer = app.path("signed_by").path(0).asText("");
      if (signer.startsWith("Developer ID Application: ")) {
        publisher = signer.substring("Developer ID Application: ".length()).replaceFirst("\\s*\\([A-Z0-9]+\\)$", "");
      } else if (app.path("obtained_from").asText("").equals("apple")) {
        publisher = "Apple Inc.";
      }
      String modified = app.path("lastModified").asText("");
      String day = modified.matches("\\d{4}-\\d{2}-\\d{2}T.*") ? modified.substring(0, 10) : null;
      String version = app.path("version").asText("").strip();
      String arch = switch (app.path("arch_kind").asText("")) {
        case "arch_arm_i64" -> "universal";
        case "arch_arm" -> "arm64";
        case "arch_i64" -> "x86_64";
        default -> null;
      };
      out.add(new Software(name, version.isEmpty() ? null : version, arch, publisher, null, day, null,
          blankToNull(app.path("info").asText("")), "mac"));
    }
    return out;
  }
}
