package org.glpiagent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.protocol.Json;
import org.glpiagent.protocol.XmlWriter;
import org.glpiagent.target.DocumentFormat;
import org.glpiagent.target.LocalSink;
import org.glpiagent.target.Target;
import org.glpiagent.task.ResultSink;
import org.glpiagent.task.Submission;
import org.glpiagent.task.TaskContext;
import org.glpiagent.task.TaskException;
import org.glpiagent.tasks.netdiscovery.DiscoveryJob;
import org.glpiagent.tasks.netdiscovery.IpRange;
import org.glpiagent.tasks.netdiscovery.NetDiscoveryTask;
import org.glpiagent.tasks.snmp.Credential;
import org.glpiagent.tasks.snmp.SnmpClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glpi-agent netdiscovery}: sweeps a range from the command line, as glpi-agent's
 * {@code glpi-netdiscovery} does, printing the found devices or saving one JSON file per device.
 */
@Command(name = "netdiscovery", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Discovers the devices of an IP range over SNMP (and the ARP cache).")
final class NetDiscoveryCommand implements Callable<Integer> {
  @Option(names = {"--first", "--host"}, paramLabel = "IP", description = "first address of the range")
  String first;

  @Option(names = "--last", paramLabel = "IP", description = "last address of the range (default: --first)")
  String last;

  @Option(names = "--network", paramLabel = "CIDR", description = "a network such as 192.0.2.0/24, instead of --first/--last")
  String network;

  @Option(names = "--community", paramLabel = "COMMUNITY", description = "SNMP community, may be repeated (default: public)")
  List<String> communities = new ArrayList<>();

  @Option(names = "--v1", description = "use SNMP v1 for communities (default v2c)")
  boolean v1;

  @Option(names = "--credentials", paramLabel = "SPEC",
      description = "e.g. version:3,username:u,authprotocol:sha,authpassword:a,privprotocol:aes,privpassword:p; may be repeated")
  List<String> credentials = new ArrayList<>();

  @Option(names = "--port", paramLabel = "PORT", split = ",", description = "SNMP ports (default: 161)")
  List<Integer> ports = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", description = "addresses scanned at once (default: 1)")
  int threads = 1;

  @Option(names = "--timeout", paramLabel = "S", description = "SNMP time-out in seconds (default: 1)")
  int timeout = 1;

  @Option(names = "--retries", paramLabel = "N", description = "SNMP retries (default: 0)")
  int retries;

  @Option(names = "--file", paramLabel = "WALK", description = "identify the device recorded in an snmpwalk -On file instead of sweeping; may be repeated")
  List<Path> files = new ArrayList<>();

  @Option(names = {"-s", "--save"}, paramLabel = "DIR", description = "write DIR/netdiscovery/<ip>.json instead of printing")
  Path save;

  @Option(names = "--control", description = "also print the START, NBIP and END messages")
  boolean control;

  @CommandLine.Mixin StandaloneTool.CommonOptions common = new StandaloneTool.CommonOptions();

  private final PrintStream out;
  private final PrintStream err;

  NetDiscoveryCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return StandaloneTool.execute("netdiscovery", new NetDiscoveryCommand(out, err), args, out, err);
  }

  @Override
  public Integer call() throws Exception {
    StandaloneTool.logging(common.debug);
    if (!files.isEmpty()) {
      return fromWalks();
    }
    DiscoveryJob job;
    try {
      job = job();
    } catch (IllegalArgumentException e) {
      err.println("glpi-agent netdiscovery: " + e.getMessage());
      return 2;
    }
    Clock clock = Clock.systemDefaultZone();
    Path dir = common.vardir != null ? common.vardir : Launch.defaultVardir();
    String deviceId = StandaloneTool.identity(common.vardir, err).deviceId();
    ResultSink sink = save != null
        ? new LocalSink(new Target.Local("local0", save.toString()), deviceId, Optional.empty(), DocumentFormat.JSON, out)
        : new ResultSink() {
            @Override
            public void submit(Submission s) {}

            @Override
            public synchronized void legacy(String query, ObjectNode content) throws IOException {
              if (control || content.has("DEVICE")) {
                ObjectNode r = Json.MAPPER.createObjectNode();
                r.set("CONTENT", content);
                r.put("DEVICEID", deviceId);
                r.put("QUERY", query);
                out.write(XmlWriter.request(r));
                out.flush();
              }
            }
          };
    TaskContext context = new TaskContext(AgentConfig.of(Map.of()), clock, sink, dir, deviceId, "");
    try (SnmpClient snmp = new SnmpClient()) {
      NetDiscoveryTask.Summary s = NetDiscoveryTask.runJob(job, snmp, retries, context);
      err.printf("%d devices found among %d addresses in %.1f s%n", s.found(), s.scanned(), s.millis() / 1000.0);
    } catch (TaskException e) {
      err.println("glpi-agent netdiscovery: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  /** {@code --file}: one DEVICE per walk, with the address of {@code --first} when given. */
  private int fromWalks() throws IOException {
    for (Path f : files) {
      String text;
      try {
        text = java.nio.file.Files.readString(f);
      } catch (IOException e) {
        err.println("glpi-agent netdiscovery: cannot read " + f + ": " + e.getMessage());
        return 2;
      }
      org.glpiagent.tasks.snmp.WalkFile walk = org.glpiagent.tasks.snmp.WalkFile.parse(text);
      if (walk.size() == 0) {
        err.println("glpi-agent netdiscovery: " + f + " holds no snmpwalk -On line");
        return 2;
      }
      ObjectNode device = NetDiscoveryTask.deviceFromWalk(walk);
      if (first != null) {
        device.put("IP", first);
      }
      ObjectNode content = Json.MAPPER.createObjectNode();
      content.set("DEVICE", device);
      content.put("MODULEVERSION", NetDiscoveryTask.VERSION);
      content.put("PROCESSNUMBER", "0");
      ObjectNode r = Json.MAPPER.createObjectNode();
      r.set("CONTENT", content);
      r.put("DEVICEID", StandaloneTool.identity(common.vardir, err).deviceId());
      r.put("QUERY", "NETDISCOVERY");
      out.write(XmlWriter.request(r));
    }
    out.flush();
    return 0;
  }

  DiscoveryJob job() {
    if (network == null && first == null) {
      throw new IllegalArgumentException("give --network CIDR or --first IP [--last IP]");
    }
    if (threads < 1 || timeout < 1) {
      throw new IllegalArgumentException("--threads and --timeout must be at least 1");
    }
    IpRange range = network != null ? IpRange.parse(network) : IpRange.of(first, last == null ? first : last);
    List<Credential> creds = new ArrayList<>();
    int n = 0;
    for (String c : communities.isEmpty() && credentials.isEmpty() ? List.of("public") : communities) {
      creds.add(Credential.community(String.valueOf(++n), v1 ? Credential.Version.V1 : Credential.Version.V2C, c));
    }
    for (String spec : credentials) {
      creds.add(parseCredentials(String.valueOf(++n), spec));
    }
    return new DiscoveryJob("0", threads, Duration.ofSeconds(timeout),
        List.of(new DiscoveryJob.Range("1", "0", range, ports.isEmpty() ? List.of(161) : ports)), creds);
  }

  /** glpi-netdiscovery's {@code key:value,key:value} credential syntax. */
  static Credential parseCredentials(String id, String spec) {
    Map<String, String> m = new java.util.HashMap<>();
    for (String part : spec.split(",")) {
      int colon = part.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("--credentials: \"" + part.replaceAll("(?i)(password|community):.*", "$1:****") + "\" is not key:value");
      }
      m.put(part.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), part.substring(colon + 1));
    }
    return new Credential(id, Credential.Version.of(m.getOrDefault("version", "2c")), m.get("community"), m.get("username"),
        m.get("authprotocol"), m.get("authpassword"), m.get("privprotocol"), m.get("privpassword"));
  }
}
