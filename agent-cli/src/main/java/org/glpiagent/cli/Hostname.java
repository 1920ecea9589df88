package org.glpiagent.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's short host name, for the {@code deviceid}: read without a DNS lookup where the system
 * allows it, since a slow resolver must not delay start-up.
 */
final class Hostname {
  private Hostname() {}

  static String local() {
    try {
      Path p = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(p)) {
        String h = Files.readString(p).trim();
        if (!h.isEmpty()) {
          return shorten(h);
        }
      }
    } catch (IOException e) {
      // fall through
    }
    String env = System.getenv("COMPUTERNAME");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    try {
      return shorten(InetAddress.getLocalHost().getHostName());
    } catch (IOException e) {
      return "localhost";
    }
  }

  static String shorten(String h) {
    int dot = h.indexOf('.');
    return dot > 0 ? h.substring(0, dot) : h;
  }
}
