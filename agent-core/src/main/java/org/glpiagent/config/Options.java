package org.glpiagent.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of every option the agent knows, in the order {@code --help} shows them. */
public final class Options {
  private static final Map<String, OptionDef> ALL = new LinkedHashMap<>();

  static {
    // filled in by the configuration work: one line per option of glpi-agent's Config.pm
    add("password", "p", OptionKind.STRING, null, "password for server authentication", true, false);
    add("oauth-client-secret", null, OptionKind.STRING, null, "OAuth2 client secret (GLPI 11)", true, false);
  }

  private Options() {}

  private static void add(
      String name, String shortName, OptionKind kind, String def, String help, boolean secret, boolean cliOnly) {
    ALL.put(
        name,
        new OptionDef(name, Optional.ofNullable(shortName), kind, Optional.ofNullable(def), help, secret, cliOnly));
  }

  /** Every option, in help order. */
  public static List<OptionDef> all() {
    return List.copyOf(ALL.values());
  }

  /** The option of that name, if known. */
  public static Optional<OptionDef> find(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  /** Whether values of this option are secrets (passwords, tokens) to be printed as {@code ****}. */
  public static boolean isSecret(String name) {
    OptionDef d = ALL.get(name);
    return d != null && d.secret();
  }
}
