package org.glpiagent.tasks.netinventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.glpiagent.task.ServerInstructions;
import org.glpiagent.task.Task;
import org.glpiagent.task.TaskContext;
import org.glpiagent.task.TaskException;
import org.glpiagent.tasks.snmp.Credential;
import org.glpiagent.tasks.snmp.SnmpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Network inventory: reads each device of each job, as many at once as the job allows ({@code THREADS_QUERY},
 * {@code workers}), over one SNMP client, and reports START, one DEVICE per device (or its ERROR) and END
 * with the job's PID.
 */
public final class NetInventoryTask implements Task<NetInventoryTask.Plan> {
  private static final Logger log = LoggerFactory.getLogger(NetInventoryTask.class);
  public static final String VERSION = "6.4";
  static final String QUERY = "SNMPQUERY";
  static final String VERSION_CLIENT = "GLPI-Agent_v1.0-java";

  @Override
  public String id() {
    return "netinventory";
  }

  @Override
  public String version() {
    return VERSION;
  }

  /** The jobs of one run: the plugin's PROLOG jobs, then those of the task scheduling protocol. */
  public record Plan(List<QueryJob> jobs) {}

  @Override
  public Optional<Plan> plan(ServerInstructions instructions, TaskContext context) throws TaskException {
    List<QueryJob> jobs = new ArrayList<>();
    for (JsonNode option : instructions.optionsNamed(QUERY)) {
      List<String> skipped = new ArrayList<>();
      jobs.add(QueryJob.fromOption(option, skipped));
      skipped.forEach(s -> log.warn("netinventory: {}", s));
    }
    jobs.addAll(QueryJob.fromTasks(instructions.scheduledTasks()));
    return jobs.isEmpty() ? Optional.empty() : Optional.of(new Plan(jobs));
  }

  @Override
  public void run(Plan plan, TaskContext context) throws TaskException, InterruptedException {
    // one retry unless configured: a lost answer would otherwise cut a table short
    int retries = context.config().integer("snmp-retries").orElse(1L).intValue();
    try (SnmpClient snmp = new SnmpClient()) {
      for (QueryJob job : plan.jobs()) {
        runJob(job, snmp, retries, context);
      }
    } catch (IOException e) {
      throw new TaskException("netinventory: " + e.getMessage(), e);
    }
  }

  /** What a job did. */
  public record Summary(int devices, int inventoried, long millis) {}

  /** Runs one job; the messages go out as devices are read, so the server sees progress. */
  static Summary runJob(QueryJob job, SnmpClient snmp, int retries, TaskContext context) throws TaskException, InterruptedException {
    // a device is alive while it answers; one silent past every retry of a request, and then some, is stuck
    return runJob(job, snmp, retries, context, job.timeout().multipliedBy(retries + 1L).plusSeconds(10));
  }

  /** Runs one job; a device silent for {@code quiet} is given up and reported as not answering. */
  static Summary runJob(QueryJob job, SnmpClient snmp, int retries, TaskContext context, java.time.Duration quiet)
      throws TaskException, InterruptedException {
    log.info("netinventory job {}: {} devices, {} at once, {} s time-out", job.pid(), job.devices().size(), job.workers(), job.timeout().toSeconds());
    long started = System.nanoTime();
    send(context, control(job.pid(), "START"));
    AtomicInteger done = new AtomicInteger();
    List<String> failures = new ArrayList<>();
    org.glpiagent.task.WorkItems items =
        context.board().open("netinventory " + job.pid(), job.devices().size(), quiet, context.clock());
    java.util.concurrent.ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("netinventory-watchdog").factory());
    watchdog.scheduleAtFixedRate(items::sweep, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    ExecutorService pool = Executors.newFixedThreadPool(job.workers(), Thread.ofVirtual().name("netinventory-", 0).factory());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (QueryJob.Device device : job.devices()) {
        running.add(pool.submit(() -> {
          java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();
          Thread me = Thread.currentThread();
          InetAddress ip = InetAddress.getByName(device.ip());
          org.glpiagent.task.WorkItems.Item item = items.start(device.ip(), () -> {
            // stuck: reported now, and the reading stopped; the job goes on with the other devices
            if (reported.compareAndSet(false, true)) {
              log.warn("netinventory job {}: {}: no answer for {} s, given up", job.pid(), device.ip(), quiet.toSeconds());
              deliver(context, job, error(device, "No response from remote host"), failures);
            }
            me.interrupt();
          });
          snmp.onAnswer(ip, item::beat);
          ObjectNode message = JsonNodeFactory.instance.objectNode();
          try {
            Credential c = job.credentials().get(device.credentialId());
            LiveSource src = new LiveSource(snmp, ip, device.port(), device.transport(), c, job.timeout(), retries);
            DeviceInventory.Result r = DeviceInventory.collect(src, device.type(), device.credentialId());
            message.set("DEVICE", Legacy.device(r.content(), device.id(), device.type()));
            if (item.done()) {
              done.incrementAndGet();
            }
            log.debug("netinventory job {}: {} read with {} requests", job.pid(), device.ip(), src.requests());
          } catch (IOException e) {
            log.info("netinventory job {}: {}: {}", job.pid(), device.ip(), e.getMessage());
            item.fail(e.getMessage());
            message = error(device, "No response from remote host");
          } finally {
            snmp.stopListening(ip);
          }
          if (reported.compareAndSet(false, true)) {
            deliver(context, job, message, failures);
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (!(e.getCause() instanceof InterruptedException)) { // a stuck device, already reported
            synchronized (failures) {
              failures.add(String.valueOf(e.getCause()));
            }
          }
        }
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      sendQuietly(context, control(job.pid(), "EXIT"));
      throw e;
    } finally {
      pool.shutdownNow();
      watchdog.shutdownNow();
    }
    send(context, control(job.pid(), "END"));
    Summary s = new Summary(job.devices().size(), done.get(), (System.nanoTime() - started) / 1_000_000);
    log.info("netinventory job {}: {} of {} devices read in {} ms", job.pid(), s.inventoried(), s.devices(), s.millis());
    if (!failures.isEmpty()) {
      throw new TaskException("netinventory job " + job.pid() + ": " + failures.size() + " devices not delivered: " + failures.get(0));
    }
    return s;
  }

  private static ObjectNode error(QueryJob.Device device, String why) {
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    ObjectNode error = message.putObject("DEVICE").putObject("ERROR");
    error.put("ID", device.id());
    error.put("TYPE", device.type());
    error.put("MESSAGE", why);
    return message;
  }

  /** Sends a device's message; a failure to send is counted, not thrown, so the other devices go on. */
  private static void deliver(TaskContext context, QueryJob job, ObjectNode message, List<String> failures) {
    message.put("MODULEVERSION", VERSION);
    message.put("PROCESSNUMBER", job.pid());
    try {
      send(context, message);
    } catch (TaskException e) {
      synchronized (failures) {
        failures.add(e.getMessage());
      }
    }
  }

  /**
   * Reads one device with the first of {@code credentials} that it answers, for {@code glpi-agent netinventory};
   * empty when none does.
   */
  public static Optional<DeviceInventory.Result> inventory(SnmpClient snmp, InetAddress ip, int port,
      org.glpiagent.tasks.snmp.Transport transport, List<Credential> credentials, String type, java.time.Duration timeout, int retries)
      throws InterruptedException {
    for (Credential c : credentials) {
      try {
        return Optional.of(DeviceInventory.collect(new LiveSource(snmp, ip, port, transport, c, timeout, retries), type, c.id()));
      } catch (IOException e) {
        log.debug("netinventory: {} with credential {}: {}", ip.getHostAddress(), c.id(), e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** Reads the device a recorded {@code snmpwalk -On} describes. */
  public static DeviceInventory.Result inventory(org.glpiagent.tasks.snmp.WalkFile walk, String type) throws IOException {
    try {
      return DeviceInventory.collect(new WalkSource(walk), type, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The legacy {@code <DEVICE>} of a device read, for {@code --xml}. */
  public static ObjectNode legacyDevice(DeviceInventory.Result r, String type) {
    return Legacy.device(r.content(), null, type);
  }

  /** The native inventory document GLPI takes ({@code action} {@code netinventory}). */
  public static ObjectNode document(String deviceId, DeviceInventory.Result r) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("action", "netinventory");
    doc.put("deviceid", deviceId);
    doc.put("itemtype", r.itemtype());
    ObjectNode content = r.content().deepCopy();
    content.put("versionclient", VERSION_CLIENT);
    doc.set("content", content);
    return doc;
  }

  static ObjectNode control(String pid, String what) {
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    ObjectNode agent = content.putObject("AGENT");
    if (what.equals("START")) {
      agent.put("AGENTVERSION", "1.0-java");
    }
    agent.put(what, "1");
    content.put("MODULEVERSION", VERSION);
    content.put("PROCESSNUMBER", pid);
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
    return org.glpiagent.task.JobSpecs.schema(NetInventoryTask.class);
  }

  @Override
  public void checkSpec(com.fasterxml.jackson.databind.JsonNode spec) throws TaskException {
    QueryJob.fromTasks(org.glpiagent.task.JobSpecs.asTasks(spec, id()));
  }
}
