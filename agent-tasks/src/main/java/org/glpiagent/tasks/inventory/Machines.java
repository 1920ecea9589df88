package org.glpiagent.tasks.inventory;

import java.util.ArrayList;
import java.util.HashMap;
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

  record Guest(String name, String uuid, String status, String vmtype, String subsystem, String image, Long memoryMb, Integer vcpu, String owner) {
    Guest(String name, String uuid, String status, String vmtype, String subsystem, String image) {
      this(name, uuid, status, vmtype, subsystem, image, null, null, null);
    }

    Guest ownedBy(String user) {
      return new Guest(name, uuid, status, vmtype, subsystem, image, memoryMb, vcpu, user);
    }
  }

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

  /** {@code VBoxManage -nologo list vms}: {@code "name" {uuid}} lines; the uuids. */
  static List<String> virtualboxIds(String output) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\".*\"\\s+\\{([0-9a-fA-F-]{36})\\}\\s*$").matcher(output);
    while (m.find()) {
      out.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /**
   * {@code VBoxManage -nologo showvminfo UUID --machinereadable}: {@code key="value"} (or {@code key=value})
   * lines, of which {@code name}, {@code UUID}, {@code VMState}, {@code memory} (MB) and {@code cpus} are taken.
   */
  static Optional<Guest> virtualboxInfo(String output) {
    Map<String, String> v = new HashMap<>();
    for (String line : output.split("\n")) {
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = line.substring(0, eq).strip().replaceAll("^\"|\"$", "");
      String value = line.substring(eq + 1).strip().replaceAll("^\"|\"$", "");
      v.putIfAbsent(key, value);
    }
    String name = v.get("name");
    String uuid = v.get("UUID");
    if (name == null || name.isEmpty() || uuid == null || uuid.isEmpty()) {
      return Optional.empty();
    }
    String status = switch (v.getOrDefault("VMState", "").toLowerCase(Locale.ROOT)) {
      case "running" -> "running";
      case "paused" -> "paused";
      case "aborted", "gurumeditation" -> "crashed";
      default -> "off";
    };
    return Optional.of(new Guest(name, uuid.toLowerCase(Locale.ROOT), status, "virtualbox", "Oracle VM VirtualBox", null,
        number(v.get("memory")), Optional.ofNullable(number(v.get("cpus"))).map(Long::intValue).orElse(null), null));
  }

  private static Long number(String s) {
    try {
      return s == null ? null : Long.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code lxc-ls --fancy --fancy-format name,state}: a heading line, then one container per line. */
  static List<Guest> lxc(String output) {
    List<Guest> out = new ArrayList<>();
    for (String line : output.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length < 2 || f[0].equals("NAME") || f[0].isEmpty()) {
        continue;
      }
      String status = switch (f[1].toUpperCase(Locale.ROOT)) {
        case "RUNNING" -> "running";
        case "FROZEN" -> "paused";
        case "STOPPED" -> "off";
        default -> null;
      };
      if (status != null) {
        out.add(new Guest(f[0], null, status, "lxc", "LXC", null));
      }
    }
    return out;
  }
}
