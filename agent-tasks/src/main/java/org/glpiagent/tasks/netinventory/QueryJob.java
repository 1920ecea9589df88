package org.glpiagent.tasks.netinventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glpiagent.protocol.XmlTree;
import org.glpiagent.task.TaskException;
import org.glpiagent.tasks.snmp.Credential;
import org.glpiagent.tasks.snmp.Transport;

/**
 * One network inventory job: its PID (sent back as {@code PROCESSNUMBER}), how many devices at once, the SNMP
 * time-out, the devices and the credentials they name.
 */
record QueryJob(String pid, int workers, Duration timeout, List<Device> devices, Map<String, Credential> credentials) {
  /** A device GLPI knows: its item id and type, its address and the id of the credential that reaches it. */
  record Device(String id, String type, String ip, String credentialId, int port, Transport transport) {}

  QueryJob {
    devices = List.copyOf(devices);
    credentials = Map.copyOf(credentials);
  }

  /**
   * The PROLOG's {@code SNMPQUERY} option: {@code PARAM} (THREADS_QUERY, TIMEOUT, PID), {@code DEVICE} (TYPE, ID,
   * IP, AUTHSNMP_ID) and {@code AUTHENTICATION}. A device without an address or with an unknown credential is
   * left out and said in {@code skipped}; a job without PID or devices is refused.
   */
  static QueryJob fromOption(JsonNode option, List<String> skipped) throws TaskException {
    JsonNode param = option.path("PARAM");
    String pid = param.path("PID").asText("");
    if (pid.isEmpty()) {
      throw new TaskException("SNMPQUERY job without PID");
    }
    int workers = positive(param.path("THREADS_QUERY").asText("1"), 1);
    Duration timeout = Duration.ofSeconds(positive(param.path("TIMEOUT").asText("15"), 15));
    Map<String, Credential> credentials = new LinkedHashMap<>();
    for (JsonNode a : XmlTree.asList(option.get("AUTHENTICATION"))) {
      try {
        Credential c = Credential.fromProlog(a);
        credentials.put(c.id(), c);
      } catch (IllegalArgumentException e) {
        skipped.add("job " + pid + ": " + e.getMessage());
      }
    }
    List<Device> devices = new ArrayList<>();
    for (JsonNode d : XmlTree.asList(option.get("DEVICE"))) {
      String ip = d.path("IP").asText("");
      String cred = d.path("AUTHSNMP_ID").asText("");
      if (!isAddress(ip)) {
        skipped.add("job " + pid + ": device " + d.path("ID").asText("?") + " has no usable IP (\"" + ip + "\")");
        continue;
      }
      if (!credentials.containsKey(cred)) {
        skipped.add("job " + pid + ": device " + d.path("ID").asText("?") + " names credential \"" + cred + "\", which the job does not have");
        continue;
      }
      try {
        devices.add(new Device(d.path("ID").asText(""), d.path("TYPE").asText("NETWORKING"), ip, cred,
            positive(d.path("PORT").asText("161"), 161), Transport.of(d.path("PROTOCOL").asText(""))));
      } catch (IllegalArgumentException e) {
        skipped.add("job " + pid + ": device " + d.path("ID").asText("?") + ": " + e.getMessage());
      }
    }
    if (devices.isEmpty()) {
      throw new TaskException("SNMPQUERY job " + pid + ": no device to inventory");
    }
    return new QueryJob(pid, workers, timeout, devices, credentials);
  }

  /**
   * A {@code netinventory} job of the task scheduling protocol: {@code targets} with {@code host}, {@code type},
   * {@code credentials} (one object or an array; the first is used), optional {@code port}, {@code protocol},
   * {@code timeout}, {@code id}; the job's {@code workers}.
   */
  static QueryJob fromScheduled(String taskId, JsonNode job) throws TaskException {
    String id = job.path("id").asText("");
    if (id.isEmpty()) {
      throw new TaskException("task " + taskId + ": a netinventory job without id");
    }
    Map<String, Credential> credentials = new LinkedHashMap<>();
    List<Device> devices = new ArrayList<>();
    int timeout = 15;
    for (JsonNode t : job.path("targets")) {
      String host = t.path("host").asText("");
      if (!isAddress(host)) {
        throw new TaskException("job " + id + ": target host \"" + host + "\" is not an IP address");
      }
      JsonNode c = t.path("credentials").isArray() ? t.path("credentials").path(0) : t.path("credentials");
      String credId = String.valueOf(credentials.size() + 1);
      try {
        credentials.put(credId, Credential.fromTask(credId, c, "2c"));
        devices.add(new Device(t.path("id").asText(""), t.path("type").asText("NETWORKING"), host, credId,
            positive(t.path("port").asText("161"), 161), Transport.of(t.path("protocol").asText(""))));
      } catch (IllegalArgumentException e) {
        throw new TaskException("job " + id + ": target " + host + ": " + e.getMessage());
      }
      timeout = Math.max(timeout, positive(t.path("timeout").asText("15"), 15));
    }
    if (devices.isEmpty()) {
      throw new TaskException("job " + id + ": no targets");
    }
    return new QueryJob(id, positive(job.path("workers").asText("1"), 1), Duration.ofSeconds(timeout), devices, credentials);
  }

  /** The scheduled netinventory jobs of the tasks, in order. */
  static List<QueryJob> fromTasks(JsonNode tasks) throws TaskException {
    List<QueryJob> out = new ArrayList<>();
    for (JsonNode task : tasks) {
      for (JsonNode job : task.path("jobs")) {
        if (job.path("type").asText("").equals("netinventory")) {
          out.add(fromScheduled(task.path("id").asText("?"), job));
        }
      }
    }
    return out;
  }

  private static boolean isAddress(String ip) {
    if (!ip.matches("[0-9.]+|[0-9a-fA-F:]+") || !ip.matches(".*[.:].*")) {
      return false;
    }
    try {
      InetAddress.getByName(ip); // a literal: no lookup
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static int positive(String s, int fallback) {
    String t = s == null ? "" : s.strip();
    return t.matches("\\d{1,6}") && Integer.parseInt(t) > 0 ? Integer.parseInt(t) : fallback;
  }
}
