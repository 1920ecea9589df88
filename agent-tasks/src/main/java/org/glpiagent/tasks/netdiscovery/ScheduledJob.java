package org.glpiagent.tasks.netdiscovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.glpiagent.task.TaskException;
import org.glpiagent.tasks.snmp.Credential;

/**
 * A {@code netdiscovery} job of the task scheduling protocol: its targets run in parallel, up to
 * {@code workers}, when the job says so, one after the other otherwise; each target's addresses likewise with
 * the target's own {@code workers}.
 *
 * @param id the job's id, reported as {@code PROCESSNUMBER}
 * @param workers targets at once; 1 when the job sets none (one after the other)
 * @param targets one sweep per target
 */
public record ScheduledJob(String id, int workers, List<DiscoveryJob> targets) {
  public ScheduledJob {
    targets = List.copyOf(targets);
  }

  /** The netdiscovery jobs of a {@code tasks} array, tasks in order and jobs in order. */
  public static List<ScheduledJob> fromTasks(JsonNode tasks) throws TaskException {
    List<ScheduledJob> out = new ArrayList<>();
    for (JsonNode task : tasks) {
      for (JsonNode job : task.path("jobs")) {
        if ("netdiscovery".equalsIgnoreCase(job.path("type").asText())) {
          out.add(fromJob(task.path("id").asText("?"), job));
        }
      }
    }
    return out;
  }

  static ScheduledJob fromJob(String taskId, JsonNode job) throws TaskException {
    String id = job.path("id").asText("");
    if (id.isEmpty()) {
      throw new TaskException("task " + taskId + ": a netdiscovery job without id");
    }
    List<DiscoveryJob> targets = new ArrayList<>();
    for (JsonNode t : job.path("targets")) {
      String network = t.path("network").asText("");
      IpRange range;
      try {
        range = IpRange.parse(network);
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new TaskException("job " + id + ": target network \"" + network + "\": " + e.getMessage());
      }
      List<Credential> creds = new ArrayList<>();
      int n = 0;
      for (JsonNode c : t.path("credentials").isArray() ? t.path("credentials") : List.of(t.path("credentials"))) {
        if (c.isMissingNode() || !c.isObject()) {
          continue;
        }
        n++;
        try {
          creds.add(Credential.fromTask(c.path("id").asText(String.valueOf(n)), c, ""));
        } catch (IllegalArgumentException e) {
          throw new TaskException("job " + id + ": " + e.getMessage());
        }
      }
      int workers = t.path("workers").asInt(1);
      int timeout = t.path("timeout").asInt(1);
      List<Integer> ports;
      org.glpiagent.tasks.snmp.Transport transport;
      try {
        ports = t.has("port") ? DiscoveryJob.ports(t.path("port").asText()) : List.of(161);
        transport = org.glpiagent.tasks.snmp.Transport.of(t.path("protocol").asText(""));
      } catch (IllegalArgumentException e) {
        throw new TaskException("job " + id + ": " + e.getMessage());
      }
      targets.add(new DiscoveryJob(id, Math.max(1, workers), Duration.ofSeconds(Math.max(1, timeout)),
          List.of(new DiscoveryJob.Range(String.valueOf(targets.size() + 1), "0", range, ports, transport)), creds));
    }
    if (targets.isEmpty()) {
      throw new TaskException("job " + id + ": no targets");
    }
    return new ScheduledJob(id, Math.max(1, job.path("workers").asInt(1)), targets);
  }


  /** The number of addresses over all targets. */
  public long size() {
    return targets.stream().mapToLong(DiscoveryJob::size).sum();
  }
}
