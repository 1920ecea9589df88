package org.glpiagent.tasks.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parsers for what runs on or controls this machine: remote-control ids (TeamViewer, AnyDesk), CUPS
 * printers, and containers and virtual machines (Docker, libvirt). Pure functions tested on fixtures.
 */
final class Machines {
  record Remote(String type, String id) {}

  record Printer(String name, String description, String port, boolean shared, String status, boolean network) {}

  record Guest(String name, String uuid, String status, String vmtype, String subsystem, String image) {}

  private Machines() {}

  /** TeamViewer's {@code global.conf}: a line {@code [int32] ClientID = 123456789}. */
  static Optional<Remote> teamviewer(String globalConf) {
    for (String line : globalConf.split("\n")) {
      String l = line.strip();
      if (l.contains("ClientID") && l.contains("=")) {
        String id = l.substring(l.indexOf('=') + 1).strip();
        if (id.matches("\\d{4,12}")) {
          return Optional.of(new Remote("teamviewer", id));
        }
      }
    }
    return Optional.empty();
  }

  /** AnyDesk's {@code system.conf}: {@code ad.anynet.id=123456789}. */
  static Optional<Remote> anydesk(String systemConf) {
    for (String line : systemConf.split("\n")) {
      String l = line.strip();
      if (l.startsWith("ad.anynet.id=")) {
        String id = l.substring("ad.anynet.id=".length()).strip();
        if (id.matches("\\d{4,12}")) {
          return Optional.of(new Remote("anydesk", id));
        }
      }
    }
    return Optional.empty();
  }

  /** CUPS' {@code printers.conf}: {@code <Printer name>} / {@code <DefaultPrinter name>} blocks. */
  static List<Printer> cups(String printersConf) {
    List<Printer> out = new ArrayList<>();
    String name = null;
    Map<String, String> fields = new java.util.HashMap<>();
    for (String line : printersConf.split("\n")) {
      String l = line.strip();
      if (l.matches("<(Default)?Printer\\s+.+>")) {
        name = l.substring(l.indexOf(' ') + 1, l.length() - 1).strip();
        fields.clear();
      } else if (l.equals("</Printer>") || l.equals("</DefaultPrinter>")) {
        if (name != null) {
          String uri = fields.getOrDefault("DeviceURI", "");
          String scheme = uri.contains(":") ? uri.substring(0, uri.indexOf(':')).toLowerCase(Locale.ROOT) : "";
          boolean network = List.of("ipp", "ipps", "http", "https", "socket", "lpd", "smb", "dnssd").contains(scheme);
          out.add(new Printer(name, fields.get("Info"), uri.isEmpty() ? null : uri.replaceAll("//[^/@]*@", "//"),
              "Yes".equalsIgnoreCase(fields.getOrDefault("Shared", "No")), state(fields.get("State")), network));
        }
        name = null;
      } else if (name != null && l.contains(" ")) {
        fields.put(l.substring(0, l.indexOf(' ')), l.substring(l.indexOf(' ') + 1).strip());
      }
    }
    return out;
  }

  private static String state(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /**
   * {@code docker ps -a --no-trunc --format '{{.ID}}\t{{.Names}}\t{{.Image}}\t{{.State}}'}: containers as
   * GLPI's virtual machines of type {@code docker}.
   */
  static List<Guest> docker(String output) {
    List<Guest> out = new ArrayList<>();
    for (String line : output.split("\n")) {
      String[] f = line.split("\t", -1);
      if (f.length < 4 || f[1].isBlank()) {
        continue;
      }
      String status = switch (f[3].strip().toLowerCase(Locale.ROOT)) {
        case "running", "restarting" -> "running";
        case "paused" -> "paused";
        case "dead" -> "crashed";
        default -> "off";
      };
      out.add(new Guest(f[1].strip(), f[0].strip(), status, "docker", "Docker", f[2].strip()));
    }
    return out;
  }

  /** {@code virsh list --all --uuid --name} is not enough for states: {@code virsh list --all} table. */
  static List<Guest> virsh(String output) {
    List<Guest> out = new ArrayList<>();
    for (String line : output.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("Id") || l.matches("-+")) {
        continue;
      }
      String[] f = l.split("\\s+", 3);
      if (f.length < 3) {
        continue;
      }
      String st = f[2].strip().toLowerCase(Locale.ROOT);
      String status = st.startsWith("running") ? "running" : st.startsWith("paused") ? "paused"
          : st.startsWith("idle") ? "idle" : st.startsWith("crashed") ? "crashed" : st.startsWith("in shutdown") ? "shutdown"
          : st.startsWith("blocked") ? "blocked" : "off";
      out.add(new Guest(f[1], null, status, "libvirt", "kvm", null));
    }
    return out;
  }
}
