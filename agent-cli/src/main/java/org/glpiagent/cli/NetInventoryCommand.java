package org.glpiagent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.glpiagent.protocol.Json;
import org.glpiagent.protocol.XmlWriter;
import org.glpiagent.tasks.netinventory.DeviceInventory;
import org.glpiagent.tasks.netinventory.NetInventoryTask;
import org.glpiagent.tasks.snmp.Credential;
import org.glpiagent.tasks.snmp.SnmpClient;
import org.glpiagent.tasks.snmp.Transport;
import org.glpiagent.tasks.snmp.WalkFile;

/**
 * {@code glpi-agent netinventory}: reads network devices named on the command line (or recorded walks), as
 * glpi-agent's {@code glpi-netinventory} does, and prints GLPI's native JSON inventory of each (or, with
 * {@code --xml}, the SNMPQUERY DEVICE the glpiinventory plugin takes).
 */
final class NetInventoryCommand {
  static final ArgParser PARSER =
      StandaloneTool.withCommonOptions(
          new ArgParser("glpi-agent netinventory", "Inventories network devices (switches, routers, printers) over SNMP.")
              .add("host", ArgParser.Arity.REPEATED, "IP", "the device's address; may be repeated", "--host")
              .add("file", ArgParser.Arity.REPEATED, "WALK", "read the device recorded in an snmpwalk -On file instead; may be repeated", "--file")
              .add("community", ArgParser.Arity.REPEATED, "COMMUNITY", "SNMP community, may be repeated (default: public)", "--community")
              .flag("v1", "use SNMP v1 for communities (default v2c)", "--v1")
              .add("credentials", ArgParser.Arity.REPEATED, "SPEC",
                  "e.g. version:3,username:u,authprotocol:sha,authpassword:a,privprotocol:aes,privpassword:p; may be repeated", "--credentials")
              .value("type", "TYPE", "NETWORKING or PRINTER, when known", "--type")
              .value("port", "PORT", "SNMP port (default: 161)", "--port")
              .value("protocol", "udp|tcp", "SNMP transport (default: udp)", "--protocol")
              .value("threads", "N", "devices read at once (default: 1)", "--threads")
              .value("timeout", "S", "SNMP time-out in seconds (default: 15)", "--timeout")
              .value("retries", "N", "SNMP retries (default: 1)", "--retries")
              .flag("xml", "print the SNMPQUERY DEVICE of the glpiinventory plugin instead of JSON", "--xml")
              .value("save", "DIR", "write DIR/netinventory/<ip>.json (or .xml) instead of printing", "-s", "--save"));

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, List<String>> given;

  private NetInventoryCommand(PrintStream out, PrintStream err, Map<String, List<String>> given) {
    this.out = out;
    this.err = err;
    this.given = given;
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return StandaloneTool.execute("netinventory", PARSER, args, out, err, given -> new NetInventoryCommand(out, err, given).call());
  }

  int call() throws Exception {
    List<String> hosts = StandaloneTool.list(given, "host");
    List<String> files = StandaloneTool.list(given, "file");
    if (hosts.isEmpty() && files.isEmpty()) {
      throw new StandaloneTool.BadValue("give --host IP (or --file WALK)");
    }
    StandaloneTool.logging(StandaloneTool.debug(given));
    String type = StandaloneTool.string(given, "type");
    String deviceId = StandaloneTool.identity(StandaloneTool.path(given, "vardir"), err).deviceId();
    int failed = 0;
    for (String f : files) {
      String text;
      try {
        text = Files.readString(Path.of(f));
      } catch (IOException e) {
        throw new StandaloneTool.BadValue("cannot read " + f + ": " + e.getMessage());
      }
      WalkFile walk = WalkFile.parse(text);
      if (walk.size() == 0) {
        throw new StandaloneTool.BadValue(f + " holds no snmpwalk -On line");
      }
      try {
        emit(Path.of(f).getFileName().toString(), NetInventoryTask.inventory(walk, type), deviceId, type);
      } catch (IOException e) {
        err.println("glpi-agent netinventory: " + f + ": " + e.getMessage());
        failed++;
      }
    }
    if (!hosts.isEmpty()) {
      failed += readHosts(hosts, type, deviceId);
    }
    return failed == 0 ? 0 : 1;
  }

  private int readHosts(List<String> hosts, String type, String deviceId) throws Exception {
    List<Credential> creds = credentials();
    int port = (int) StandaloneTool.number(given, "port", 161);
    Transport transport;
    try {
      transport = Transport.of(StandaloneTool.string(given, "protocol"));
    } catch (IllegalArgumentException e) {
      throw new StandaloneTool.BadValue("--protocol: " + e.getMessage());
    }
    Duration timeout = Duration.ofSeconds(Math.max(1, StandaloneTool.number(given, "timeout", 15)));
    int retries = (int) Math.max(0, StandaloneTool.number(given, "retries", 1));
    int threads = (int) Math.max(1, StandaloneTool.number(given, "threads", 1));
    List<InetAddress> addresses = new ArrayList<>();
    for (String h : hosts) {
      if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
        throw new StandaloneTool.BadValue("--host " + h + ": not an IP address");
      }
      addresses.add(InetAddress.getByName(h));
    }
    int failed = 0;
    try (SnmpClient snmp = new SnmpClient();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofVirtual().name("netinventory-", 0).factory())) {
      List<Future<Optional<DeviceInventory.Result>>> running = new ArrayList<>();
      for (InetAddress ip : addresses) {
        running.add(pool.submit(() -> NetInventoryTask.inventory(snmp, ip, port, transport, creds, type, timeout, retries)));
      }
      for (int i = 0; i < addresses.size(); i++) {
        Optional<DeviceInventory.Result> r = running.get(i).get();
        if (r.isEmpty()) {
          err.println("glpi-agent netinventory: " + addresses.get(i).getHostAddress() + ": no answer with any credential");
          failed++;
        } else {
          emit(addresses.get(i).getHostAddress(), r.get(), deviceId, type);
        }
      }
    }
    return failed;
  }

  private List<Credential> credentials() throws StandaloneTool.BadValue {
    List<Credential> creds = new ArrayList<>();
    int n = 0;
    List<String> communities = StandaloneTool.list(given, "community");
    List<String> specs = StandaloneTool.list(given, "credentials");
    Credential.Version v = given.containsKey("v1") ? Credential.Version.V1 : Credential.Version.V2C;
    for (String c : communities.isEmpty() && specs.isEmpty() ? List.of("public") : communities) {
      creds.add(Credential.community(String.valueOf(++n), v, c));
    }
    for (String spec : specs) {
      try {
        creds.add(NetDiscoveryCommand.parseCredentials(String.valueOf(++n), spec));
      } catch (IllegalArgumentException e) {
        throw new StandaloneTool.BadValue(e.getMessage());
      }
    }
    return creds;
  }

  private void emit(String name, DeviceInventory.Result r, String deviceId, String type) throws IOException {
    boolean xml = given.containsKey("xml");
    write(out, StandaloneTool.path(given, "save"), name, render(r, deviceId, type, xml), xml);
  }

  /** A device read, as GLPI's native JSON document or, with {@code xml}, the SNMPQUERY request of the plugin. */
  static byte[] render(DeviceInventory.Result r, String deviceId, String type, boolean xml) throws IOException {
    if (!xml) {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(NetInventoryTask.document(deviceId, r));
    }
    ObjectNode content = Json.MAPPER.createObjectNode();
    content.set("DEVICE", NetInventoryTask.legacyDevice(r, type));
    content.put("MODULEVERSION", NetInventoryTask.VERSION);
    content.put("PROCESSNUMBER", "0");
    ObjectNode request = Json.MAPPER.createObjectNode();
    request.set("CONTENT", content);
    request.put("DEVICEID", deviceId);
    request.put("QUERY", "SNMPQUERY");
    return XmlWriter.request(request);
  }

  /** Prints a rendered device, or writes it as {@code save/netinventory/<name>.json} (or .xml) when saving. */
  static void write(PrintStream out, Path save, String name, byte[] body, boolean xml) throws IOException {
    if (save == null) {
      out.write(body);
      out.println();
      out.flush();
      return;
    }
    Path dir = save.resolve("netinventory");
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".netinventory", ".tmp");
    Files.write(tmp, body);
    Files.move(tmp, dir.resolve(name.replace(':', '_') + (xml ? ".xml" : ".json")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

}
