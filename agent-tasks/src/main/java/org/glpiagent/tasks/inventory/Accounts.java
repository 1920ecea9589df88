package org.glpiagent.tasks.inventory;

import java.util.ArrayList;
import java.util.List;

/** Parsers of {@code /etc/passwd} and {@code /etc/group}: pure functions, tested on fixtures. */
final class Accounts {
  record User(String login, String id, String name, String home, String shell) {}

  record Group(String name, String id, List<String> members) {}

  private Accounts() {}

  static List<User> passwd(String text) {
    List<User> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("+") || line.startsWith("-")) {
        continue;
      }
      String[] f = line.split(":", -1);
      if (f.length < 7 || !f[2].matches("\\d+")) {
        continue;
      }
      String gecos = f[4].contains(",") ? f[4].substring(0, f[4].indexOf(',')) : f[4];
      out.add(new User(f[0], f[2], gecos.isBlank() ? null : gecos, f[5], f[6]));
    }
    return out;
  }

  static List<Group> group(String text) {
    List<Group> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("+") || line.startsWith("-")) {
        continue;
      }
      String[] f = line.split(":", -1);
      if (f.length < 4 || !f[2].matches("\\d+")) {
        continue;
      }
      List<String> members = new ArrayList<>();
      for (String m : f[3].split(",")) {
        if (!m.isBlank()) {
          members.add(m.strip());
        }
      }
      out.add(new Group(f[0], f[2], members));
    }
    return out;
  }
}
