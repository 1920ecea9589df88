package org.glpiagent.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.glpiagent.agent.Agent;
import org.glpiagent.agent.Daemon;
import org.glpiagent.agent.TaskSelection;
import org.glpiagent.client.ServerClient;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.config.ConfigException;
import org.glpiagent.identity.AgentIdentity;
import org.glpiagent.protocol.ContactRequest;
import org.glpiagent.protocol.RegisterRequest;
import org.glpiagent.register.KeyRing;
import org.glpiagent.register.Registrar;
import org.glpiagent.register.RegisterSettings;
import org.glpiagent.register.SealingClient;
import org.glpiagent.state.StateStore;
import org.glpiagent.target.ServerDialogue;
import org.glpiagent.target.Target;
import org.glpiagent.target.TargetRunner;
import org.glpiagent.target.TargetRuns;
import org.glpiagent.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured agent, put together from its configuration: identity, targets, tasks, server client,
 * runner and schedule; run once in the foreground or as a daemon loop.
 */
public final class AgentProcess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentProcess.class);
  static final String NAME = "GLPI-Agent";

  /** Makes the server client for a configuration and identity. */
  @FunctionalInterface
  public interface ClientFactory {
    ServerClient create(AgentConfig config, AgentIdentity identity) throws IOException;
  }

  /**
   * What the process is built from, besides the configuration: the outside world's seams.
   *
   * @param installed every task this agent has, in catalog order
   */
  public record Environment(
      Clock clock,
      RandomGenerator random,
      ClientFactory clients,
      List<Task<?>> installed,
      OutputStream stdout,
      String hostname,
      Path defaultVardir) {}

  private final AgentConfig config;
  private final Agent agent;
  private final ServerClient client;
  private final Environment env;

  private final List<Task<?>> tasks;

  private final String agentId;

  private final TargetRunner runner;

  private AgentProcess(AgentConfig config, Agent agent, TargetRunner runner, ServerClient client, Environment env,
      List<Task<?>> tasks, String agentId) {
    this.runner = runner;
    this.agentId = agentId;
    this.config = config;
    this.agent = agent;
    this.client = client;
    this.env = env;
    this.tasks = List.copyOf(tasks);
  }

  /**
   * Opens the agent's port for a daemon, unless {@code no-httpd}: the status page, {@code /status},
   * {@code /now} and the REST API.
   *
   * @throws ConfigException for an {@code httpd-trust} entry it cannot read
   * @throws IOException when the port cannot be opened
   */
  public Optional<org.glpiagent.httpd.HttpPort> openPort(org.glpiagent.agent.AgentControl control)
      throws ConfigException, IOException {
    if (config.flag("no-httpd")) {
      return Optional.empty();
    }
    List<URI> servers = agent.targets().stream()
        .filter(t -> t instanceof Target.Server).map(t -> ((Target.Server) t).url()).toList();
    org.glpiagent.httpd.Trust trust = org.glpiagent.httpd.Trust.of(config.list("httpd-trust"),
        servers.stream().map(URI::getHost).filter(java.util.Objects::nonNull).toList(),
        host -> List.of(java.net.InetAddress.getAllByName(host)), env.clock());
    int port = config.integer("httpd-port").map(Long::intValue).orElse(62354);
    if (port < 0 || port > 65535) {
      throw new ConfigException("httpd-port", Integer.toString(port), "a port is 0 to 65535");
    }
    var settings = new org.glpiagent.httpd.HttpPort.Settings(
        config.string("httpd-ip").filter(s -> !s.isBlank()), port, trust,
        config.string("api-token").filter(s -> !s.isBlank()), Version.current(), env.hostname(), servers, env.clock(),
        org.glpiagent.httpd.ClockSync::ofSystem, proxy(servers));
    return Optional.of(org.glpiagent.httpd.HttpPort.start(settings, control, tasks));
  }

  /** Builds the agent for a configuration; a configuration it cannot run is a {@link ConfigException}. */
  public static AgentProcess build(AgentConfig config, Environment env) throws ConfigException, IOException {
    return build(config, env, Optional.empty());
  }

  /**
   * Builds the agent; with {@code runs}, its targets run through that (a process per run) instead of in this
   * process.
   */
  public static AgentProcess build(AgentConfig config, Environment env, Optional<? extends TargetRuns> runs)
      throws ConfigException, IOException {
    Path vardir = config.string("vardir").map(Path::of).orElse(env.defaultVardir());
    StateStore store = new StateStore(vardir, env.clock());
    store.ensureDir();
    AgentIdentity identity =
        AgentIdentity.loadOrCreate(store, env.hostname(), env.clock(), env.random());
    List<String> installedIds = env.installed().stream().map(Task::id).toList();
    List<String> selected = TaskSelection.select(installedIds, config.list("tasks"), config.list("no-task"));
    List<Task<?>> tasks = new ArrayList<>();
    for (String id : selected) {
      env.installed().stream().filter(t -> t.id().equals(id)).findFirst().ifPresent(tasks::add);
    }
    List<Target> targets = targets(config);
    if (config.flag("no-ssl-check") && targets.stream().anyMatch(t -> t instanceof Target.Server)) {
      log.warn("no-ssl-check is set: server certificates are not verified");
    }
    RegisterSettings registration = RegisterSettings.from(config);
    KeyRing keys = new KeyRing();
    // every message goes through the sealing client: encrypted once a server issued a key at registration
    // with runs in processes of their own, the daemon makes its client only if proxy mode needs one
    ServerClient real = runs.isPresent()
        ? new org.glpiagent.client.LazyClient(() -> env.clients().create(config, identity))
        : env.clients().create(config, identity);
    ServerClient client = new SealingClient(real, keys);
    Integer port =
        config.flag("no-httpd") ? null : config.integer("httpd-port").map(Long::intValue).orElse(62354);
    ContactRequest contact =
        new ContactRequest(
            identity.deviceId(),
            NAME,
            Version.current(),
            installedIds,
            selected,
            config.string("tag").filter(t -> !t.isBlank()).orElse(null),
            port);
    ServerDialogue.ProtocolMode mode =
        ServerDialogue.ProtocolMode.of(config.string("server-protocol").orElse("auto"));
    Registrar registrar =
        new Registrar(
            client,
            keys,
            registration,
            new RegisterRequest.First(identity.deviceId(), port == null ? 0 : port, NAME, Version.current(),
                config.string("tag").filter(t -> !t.isBlank()).orElse(null)),
            identity.agentId(),
            env.clock(),
            env.random());
    TargetRunner runner =
        new TargetRunner(
            config,
            identity,
            tasks,
            env.clock(),
            vardir,
            s -> new ServerDialogue(client, contact, identity.deviceId(), mode),
            client,
            env.stdout(),
            registrar);
    Duration delaytime = config.seconds("delaytime").orElse(Duration.ofHours(1));
    Agent agent = new Agent(targets, store, runs.isPresent() ? runs.get() : runner, env.clock(), env.random(), delaytime);
    log.debug("agent {} ({}), tasks {}, targets {}", identity.deviceId(), identity.agentId(), selected, targets);
    return new AgentProcess(config, agent, runner, client, env, tasks, identity.agentId().toString());
  }

  static List<Target> targets(AgentConfig config) {
    List<Target> out = new ArrayList<>();
    List<String> servers = config.list("server");
    for (int i = 0; i < servers.size(); i++) {
      out.add(new Target.Server("server" + i, URI.create(servers.get(i))));
    }
    List<String> locals = config.list("local");
    for (int i = 0; i < locals.size(); i++) {
      out.add(new Target.Local("local" + i, locals.get(i)));
    }
    return out;
  }

  /** Proxy mode's settings, when {@code httpd-proxy} is set: messages go to the first server target. */
  private Optional<org.glpiagent.httpd.Proxy.Settings> proxy(List<URI> servers) throws ConfigException {
    if (!config.flag("httpd-proxy")) {
      return Optional.empty();
    }
    if (servers.isEmpty()) {
      throw new ConfigException("httpd-proxy", "1", "proxy mode needs a server target to forward to");
    }
    if (servers.size() > 1) {
      log.warn("proxy mode forwards to the first server only: {}", servers.get(0));
    }
    int max = config.integer("httpd-proxy-max-pass-through").map(Long::intValue).orElse(5);
    if (max < 1) {
      throw new ConfigException("httpd-proxy-max-pass-through", Integer.toString(max), "must be at least 1");
    }
    return Optional.of(new org.glpiagent.httpd.Proxy.Settings(client, servers.get(0), agentId, max,
        vardir().resolve("proxy"), Duration.ofSeconds(10), Duration.ofSeconds(10), env.clock(), env.random()));
  }

  /** The configuration it was built from. */
  public AgentConfig config() {
    return config;
  }

  /** What runs a target in this process ({@code run-target} uses it directly). */
  TargetRunner runner() {
    return runner;
  }

  /** The agent, for the daemon and tests. */
  public Agent agent() {
    return agent;
  }

  /**
   * Runs every target once in the foreground: all of them with {@code --force}, only those due with
   * {@code --lazy}. Returns the exit code: 0 when every run succeeded, 1 otherwise.
   */
  public int runOnce() throws InterruptedException {
    long wait = config.integer("wait").orElse(0L);
    if (wait > 0) {
      long s = env.random().nextLong(wait + 1);
      log.info("waiting {} s before the run (--wait {})", s, wait);
      Thread.sleep(Duration.ofSeconds(s));
    }
    boolean force = config.flag("force");
    boolean ok = config.flag("lazy") && !force ? agent.runDue() : agent.runAll(force);
    return ok ? 0 : 1;
  }

  /** Runs the scheduler loop until stopped or asked to reload. */
  public Daemon.Exit runDaemon(Daemon daemon) {
    return daemon.loop();
  }

  /** The folder the agent keeps its state in. */
  public Path vardir() {
    return config.string("vardir").map(Path::of).orElse(env.defaultVardir());
  }

  static final String FORCERUN = "forcerun";

  /** Marks that the next daemon start runs every target at once ({@code --set-forcerun}). */
  static void setForcerun(Path vardir) throws IOException {
    new StateStore(vardir, Clock.systemUTC()).write(FORCERUN, 1, org.glpiagent.protocol.Json.MAPPER.createObjectNode());
  }

  /** Whether {@code --set-forcerun} was used since the last start; the mark is removed. */
  boolean takeForcerun() {
    Path mark = vardir().resolve(FORCERUN);
    try {
      return Files.deleteIfExists(mark);
    } catch (IOException e) {
      log.warn("cannot remove {}: {}", mark, e.getMessage());
      return false;
    }
  }

  /** Writes the pid file if one is configured. */
  public Optional<Path> writePidfile() throws IOException {
    Optional<Path> pidfile =
        config.isSet("pidfile")
            ? Optional.of(config.string("pidfile").filter(p -> !p.isBlank()).map(Path::of).orElse(vardir().resolve("glpi-agent.pid")))
            : Optional.empty();
    if (pidfile.isPresent()) {
      Files.writeString(pidfile.get(), ProcessHandle.current().pid() + "\n");
    }
    return pidfile;
  }

  @Override
  public void close() {
    client.close();
  }
}
