package org.glpiagent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.identity.AgentIdentity;
import org.glpiagent.state.StateStore;

/**
 * What the standalone tools ({@code glpi-agent inventory}, {@code glpi-agent netdiscovery}) share: running a
 * command with exit code 2 for bad arguments, their logging, and the agent's own identity.
 */
final class StandaloneTool {
  private StandaloneTool() {}

  /** A tool's work once its arguments are read: returns the exit code. */
  interface Body {
    int run(Map<String, List<String>> given) throws Exception;
  }

  /** Adds the options every standalone tool has: {@code --vardir}, {@code --debug}, help and version. */
  static ArgParser withCommonOptions(ArgParser p) {
    return p.value("vardir", "PATH", "where the agent keeps its identity", "--vardir")
        .add("debug", ArgParser.Arity.COUNT, "", "more logs; twice for everything", "--debug")
        .flag("help", "show this help and exit", "-h", "--help")
        .flag("version", "print the version and exit", "-V", "--version");
  }

  /**
   * Reads a tool's arguments and runs it; returns its exit code: 2 for bad arguments, 1 when the tool
   * failed with an exception (its message printed), else what the tool returned.
   */
  static int execute(String name, ArgParser parser, String[] args, PrintStream out, PrintStream err, Body body) {
    Map<String, List<String>> given;
    try {
      given = parser.parse(args);
    } catch (ArgParser.BadArguments e) {
      err.println("glpi-agent " + name + ": " + e.getMessage());
      err.println("see glpi-agent " + name + " --help");
      return 2;
    }
    if (given.containsKey("help")) {
      out.print(parser.usage());
      return 0;
    }
    if (given.containsKey("version")) {
      out.println("GLPI-Agent (Java) " + Version.current());
      return 0;
    }
    try {
      return body.run(given);
    } catch (BadValue e) {
      err.println("glpi-agent " + name + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("glpi-agent " + name + ": " + e);
      return 1;
    }
  }

  /** An option's value that does not fit: the message names the option and the value. */
  static final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;

    BadValue(String message) {
      super(message);
    }
  }

  /** The last value given for {@code key}, or null. */
  static String string(Map<String, List<String>> given, String key) {
    List<String> v = given.get(key);
    return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
  }

  /** The values given for {@code key}, or none. */
  static List<String> list(Map<String, List<String>> given, String key) {
    return given.getOrDefault(key, List.of());
  }

  /** A whole-number option, or {@code fallback} when not given. */
  static long number(Map<String, List<String>> given, String key, long fallback) throws BadValue {
    String v = string(given, key);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new BadValue("--" + key + " \"" + v + "\": not a whole number");
    }
  }

  /** A path option, or null. */
  static Path path(Map<String, List<String>> given, String key) {
    String v = string(given, key);
    return v == null ? null : Path.of(v);
  }

  /** How many times {@code --debug} was given, at most 2. */
  static int debug(Map<String, List<String>> given) {
    return Math.min(2, given.containsKey("debug") ? Integer.parseInt(given.get("debug").get(0)) : 0);
  }

  /** Logs to stderr at the level of the {@code --debug} flags given. */
  static void logging(int debug) {
    Logging.configure(AgentConfig.of(Map.of("debug", List.of(String.valueOf(debug)))));
  }

  /**
   * The agent's identity from {@code vardir} (the default one when null), so that what a tool reports has
   * the agent's own deviceid; when the default folder is not usable, one made for this run only.
   */
  static AgentIdentity identity(Path vardir, PrintStream err) throws IOException {
    Clock clock = Clock.systemDefaultZone();
    Path dir = vardir != null ? vardir : Launch.defaultVardir();
    try {
      return AgentIdentity.loadOrCreate(new StateStore(dir, clock), Hostname.local(), clock, new SecureRandom());
    } catch (IOException e) {
      if (vardir != null) {
        throw e;
      }
      err.println("glpi-agent: " + dir + " not usable (" + e.getMessage() + "): deviceid for this run only");
      return AgentIdentity.loadOrCreate(new StateStore(Files.createTempDirectory("glpi-agent"), clock), Hostname.local(), clock, new SecureRandom());
    }
  }
}
