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

  private String fileName(Submission s) {
    if ("Computer".equals(s.itemtype())) {
      return deviceId;
    }
    String ip = s.content().path("network_device").path("ips").path(0).asText("");
    return s.itemtype().toLowerCase() + "-" + (ip.isEmpty() ? deviceId : ip.replace(':', '_'));
  }
}
