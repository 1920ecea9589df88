package org.glpiagent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.glpiagent.agent.Daemon;
import org.glpiagent.client.ClientSettings;
import org.glpiagent.client.HttpServerClient;
import org.glpiagent.tasks.inventory.Categories;
import org.glpiagent.tasks.inventory.InventoryTask;
import org.glpiagent.tasks.netdiscovery.NetDiscoveryTask;
import org.glpiagent.tasks.netinventory.NetInventoryTask;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.config.ConfigException;
import org.glpiagent.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the explicit catalog of tasks, the real server client, and how the configured
 * agent runs (once in the foreground, or as a daemon that reloads on SIGHUP).
 */
public final class Launch {
  private static final Logger log = LoggerFactory.getLogger(Launch.class);

  private Launch() {}

  /** Every task this agent has, in the order they run by default. */
  public static List<Task<?>> catalog() {
    return List.of(new InventoryTask(), new NetDiscoveryTask(), new NetInventoryTask());
  }

  /** The inventory categories, for {@code --list-categories}. */
  public static List<String> categories() {
    return Categories.ALL;
  }

  /** Runs the agent for a configuration; returns the process exit code. */
  public static int start(AgentConfig config, PrintStream out, PrintStream err) {
    return start(() -> config, config, out, err, List.of());
  }

  /**
   * Runs the agent; {@code reload} reads the configuration again when a daemon gets SIGHUP; {@code args} are
   * the command line's, which a daemon gives to the process of each run (see {@link ChildRuns}).
   */
  public static int start(ConfigSource reload, AgentConfig first, PrintStream out, PrintStream err, List<String> args) {
    AgentConfig config = first;
    try {
      if (config.flag("daemon")) {
        return daemon(reload, config, out, args);
      }
      try (AgentProcess p = AgentProcess.build(config, environment(out))) {
        return p.runOnce();
      }
    } catch (ConfigException e) {
      err.println("glpi-agent: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      log.error("cannot start: {}", e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  private static int daemon(ConfigSource reload, AgentConfig config, PrintStream out, List<String> args)
      throws ConfigException, IOException {
    Signals signals = Signals.install(Thread.currentThread());
    while (true) {
      Daemon.Exit exit;
      try (AgentProcess p = AgentProcess.build(config, environment(out), ChildRuns.choose(config, System.getenv(), args))) {
        var pidfile = p.writePidfile();
        if (p.takeForcerun()) {
          log.info("forcerun was set: running every target now");
          p.agent().runNow();
        }
        Daemon daemon =
            new Daemon(
                p.agent(),
                Clock.systemDefaultZone(),
                Daemon.systemWaiter(),
                config.seconds("conf-reload-interval").orElse(java.time.Duration.ZERO));
        try (var port = new Closer(openPort(p, daemon)); var ctl = openControl(p, daemon)) {
          exit = signals.current(daemon) ? daemon.loop() : Daemon.Exit.STOPPED;
        }
        if (signals.stopping()) {
          exit = Daemon.Exit.STOPPED;
        }
        if (pidfile.isPresent() && exit == Daemon.Exit.STOPPED) {
          java.nio.file.Files.deleteIfExists(pidfile.get());
        }
      }
      if (exit == Daemon.Exit.STOPPED) {
        log.info("daemon stopped");
        return 0;
      }
      try {
        config = reload.load();
        log.info("configuration reloaded");
      } catch (ConfigException e) {
        log.error("configuration not reloaded, keeping the previous one: {}", e.getMessage());
      }
    }
  }

  /** The agent's port; one that cannot be opened is logged and the daemon goes on without it, as glpi-agent does. */
  private static java.util.Optional<org.glpiagent.httpd.HttpPort> openPort(AgentProcess p, Daemon daemon)
      throws ConfigException {
    try {
      return p.openPort(daemon);
    } catch (IOException e) {
      log.error("the agent's port is not open: {}", e.getMessage());
      return java.util.Optional.empty();
    }
  }

  /**
   * The control channel: the Unix socket in vardir, and the loopback port of {@code ctl-port} (which needs
   * {@code api-token}); one that cannot be opened is logged and the daemon goes on without it.
   */
  private static Quiet openControl(AgentProcess p, Daemon daemon) throws ConfigException {
    java.util.Optional<Integer> tcp = p.config().integer("ctl-port").map(Long::intValue);
    java.util.Optional<String> token = p.config().string("api-token").filter(s -> !s.isBlank());
    if (tcp.isPresent() && token.isEmpty()) {
      throw new ConfigException("ctl-port", tcp.get().toString(), "the control port needs api-token to be set");
    }
    try {
      return org.glpiagent.control.ControlServer.start(p.vardir().resolve(org.glpiagent.control.ControlServer.SOCKET),
          tcp, token, new org.glpiagent.control.ControlCommands(daemon,
              java.util.Optional.of(new org.glpiagent.control.JobStore(p.vardir(), catalog()))))::close;
    } catch (IOException e) {
      log.error("no control channel: {}", e.getMessage());
      return () -> {};
    }
  }

  /** Something closed at the end of a daemon loop, without a checked exception. */
  private interface Quiet extends AutoCloseable {
    @Override
    void close();
  }

  /** Closes the agent's port, when one was opened, at the end of a daemon loop. */
  private record Closer(java.util.Optional<org.glpiagent.httpd.HttpPort> port) implements AutoCloseable {
    @Override
    public void close() {
      port.ifPresent(org.glpiagent.httpd.HttpPort::close);
    }
  }

  static AgentProcess.Environment environment(PrintStream out) {
    return new AgentProcess.Environment(
        Clock.systemDefaultZone(),
        new SecureRandom(),
        (cfg, id) ->
            new HttpServerClient(ClientSettings.from(cfg, id.agentId().toString(), Version.current())),
        catalog(),
        out,
        Hostname.local(),
        defaultVardir());
  }

  /** {@code /var/lib/glpi-agent} for root, {@code $XDG_STATE_HOME/glpi-agent} (or {@code ~/.local/state}) otherwise. */
  static Path defaultVardir() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    if (windows) {
      String pd = System.getenv("ProgramData");
      return Path.of(pd == null ? "C:\\ProgramData" : pd, "GLPI-Agent", "var");
    }
    if ("root".equals(System.getProperty("user.name"))) {
      return Path.of("/var/lib/glpi-agent");
    }
    String xdg = System.getenv("XDG_STATE_HOME");
    Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".local", "state") : Path.of(xdg);
    return base.resolve("glpi-agent");
  }

  /** Reads the configuration again. */
  @FunctionalInterface
  public interface ConfigSource {
    AgentConfig load() throws ConfigException;
  }
}
