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

/**
 * {@code glpi-agent netdiscovery}: sweeps a range from the command line, as glpi-agent's
 * {@code glpi-netdiscovery} does, printing the found devices or saving one JSON file per device.
 */
final class NetDiscoveryCommand {
  static final ArgParser PARSER =
      StandaloneTool.withCommonOptions(
          new ArgParser("glpi-agent netdiscovery", "Discovers the devices of an IP range over SNMP (and the ARP cache).")
              .value("first", "IP", "first address of the range", "--first", "--host")
              .value("last", "IP", "last address of the range (default: --first)", "--last")
              .value("network", "CIDR", "a network such as 192.0.2.0/24, instead of --first/--last", "--network")
              .add("community", ArgParser.Arity.LIST, "COMMUNITY", "SNMP community, may be repeated (default: public)", "--community")
              .flag("v1", "use SNMP v1 for communities (default v2c)", "--v1")
              .add("credentials", ArgParser.Arity.REPEATED, "SPEC",
                  "e.g. version:3,username:u,authprotocol:sha,authpassword:a,privprotocol:aes,privpassword:p; may be repeated", "--credentials")
              .add("port", ArgParser.Arity.LIST, "PORT", "SNMP ports (default: 161)", "--port")
              .value("protocol", "udp|tcp", "SNMP transport (default: udp)", "--protocol")
              .value("threads", "N", "addresses scanned at once (default: 1)", "--threads")
              .value("timeout", "S", "SNMP time-out in seconds (default: 1)", "--timeout")
              .value("retries", "N", "SNMP retries (default: 0)", "--retries")
              .add("file", ArgParser.Arity.LIST, "WALK", "identify the device recorded in an snmpwalk -On file instead of sweeping; may be repeated", "--file")
              .value("save", "DIR", "write DIR/netdiscovery/<ip>.json instead of printing", "-s", "--save")
              .flag("control", "also print the START, NBIP and END messages", "--control")
              .flag("inventory", "then inventory every device that answered SNMP, as glpi-agent netinventory does", "--inventory"));

  final String first;
  final String last;
  final String network;
  final List<String> communities;
  final boolean v1;
  final List<String> credentials;
  final List<Integer> ports = new ArrayList<>();
  final org.glpiagent.tasks.snmp.Transport transport;
  final int threads;
  final int timeout;
  final int retries;
  final List<Path> files = new ArrayList<>();
  final Path save;
  final boolean control;
  final boolean inventory;
  final Path vardir;
  final int debug;

  private final PrintStream out;
  private final PrintStream err;

  NetDiscoveryCommand(PrintStream out, PrintStream err, Map<String, List<String>> given) throws StandaloneTool.BadValue {
    this.out = out;
    this.err = err;
    first = StandaloneTool.string(given, "first");
    last = StandaloneTool.string(given, "last");
    network = StandaloneTool.string(given, "network");
    communities = StandaloneTool.list(given, "community");
    v1 = given.containsKey("v1");
    credentials = StandaloneTool.list(given, "credentials");
    for (String p : StandaloneTool.list(given, "port")) {
      try {
        ports.add(Integer.parseInt(p));
      } catch (NumberFormatException e) {
        throw new StandaloneTool.BadValue("--port \"" + p + "\": not a port number");
      }
    }
    try {
      transport = org.glpiagent.tasks.snmp.Transport.of(StandaloneTool.string(given, "protocol"));
    } catch (IllegalArgumentException e) {
      throw new StandaloneTool.BadValue("--protocol: " + e.getMessage());
    }
    threads = (int) StandaloneTool.number(given, "threads", 1);
    timeout = (int) StandaloneTool.number(given, "timeout", 1);
    retries = (int) StandaloneTool.number(given, "retries", 0);
    StandaloneTool.list(given, "file").forEach(f -> files.add(Path.of(f)));
    save = StandaloneTool.path(given, "save");
    control = given.containsKey("control");
    inventory = given.containsKey("inventory");
    vardir = StandaloneTool.path(given, "vardir");
    debug = StandaloneTool.debug(given);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return StandaloneTool.execute("netdiscovery", PARSER, args, out, err, given -> new NetDiscoveryCommand(out, err, given).call());
  }

  int call() throws Exception {
    StandaloneTool.logging(debug);
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
    Path dir = vardir != null ? vardir : Launch.defaultVardir();
    String deviceId = StandaloneTool.identity(vardir, err).deviceId();
    List<ObjectNode> answered = java.util.Collections.synchronizedList(new ArrayList<>());
    ResultSink shown = save != null
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
    ResultSink sink = new ResultSink() {
      @Override
      public void submit(Submission s) throws IOException {
        shown.submit(s);
      }

      @Override
      public void legacy(String query, ObjectNode content) throws IOException {
        if (content.path("DEVICE").has("AUTHSNMP")) {
          answered.add((ObjectNode) content.get("DEVICE"));
        }
        shown.legacy(query, content);
      }
    };
    TaskContext context = new TaskContext(AgentConfig.of(Map.of()), clock, sink, dir, deviceId, "");
    try (SnmpClient snmp = new SnmpClient()) {
      NetDiscoveryTask.Progress progress = ProgressBar.onTerminal() ? new ProgressBar(err, System.nanoTime()) : NetDiscoveryTask.Progress.NONE;
      NetDiscoveryTask.Summary s = NetDiscoveryTask.runJob(job, snmp, retries, context, progress);
      err.printf("%d devices found among %d addresses in %.1f s%n", s.found(), s.scanned(), s.millis() / 1000.0);
      if (inventory) {
        inventoryOf(answered, job, snmp, deviceId);
      }
    } catch (TaskException e) {
      err.println("glpi-agent netdiscovery: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  /**
   * {@code --inventory}: each device that answered SNMP read again in full, with the credential, port and
   * transport that worked, up to {@code --threads} at once; SNMPQUERY messages printed, or JSON under --save.
   */
  private void inventoryOf(List<ObjectNode> devices, DiscoveryJob job, SnmpClient snmp, String deviceId)
      throws TaskException, InterruptedException {
    java.util.Map<String, Credential> byId = new java.util.HashMap<>();
    job.credentials().forEach(c -> byId.put(c.id(), c));
    List<ObjectNode> list;
    synchronized (devices) {
      list = List.copyOf(devices);
    }
    int done = 0;
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads), Thread.ofVirtual().name("netinventory-", 0).factory())) {
      List<java.util.concurrent.Future<Optional<org.glpiagent.tasks.netinventory.DeviceInventory.Result>>> running = new ArrayList<>();
      for (ObjectNode d : list) {
        Credential c = byId.get(d.path("AUTHSNMP").asText());
        int port = d.has("AUTHPORT") ? d.path("AUTHPORT").asInt(161) : 161;
        org.glpiagent.tasks.snmp.Transport t = d.path("AUTHPROTOCOL").asText("").equals("tcp")
            ? org.glpiagent.tasks.snmp.Transport.TCP : org.glpiagent.tasks.snmp.Transport.UDP;
        String type = d.path("TYPE").asText(null);
        running.add(pool.submit(() -> org.glpiagent.tasks.netinventory.NetInventoryTask.inventory(snmp,
            java.net.InetAddress.getByName(d.path("IP").asText()), port, t, c == null ? List.of() : List.of(c), type,
            Duration.ofSeconds(Math.max(timeout, 5)), Math.max(retries, 1))));
      }
      for (int i = 0; i < list.size(); i++) {
        Optional<org.glpiagent.tasks.netinventory.DeviceInventory.Result> r;
        try {
          r = running.get(i).get();
        } catch (java.util.concurrent.ExecutionException e) {
          r = Optional.empty();
        }
        String ip = list.get(i).path("IP").asText();
        if (r.isEmpty()) {
          err.println("glpi-agent netdiscovery: " + ip + ": no inventory (it stopped answering)");
          continue;
        }
        done++;
        try {
          // with --save the native JSON documents, else the SNMPQUERY requests after the NETDISCOVERY ones
          NetInventoryCommand.write(out, save, ip, NetInventoryCommand.render(r.get(), deviceId, list.get(i).path("TYPE").asText(null), save == null),
              save == null);
        } catch (IOException e) {
          throw new TaskException("netinventory of " + ip + ": " + e.getMessage(), e);
        }
      }
    }
    err.printf("%d of %d devices inventoried%n", done, list.size());
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
      r.put("DEVICEID", StandaloneTool.identity(vardir, err).deviceId());
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
        List.of(new DiscoveryJob.Range("1", "0", range, ports.isEmpty() ? List.of(161) : ports, transport)), creds);
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
