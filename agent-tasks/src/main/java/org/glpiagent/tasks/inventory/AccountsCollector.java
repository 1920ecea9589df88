package org.glpiagent.tasks.inventory;

import org.glpiagent.inventory.InventoryContent;
import oshi.software.os.OSSession;

/** {@code local_users}, {@code local_groups} (from the account files) and {@code users} (who is logged in). */
final class AccountsCollector {
  private AccountsCollector() {}

  static Collector localUsers() {
    return new Named("local_user", (content, p) -> p.file("/etc/passwd").ifPresent(t -> {
      for (Accounts.User u : Accounts.passwd(t)) {
        content.add("local_users").text("login", u.login()).text("id", u.id()).text("name", u.name())
            .text("home", u.home()).text("shell", u.shell());
      }
    }));
  }

  static Collector localGroups() {
    return new Named("local_group", (content, p) -> p.file("/etc/group").ifPresent(t -> {
      for (Accounts.Group g : Accounts.group(t)) {
        InventoryContent.Entry e = content.add("local_groups").text("name", g.name()).text("id", g.id());
        if (!g.members().isEmpty()) {
          e.strings("members", g.members());
        }
      }
    }));
  }

  static Collector loggedUsers() {
    return new Named("user", (content, p) -> {
      java.util.Set<String> seen = new java.util.LinkedHashSet<>();
      if (p.linux()) {
        // the login records themselves: OSHI would run 'who' for them
        byte[] utmp = p.bytes("/run/utmp").or(() -> p.bytes("/var/run/utmp")).orElse(new byte[0]);
        for (Utmp.Login l : Utmp.logins(utmp)) {
          if (seen.add(l.user())) {
            content.add("users").text("login", l.user());
          }
        }
        return;
      }
      for (OSSession s : p.os().getSessions()) {
        String login = s.getUserName();
        if (login != null && !login.isBlank() && seen.add(login)) {
          String domain = null;
          if (login.contains("\\")) {
            domain = login.substring(0, login.indexOf('\\'));
            login = login.substring(login.indexOf('\\') + 1);
          }
          content.add("users").text("login", login).text("domain", domain);
        }
      }
    });
  }

  /** Names of variables whose values are secrets: sent masked, never as they are. */
  private static final java.util.regex.Pattern SECRET =
      java.util.regex.Pattern.compile("(?i).*(PASSW|SECRET|TOKEN|CREDENTIAL|API_?KEY|PRIVATE).*");

  static Collector environment() {
    return new Named("environment", (content, p) -> new java.util.TreeMap<>(System.getenv()).forEach((k, v) ->
        content.add("envs").text("key", k).raw("val", SECRET.matcher(k).matches() ? "****" : v)));
  }

  /** A collector from a category name and a function. */
  record Named(String category, Body body) implements Collector {
    @Override
    public void collect(InventoryContent content, Platform platform) throws Exception {
      body.collect(content, platform);
    }
  }

  /** What a {@link Named} collector does. */
  @FunctionalInterface
  interface Body {
    void collect(InventoryContent content, Platform platform) throws Exception;
  }
}
