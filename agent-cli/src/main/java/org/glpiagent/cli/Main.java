package org.glpiagent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.config.ConfigException;
import org.glpiagent.config.ConfigLoader;
import org.glpiagent.task.Task;

/**
 * The {@code glpi-agent} command: reads the command line and the configuration, then runs the agent once or
 * as a daemon. Exit codes: 0 success, 1 a run failed, 2 bad configuration or arguments.
 */
public final class Main {
  static final Path DEFAULT_CONF = Path.of("/etc/glpi-agent/agent.cfg");

  private final PrintStream out;
  private final PrintStream err;
  private final Path defaultConf;
  private final Path workingDir;

  public Main(PrintStream out, PrintStream err, Path defaultConf, Path workingDir) {
    this.out = out;
    this.err = err;
    this.defaultConf = defaultConf;
    this.workingDir = workingDir;
  }

  public static void main(String[] args) {
    System.exit(new Main(System.out, System.err, DEFAULT_CONF, Path.of("").toAbsolutePath()).run(args));
  }

  /** Runs the command; returns the exit code. */
  public int run(String[] args) {
    if (args.length > 0 && args[0].equals("inventory")) {
      return InventoryCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length > 0 && args[0].equals("netinventory")) {
      return NetInventoryCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length > 0 && args[0].equals("service")) {
      return WindowsService.main(java.util.Arrays.copyOfRange(args, 1, args.length), this, err);
    }
    if (args.length > 0 && args[0].equals("msi-config")) {
      return MsiConfig.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length > 0 && args[0].equals("ctl")) {
      return CtlCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), defaultConf, out, err);
    }
    if (args.length > 0 && args[0].equals(ChildRuns.COMMAND)) {
      return RunTarget.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err, defaultConf, workingDir);
    }
    if (args.length > 0 && args[0].equals("netdiscovery")) {
      return NetDiscoveryCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    Map<String, List<String>> given;
    try {
      given = CommandLineSpec.values(args);
    } catch (ArgParser.BadArguments e) {
      err.println("glpi-agent: " + e.getMessage());
      err.println("see glpi-agent --help");
      return 2;
    }
    if (given.containsKey("help")) {
      out.print(CommandLineSpec.usage());
      return 0;
    }
    if (given.containsKey("version")) {
      out.println("GLPI-Agent (Java) " + Version.current());
      return 0;
    }
    ConfigLoader loader = new ConfigLoader(defaultConf, workingDir);
    AgentConfig config;
    try {
      config = loader.load(given);
    } catch (ConfigException e) {
      err.println("glpi-agent: " + e.getMessage());
      return 2;
    }
    Logging.configure(config);
    if (config.flag("setup")) {
      out.println("conf-file: " + loader.confFile(given).map(Path::toString).orElse("(none)"));
      out.println("vardir: " + config.string("vardir").orElse(Launch.defaultVardir().toString()));
      return 0;
    }
    if (config.flag("set-forcerun")) {
      Path vardir = config.string("vardir").map(Path::of).orElse(Launch.defaultVardir());
      try {
        AgentProcess.setForcerun(vardir);
      } catch (IOException e) {
        err.println("glpi-agent: cannot write to " + vardir + ": " + e.getMessage());
        return 1;
      }
      out.println("every target will run at the next start of the daemon");
      return 0;
    }
    if (config.flag("list-tasks")) {
      for (Task<?> t : Launch.catalog()) {
        out.println(t.id() + " (v" + t.version() + ")");
      }
      return 0;
    }
    if (config.flag("list-categories")) {
      Launch.categories().forEach(out::println);
      return 0;
    }
    if (config.flag("daemon") && !config.flag("no-fork")) {
      return detach(args);
    }
    return Launch.start(() -> loader.load(given), config, out, err, List.of(args));
  }

  /** Starts the same command again as a background process (Java cannot fork) and returns. */
  private int detach(String[] args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    cmd.add("--no-fork");
    try {
      Process p =
          new ProcessBuilder(cmd)
              .directory(workingDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(windows() ? "NUL" : "/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      out.println("glpi-agent daemon started, pid " + p.pid());
      return 0;
    } catch (IOException e) {
      err.println("glpi-agent: cannot start the daemon: " + e.getMessage());
      return 1;
    }
  }

  private static boolean windows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
  }
}
