package org.glpiagent.tasks.netdiscovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.glpiagent.tasks.snmp.Transport;
import org.glpiagent.protocol.XmlTree;
import org.glpiagent.task.TaskException;
import org.glpiagent.tasks.snmp.Credential;

/**
 * One discovery job: its PID (the server's job id, sent back as {@code PROCESSNUMBER}), how many addresses
 * to scan at once, the SNMP time-out, the ranges and the credentials to try.
 */
public record DiscoveryJob(String pid, int workers, Duration timeout, List<Range> ranges, List<Credential> credentials) {

  /** A range with its id and entity, as the server numbers them, and the ports and transport SNMP uses there. */
  public record Range(String id, String entity, IpRange addresses, List<Integer> ports, Transport transport) {
    public Range(String id, String entity, IpRange addresses, List<Integer> ports) {
      this(id, entity, addresses, ports, Transport.UDP);
    }
  }

  public DiscoveryJob {
    ranges = List.copyOf(ranges);
    credentials = List.copyOf(credentials);
  }

  /** The number of addresses over all ranges. */
  public long size() {
    return ranges.stream().mapToLong(r -> r.addresses().size()).sum();
  }

  /**
   * Reads a PROLOG {@code NETDISCOVERY} option. glpi-agent's rules: a PARAM with a PID, at least one RANGEIP
   * with IPSTART and IPEND; v1/v2c credentials need a community and v3 ones a user name (others are
   * skipped with a warning-worthy message in {@code skipped}).
   */
  public static DiscoveryJob fromOption(JsonNode option, List<String> skipped) throws TaskException {
    JsonNode param = XmlTree.asList(option.get("PARAM")).stream().findFirst()
        .orElseThrow(() -> new TaskException("NETDISCOVERY job without PARAM"));
    String pid = param.path("PID").asText("");
    if (pid.isEmpty()) {
      throw new TaskException("NETDISCOVERY job without PID");
    }
    int workers = positive(param.path("THREADS_DISCOVERY").asText("1"), 1);
    Duration timeout = Duration.ofSeconds(positive(param.path("TIMEOUT").asText("1"), 1));
    List<Range> ranges = new ArrayList<>();
    for (JsonNode r : XmlTree.asList(option.get("RANGEIP"))) {
      String start = r.path("IPSTART").asText("");
      String end = r.path("IPEND").asText("");
      if (start.isEmpty() || end.isEmpty()) {
        throw new TaskException("job " + pid + ": RANGEIP " + r.path("ID").asText("?") + " without IPSTART or IPEND");
      }
      try {
        ranges.add(new Range(r.path("ID").asText(""), r.path("ENTITY").asText("0"), IpRange.of(start, end), ports(r.path("PORT").asText("")),
            Transport.of(r.path("PROTOCOL").asText(""))));
      } catch (IllegalArgumentException e) {
        throw new TaskException("job " + pid + ": RANGEIP " + start + "-" + end + ": " + e.getMessage());
      }
    }
    if (ranges.isEmpty()) {
      throw new TaskException("job " + pid + ": no RANGEIP");
    }
    List<Credential> credentials = new ArrayList<>();
    for (JsonNode a : XmlTree.asList(option.get("AUTHENTICATION"))) {
      String type = a.path("TYPE").asText("snmp");
      if (!type.equalsIgnoreCase("snmp")) {
        skipped.add("credential " + a.path("ID").asText("?") + ": " + type + " credentials are not used for discovery yet");
        continue;
      }
      try {
        credentials.add(Credential.fromProlog(a));
      } catch (IllegalArgumentException e) {
        skipped.add(e.getMessage());
      }
    }
    return new DiscoveryJob(pid, workers, timeout, ranges, credentials);
  }

  static List<Integer> ports(String list) {
    List<Integer> out = new ArrayList<>();
    for (String p : list.split(",")) {
      if (p.trim().matches("\\d{1,5}") && Integer.parseInt(p.trim()) > 0 && Integer.parseInt(p.trim()) < 65536) {
        out.add(Integer.parseInt(p.trim()));
      }
    }
    return out.isEmpty() ? List.of(161) : out;
  }

  private static int positive(String s, int fallback) {
    return s.matches("\\d{1,6}") && Integer.parseInt(s) > 0 ? Integer.parseInt(s) : fallback;
  }
}
