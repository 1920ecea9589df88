package org.glpiagent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.identity.AgentIdentity;
import org.glpiagent.state.StateStore;
import picocli.CommandLine;

/**
 * What the standalone tools ({@code glpi-agent inventory}, {@code glpi-agent netdiscovery}) share: running a
 * picocli command with exit code 2 for bad arguments, their logging, and the agent's own identity.
 */
final class StandaloneTool {
  private StandaloneTool() {}

  /** The options every standalone tool has, mixed into each command. */
  static final class CommonOptions {
    @CommandLine.Option(names = "--vardir", paramLabel = "PATH", description = "where the agent keeps its identity")
    Path vardir;

    @CommandLine.Option(names = "--debug", description = "more logs; twice for everything")
    boolean[] debug = new boolean[0];
  }

  /** Parses and runs a tool's command; returns its exit code (2 for bad arguments). */
  static int execute(String name, Object command, String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((e, a) -> {
      err.println("glpi-agent " + name + ": " + e.getMessage());
      return 2;
    });
    return cl.execute(args);
  }

  /** Logs to stderr at the level of the {@code --debug} flags given. */
  static void logging(boolean[] debug) {
    Logging.configure(AgentConfig.of(Map.of("debug", List.of(String.valueOf(Math.min(2, debug.length))))));
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
