package org.glpiagent.target;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.glpiagent.task.ResultSink;
import org.glpiagent.task.Submission;

/**
 * Writes a task's documents into a folder as {@code <deviceid>.xml} (or {@code .json}, {@code .html}), or to standard
 * output, as glpi-agent's {@code --local} does. Files are written whole and then moved into place.
 */
public final class LocalSink implements ResultSink {
  private final Target.Local target;
  private final String deviceId;
  private final Optional<String> tag;
  private final DocumentFormat format;
  private final OutputStream stdout;

  public LocalSink(Target.Local target, String deviceId, Optional<String> tag, DocumentFormat format, OutputStream stdout) {
    this.target = target;
    this.deviceId = deviceId;
    this.tag = tag;
    this.format = format;
    this.stdout = stdout;
  }

  @Override
  public void submit(Submission s) throws IOException {
    byte[] body = format.write(s, deviceId, tag);
    if (target.isStdout()) {
      stdout.write(body);
      stdout.write('\n');
      stdout.flush();
      return;
    }
    Path dir = Path.of(target.path());
    Files.createDirectories(dir);
    String name = fileName(s) + "." + format.extension();
    Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
    try {
      Files.write(tmp, body);
      Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Network task messages: to standard output, every message as XML (as {@code glpi-netdiscovery --control}
   * prints them); to a folder, one JSON file per found device in {@code netdiscovery/} or
   * {@code netinventory/}, named after its address.
   */
  @Override
  public void legacy(String query, com.fasterxml.jackson.databind.node.ObjectNode content) throws IOException {
    if (target.isStdout()) {
      com.fasterxml.jackson.databind.node.ObjectNode r = org.glpiagent.protocol.JsonTree.object();
      r.set("CONTENT", content);
      r.put("DEVICEID", deviceId);
      r.put("QUERY", query);
      stdout.write(org.glpiagent.protocol.XmlWriter.request(r));
      stdout.flush();
      return;
    }
    if (!content.has("DEVICE")) {
      return; // START, NBIP, END: nothing to keep in a folder
    }
    var device = content.get("DEVICE");
    // a discovered DEVICE has its IP; an inventoried one (SNMPQUERY) has INFO/IPS/IP, whose first is its address
    com.fasterxml.jackson.databind.JsonNode ips = device.path("INFO").path("IPS").path("IP");
    String ip = device.path("IP").asText(ips.isArray() ? ips.path(0).asText("unknown") : ips.asText("unknown"))
        .replace(':', '_');
    if (ip.isEmpty()) {
      ip = "unknown";
    }
    Path dir = Path.of(target.path()).resolve(query.equals("SNMPQUERY") ? "netinventory" : "netdiscovery");
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + ip, ".tmp");
    try {
      Files.write(tmp, org.glpiagent.protocol.JsonTree.write(device, true));
      Files.move(tmp, dir.resolve(ip + ".json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private String fileName(Submission s) {
    if ("Computer".equals(s.itemtype())) {
      return deviceId;
    }
    String ip = s.content().path("network_device").path("ips").path(0).asText("");
    return s.itemtype().toLowerCase() + "-" + (ip.isEmpty() ? deviceId : ip.replace(':', '_'));
  }
}
