package org.glpiagent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.glpiagent.config.ConfigException;
import org.glpiagent.config.ConfigFile;
import org.glpiagent.config.ConfigLoader;
import org.glpiagent.config.OptionDef;
import org.glpiagent.config.OptionKind;
import org.glpiagent.config.Options;

/**
 * {@code glpi-agent msi-config --output FILE NAME=VALUE...}: what the Windows installer runs to write the
 * properties given on the {@code msiexec} command line ({@code SERVER=}, {@code TAG=}, glpi-agent's
 * other MSI properties) into a {@code conf.d} file of the agent's configuration. A property is the option
 * of the same name, upper-case with {@code _} for {@code -} ({@code NO_SSL_CHECK} is {@code no-ssl-check});
 * the installer's own properties ({@link #INSTALLER}) are left to the installer. Every value is checked
 * as the agent would check it, and nothing is written unless all are good: a bad property fails the
 * installation with a message naming it, and a secret's value never appears in one.
 */
final class MsiConfig {
  /** glpi-agent's MSI properties that drive the installer, not the agent: never written. */
  static final Set<String> INSTALLER =
      Set.of("EXECMODE", "RUNNOW", "ADD_FIREWALL_EXCEPTION", "QUICKINSTALL", "AGENTMONITOR", "INSTALLDIR",
          "ADDLOCAL", "TASK_FREQUENCY", "TASK_DAILY_MODIFIER", "TASK_HOURLY_MODIFIER", "TASK_MINUTE_MODIFIER");

  private MsiConfig() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    Path output = null;
    Map<String, String> properties = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--output") && i + 1 < args.length) {
        output = Path.of(args[++i]);
      } else if (a.startsWith("--output=")) {
        output = Path.of(a.substring("--output=".length()));
      } else if (a.indexOf('=') > 0) {
        properties.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      } else {
        err.println("glpi-agent msi-config: not NAME=VALUE: " + (a.length() > 40 ? a.substring(0, 40) + "..." : a));
        return 2;
      }
    }
    if (output == null) {
      err.println("glpi-agent msi-config: --output FILE is needed");
      return 2;
    }
    try {
      List<String> lines = lines(properties);
      write(output, lines);
      out.println("glpi-agent msi-config: " + (lines.size() - 2) + " settings written to " + output);
      return 0;
    } catch (ConfigException e) {
      err.println("glpi-agent msi-config: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("glpi-agent msi-config: cannot write " + output + ": " + e.getMessage());
      return 1;
    }
  }

  /** The option a property names, if any: {@code NO_SSL_CHECK} is {@code no-ssl-check}. */
  static Optional<OptionDef> option(String property) {
    return Options.find(property.toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  /**
   * The {@code conf.d} file's lines for these properties: a header, then {@code key = value} for each
   * property that names an option and is not empty (an empty property is the installer's "not given").
   * Flags take {@code 1}, {@code yes} or {@code true} for on and anything else for off, as glpi-agent's MSI
   * does. Fails on a property that is neither an option nor the installer's, on an option that only the
   * command line takes, and on a value the agent would refuse.
   */
  static List<String> lines(Map<String, String> properties) throws ConfigException {
    List<String> out = new ArrayList<>();
    out.add("# written by the GLPI agent installer from its msiexec properties; an installer repair or update");
    out.add("# rewrites it: put your own settings in another file of this folder");
    Map<String, List<String>> check = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : properties.entrySet()) {
      String name = p.getKey().strip().toUpperCase(Locale.ROOT);
      String value = p.getValue().strip();
      if (INSTALLER.contains(name) || value.isEmpty()) {
        continue;
      }
      OptionDef def = option(name).orElseThrow(() ->
          new ConfigException(name, "", "is not a property of the GLPI agent installer"));
      if (def.cliOnly()) {
        throw new ConfigException(name, def.secret() ? "****" : value, "is a command-line option, not a setting");
      }
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
        throw new ConfigException(name, def.secret() ? "****" : "", "holds a line break");
      }
      if (def.kind() == OptionKind.FLAG) {
        value = Set.of("1", "yes", "true", "on").contains(value.toLowerCase(Locale.ROOT)) ? "1" : "0";
      }
      out.add(def.name() + " = " + value);
      check.put(def.name(), def.kind() == OptionKind.LIST ? ConfigFile.split(value) : List.of(value));
    }
    // the agent's own checks, on the values as they will be read (the file is never written otherwise)
    check.put("config", List.of("none")); // only these values, not a file of this machine
    new ConfigLoader(Path.of("agent.cfg"), Path.of("")).load(check, false);
    return out;
  }

  /** Writes the file atomically, creating its folder; on Windows the folder's ACL applies. */
  private static void write(Path output, List<String> lines) throws IOException {
    Path dir = output.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".msi-config", ".tmp");
    try {
      Files.writeString(tmp, String.join(System.lineSeparator(), lines) + System.lineSeparator(), StandardCharsets.UTF_8);
      Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
