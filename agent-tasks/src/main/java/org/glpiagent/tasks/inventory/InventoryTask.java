package org.glpiagent.tasks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glpiagent.config.ConfigFile;
import org.glpiagent.inventory.InventoryContent;
import org.glpiagent.task.ServerInstructions;
import org.glpiagent.task.Submission;
import org.glpiagent.task.Task;
import org.glpiagent.task.TaskContext;
import org.glpiagent.task.TaskException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local inventory: runs each collector of the explicit list, each under the
 * {@code backend-collect-timeout}, and hands the document to the target's sink. A collector that fails or
 * overruns is logged and its category reported missing; the inventory still goes out.
 */
public final class InventoryTask implements Task<InventoryPlan> {
  private static final Logger log = LoggerFactory.getLogger(InventoryTask.class);
  public static final String VERSION = "1.0";
  static final String VERSION_CLIENT = "GLPI-Agent_v1.0-java";

  /** Made for each run: a daemon whose runs happen in processes of their own never loads them. */
  private final java.util.function.Supplier<List<Collector>> collectors;
  private final java.util.function.Function<java.time.Clock, Platform> platforms;

  public InventoryTask() {
    this(InventoryTask::standardCollectors, clock -> new Platform(clock, Path.of("/")));
  }

  /** The explicit list of collectors, one per category, in the order they are started. */
  private static List<Collector> standardCollectors() {
    return List.of(
            new HardwareCollector(), new BiosCollector(), new OsCollector(), new CpuCollector(),
            new MemoryCollector(), new NetworkCollector(), new StorageCollector(), new DriveCollector(),
            new SoftwareCollector(), new ProcessCollector(), AccountsCollector.localUsers(),
            AccountsCollector.localGroups(), AccountsCollector.loggedUsers(), AccountsCollector.environment(),
            BusCollectors.pci(), BusCollectors.usb(), DeviceCollectors.videos(), DeviceCollectors.sounds(),
            DeviceCollectors.batteries(), DeviceCollectors.monitors(), MachineCollectors.remoteManagement(),
            MachineCollectors.printers(), MachineCollectors.virtualMachines(), LvmCollector.lvm(),
            WindowsCollectors.antivirus(), WindowsCollectors.firewalls(), WindowsCollectors.licenses());
  }

  InventoryTask(List<Collector> collectors, Path root) {
    this(collectors, clock -> new Platform(clock, root));
  }

  /** With the platform collectors read through, made for each run; tests give recorded commands. */
  InventoryTask(List<Collector> collectors, java.util.function.Function<java.time.Clock, Platform> platforms) {
    this(fixed(collectors), platforms);
  }

  private static java.util.function.Supplier<List<Collector>> fixed(List<Collector> collectors) {
    List<Collector> copy = List.copyOf(collectors);
    return () -> copy;
  }

  private InventoryTask(java.util.function.Supplier<List<Collector>> collectors,
      java.util.function.Function<java.time.Clock, Platform> platforms) {
    this.collectors = collectors;
    this.platforms = platforms;
  }

  /**
   * The {@code versionprovider} section: what made the inventory, how long it took, and the categories that
   * could not be collected this time, so that an incomplete inventory says so.
   */
  private void provider(InventoryContent content, List<String> failed, TaskContext context) {
    InventoryContent.Entry v = content.section("versionprovider")
        .text("name", "GLPI-Agent (Java)")
        .text("version", VERSION_CLIENT.substring(VERSION_CLIENT.indexOf("_v") + 2))
        .text("program", "glpi-agent");
    List<String> comments = new ArrayList<>();
    comments.add("Java " + Runtime.version());
    if (!failed.isEmpty()) {
      comments.add("missing categories: " + String.join(",", failed));
    }
    v.strings("comments", comments);
    v.number("etime", java.time.Duration.between(started, context.clock().instant()).toSeconds());
  }

  private java.time.Instant started = java.time.Instant.now();

  @Override
  public String id() {
    return "inventory";
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public Optional<InventoryPlan> plan(ServerInstructions instructions, TaskContext context) throws TaskException {
    Set<String> disabled = new LinkedHashSet<>();
    List<String> fromServer =
        instructions.paramsOf("inventory").map(p -> p.path("no-category")).filter(JsonNode::isTextual)
            .map(n -> ConfigFile.split(n.asText())).orElse(List.of());
    // the server's no-category replaces the configured one for this run, as glpi-agent does
    List<String> names = fromServer.isEmpty() ? context.config().list("no-category") : fromServer;
    for (String n : names) {
      String c = n.strip().toLowerCase(Locale.ROOT);
      if (!Categories.ALL.contains(c)) {
        throw new TaskException("unknown inventory category \"" + n + "\" in no-category (known: "
            + String.join(", ", Categories.ALL) + ")");
      }
      disabled.add(c);
    }
    Duration timeout = context.config().seconds("backend-collect-timeout").filter(d -> !d.isZero()).orElse(Duration.ofSeconds(180));
    return Optional.of(new InventoryPlan(disabled, timeout, context.config().flag("scan-homedirs"), context.config().flag("scan-profiles")));
  }

  @Override
  public void run(InventoryPlan plan, TaskContext context) throws TaskException, InterruptedException {
    started = context.clock().instant();
    InventoryContent content = new InventoryContent(VERSION_CLIENT);
    Platform platform = platforms.apply(context.clock()).scanning(plan.scanHomedirs(), plan.scanProfiles());
    List<String> failed = new ArrayList<>();
    // every collector in its own thread, all at once: most of them wait on files and commands, and the
    // slowest one, not their sum, sets the inventory's time; each still has the collector time-out. Platform
    // threads, not virtual ones: OSHI's classes run commands in their static initialisers, and a virtual
    // thread blocked in a class initialiser keeps its carrier; two of them (two cores) deadlocked a run.
    Map<Collector, Future<?>> running = new LinkedHashMap<>();
    long deadline = System.nanoTime() + plan.collectorTimeout().toNanos();
    ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("inventory-collector-", 0).factory());
    try {
      for (Collector c : collectors.get()) {
        if (plan.collects(c.category())) {
          long start = System.nanoTime();
          running.put(c, pool.submit(() -> {
            c.collect(content, platform);
            log.debug("collector {} done in {} ms", c.category(), (System.nanoTime() - start) / 1_000_000);
            return null;
          }));
        }
      }
      for (Map.Entry<Collector, Future<?>> r : running.entrySet()) {
        String category = r.getKey().category();
        try {
          r.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          r.getValue().cancel(true);
          log.warn("collector {} took longer than {} s: skipped", category, plan.collectorTimeout().toSeconds());
          content.missing(category);
          failed.add(category);
        } catch (ExecutionException e) {
          log.warn("collector {} failed: {}", category, String.valueOf(e.getCause()));
          log.debug("collector {} failure", category, e.getCause());
          content.missing(category);
          failed.add(category);
        }
      }
    } finally {
      pool.shutdownNow(); // abandoned collectors are interrupted; nobody waits for them
    }
    if (!failed.isEmpty()) {
      log.warn("inventory sent without: {}", String.join(", ", failed));
    }
    provider(content, failed, context);
    try {
      context.sink().submit(Submission.computer(content.toJson()));
    } catch (IOException e) {
      throw new TaskException("inventory not delivered: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<String> specSchema() {
    return org.glpiagent.task.JobSpecs.schema(InventoryTask.class);
  }

  @Override
  public void checkSpec(com.fasterxml.jackson.databind.JsonNode spec) throws TaskException {
    org.glpiagent.task.JobSpecs.asTasks(spec, id());
  }
}
