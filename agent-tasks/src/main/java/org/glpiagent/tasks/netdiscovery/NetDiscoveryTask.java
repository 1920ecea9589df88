package org.glpiagent.tasks.netdiscovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.glpiagent.task.ServerInstructions;
import org.glpiagent.task.Task;
import org.glpiagent.task.TaskContext;
import org.glpiagent.task.TaskException;
import org.glpiagent.tasks.snmp.SnmpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Network discovery: sweeps the ranges of each job the server sent, as many addresses at once as the job
 * allows, over one SNMP socket, and reports START, NBIP, each found device and END with the job's PID.
 */
public final class NetDiscoveryTask implements Task<NetDiscoveryTask.Plan> {
  private static final Logger log = LoggerFactory.getLogger(NetDiscoveryTask.class);
  public static final String VERSION = "6.4";
  static final String QUERY = "NETDISCOVERY";

  @Override
  public String id() {
    return "netdiscovery";
  }

  @Override
  public String version() {
    return VERSION;
  }

  /**
   * The jobs of one run: the plugin's PROLOG jobs, then those of the task scheduling protocol.
   *
   * @param prologJobs one sweep each
   * @param scheduled jobs of several targets each
   */
  public record Plan(List<DiscoveryJob> prologJobs, List<ScheduledJob> scheduled) {}

  @Override
  public Optional<Plan> plan(ServerInstructions instructions, TaskContext context) throws TaskException {
    List<DiscoveryJob> jobs = new ArrayList<>();
    for (JsonNode option : instructions.optionsNamed(QUERY)) {
      List<String> skipped = new ArrayList<>();
      jobs.add(DiscoveryJob.fromOption(option, skipped));
      skipped.forEach(s -> log.warn("netdiscovery: {}", s));
    }
    List<ScheduledJob> scheduled = ScheduledJob.fromTasks(instructions.scheduledTasks());
    return jobs.isEmpty() && scheduled.isEmpty() ? Optional.empty() : Optional.of(new Plan(jobs, scheduled));
  }

  @Override
  public void run(Plan plan, TaskContext context) throws TaskException, InterruptedException {
    int retries = context.config().integer("snmp-retries").orElse(0L).intValue();
    try (SnmpClient snmp = new SnmpClient()) {
      for (DiscoveryJob job : plan.prologJobs()) {
        runJob(job, snmp, retries, context);
      }
      for (ScheduledJob job : plan.scheduled()) {
        runScheduled(job, snmp, retries, context);
      }
    } catch (IOException e) {
      throw new TaskException("netdiscovery: " + e.getMessage(), e);
    }
  }

  /** What a sweep has done so far: told after each address, from the threads that finish them. */
  @FunctionalInterface
  public interface Progress {
    void update(long scanned, long total, int found);

    Progress NONE = (scanned, total, found) -> {};
  }

  /** Runs one job: the messages go out as the sweep goes, so the server sees progress. */
  public static Summary runJob(DiscoveryJob job, SnmpClient snmp, int retries, TaskContext context)
      throws TaskException, InterruptedException {
    return runJob(job, snmp, retries, context, Progress.NONE);
  }

  /** Runs one job and tells {@code progress} how far it is. */
  public static Summary runJob(DiscoveryJob job, SnmpClient snmp, int retries, TaskContext context, Progress progress)
      throws TaskException, InterruptedException {
    log.info("netdiscovery job {}: {} addresses, {} at once, {} s time-out, {} credentials",
        job.pid(), job.size(), job.workers(), job.timeout().toSeconds(), job.credentials().size());
    send(context, control(job.pid(), "START", "1", true));
    send(context, control(job.pid(), "NBIP", String.valueOf(job.size()), false));
    org.glpiagent.task.WorkItems items = context.board().open("netdiscovery " + job.pid(),
        (int) Math.min(job.size(), Integer.MAX_VALUE), job.timeout(), context.clock());
    Progress both = (scanned, total, found) -> {
      items.counted((int) Math.min(scanned, Integer.MAX_VALUE));
      progress.update(scanned, total, found);
    };
    Summary s = sweep(job, snmp, retries, context, both);
    send(context, control(job.pid(), "END", "1", true));
    return s;
  }

  /**
   * Runs a scheduled job: its targets one after the other, or up to the job's {@code workers} at once, under
   * one START, NBIP and END.
   */
  static void runScheduled(ScheduledJob job, SnmpClient snmp, int retries, TaskContext context)
      throws TaskException, InterruptedException {
    send(context, control(job.id(), "START", "1", true));
    send(context, control(job.id(), "NBIP", String.valueOf(job.size()), false));
    List<String> errors = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(job.workers(),
        Thread.ofPlatform().name("netdiscovery-target-", 0).daemon().factory())) {
      List<java.util.concurrent.Future<Summary>> done = new ArrayList<>();
      for (DiscoveryJob target : job.targets()) {
        done.add(pool.submit(() -> sweep(target, snmp, retries, context, Progress.NONE)));
      }
      for (var f : done) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          errors.add(String.valueOf(e.getCause().getMessage()));
        }
      }
    } catch (InterruptedException e) {
      sendQuietly(context, control(job.id(), "EXIT", "1", true));
      throw e;
    }
    send(context, control(job.id(), "END", "1", true));
    if (!errors.isEmpty()) {
      throw new TaskException("netdiscovery job " + job.id() + ": " + errors.get(0));
    }
  }

  /** Sweeps a job's ranges, reporting each device as it is found; no START/NBIP/END. */
  static Summary sweep(DiscoveryJob job, SnmpClient snmp, int retries, TaskContext context, Progress progress)
      throws TaskException, InterruptedException {
    NetBios netbios;
    try {
      netbios = new NetBios(netbiosPort);
    } catch (IOException e) {
      log.warn("netdiscovery: no NetBIOS probes: {}", e.getMessage());
      netbios = null;
    }
    try {
      return sweep(job, new Scanner(snmp, job.timeout(), retries, ArpCache::lookup, netbios, Scanner.reverseDns(job.timeout()), AliveProbe.of(job.timeout())), context, progress);
    } finally {
      if (netbios != null) {
        netbios.close();
      }
    }
  }

  /** UDP 137; tests move it to a port of their own. */
  static int netbiosPort = 137;

  private static Summary sweep(DiscoveryJob job, Scanner scanner, TaskContext context, Progress progress)
      throws TaskException, InterruptedException {
    Semaphore slots = new Semaphore(job.workers());
    AtomicInteger found = new AtomicInteger();
    java.util.concurrent.atomic.AtomicLong scanned = new java.util.concurrent.atomic.AtomicLong();
    List<String> failures = new ArrayList<>();
    List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    long started = System.nanoTime();
    try {
      for (DiscoveryJob.Range range : job.ranges()) {
        for (InetAddress ip : range.addresses()) {
          slots.acquire();
          CompletableFuture<Optional<ObjectNode>> probed = scanner.scan(ip, range, job.credentials());
          // the worker is free once the probes are done; naming and sending the device go on without it
          probed.whenComplete((v, e) -> {
            slots.release();
            int devices = v != null && v.isPresent() ? found.incrementAndGet() : found.get();
            progress.update(scanned.incrementAndGet(), job.size(), devices);
          });
          CompletableFuture<Void> f = probed.thenCompose(device -> scanner.named(ip, device))
              .thenAccept(device -> device.ifPresent(d -> {
                try {
                  send(context, deviceMessage(job, d));
                } catch (TaskException e) {
                  synchronized (failures) {
                    failures.add(e.getMessage());
                  }
                }
              }));
          inFlight.add(f);
          inFlight.removeIf(CompletableFuture::isDone);
        }
      }
      slots.acquire(job.workers()); // every scan finished
      slots.release(job.workers());
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(); // and every device named and sent
    } catch (InterruptedException e) {
      inFlight.forEach(x -> x.cancel(true));
      sendQuietly(context, control(job.pid(), "EXIT", "1", true));
      throw e;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new TaskException("netdiscovery job " + job.pid() + ": " + e.getCause().getMessage(), e.getCause());
    }
    Summary s = new Summary(job.size(), found.get(), (System.nanoTime() - started) / 1_000_000, scanner.malformedAnswers());
    log.info("netdiscovery job {}: {} devices found among {} addresses in {} ms", job.pid(), s.found(), s.scanned(), s.millis());
    if (!failures.isEmpty()) {
      throw new TaskException("netdiscovery job " + job.pid() + ": " + failures.size() + " devices not delivered: " + failures.get(0));
    }
    return s;
  }

  /**
   * The DEVICE a recorded walk describes, as a live sweep of that device would report it (without IP and
   * ENTITY, which the walk does not know): for {@code --file} and for checking identification offline.
   */
  public static ObjectNode deviceFromWalk(org.glpiagent.tasks.snmp.WalkFile walk) {
    Map<String, String> more = walk.get(Scanner.OPTIONAL);
    java.util.SortedMap<String, String> classes = walk.walk(Scanner.ENT_CLASS);
    Optional<String> chassis = Scanner.chassisIndex(classes);
    if (chassis.isPresent()) {
      more = Scanner.withChassis(more, chassis.get(), walk.get(Scanner.entityOids(chassis.get())));
    }
    return Scanner.withAddresses(Scanner.device(walk.get(Scanner.SYSTEM), more, "1", 161), walk.walk(Scanner.IP_ADDRESSES).values());
  }

  /** What a job did. */
  public record Summary(long scanned, int found, long millis, long malformedAnswers) {}

  static ObjectNode control(String pid, String what, String value, boolean withModuleVersion) {
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    ObjectNode agent = content.putObject("AGENT");
    if (what.equals("START")) {
      agent.put("AGENTVERSION", "1.0-java");
    }
    agent.put(what, value);
    if (withModuleVersion) {
      content.put("MODULEVERSION", VERSION);
    }
    content.put("PROCESSNUMBER", pid);
    return content;
  }

  static ObjectNode deviceMessage(DiscoveryJob job, ObjectNode device) {
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    content.set("DEVICE", device);
    content.put("MODULEVERSION", VERSION);
    content.put("PROCESSNUMBER", job.pid());
    return content;
  }

  private static void send(TaskContext context, ObjectNode content) throws TaskException {
    org.glpiagent.tasks.snmp.LegacyMessages.send(context, QUERY, content);
  }

  private static void sendQuietly(TaskContext context, ObjectNode content) {
    org.glpiagent.tasks.snmp.LegacyMessages.sendQuietly(context, QUERY, content);
  }

  @Override
  public Optional<String> specSchema() {
    return org.glpiagent.task.JobSpecs.schema(NetDiscoveryTask.class);
  }

  @Override
  public void checkSpec(com.fasterxml.jackson.databind.JsonNode spec) throws TaskException {
    ScheduledJob.fromTasks(org.glpiagent.task.JobSpecs.asTasks(spec, id()));
  }
}
