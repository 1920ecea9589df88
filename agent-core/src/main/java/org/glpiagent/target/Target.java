package org.glpiagent.target;

import java.net.URI;
import java.time.Duration;

/**
 * Where the agent's results go: a GLPI server, or a local folder (or standard output).
 *
 * <p>Each target has its own schedule and its own folder under {@code vardir}.
 */
public sealed interface Target {
  /** {@code server0}, {@code local0}...: the name used in logs. */
  String id();

  /** The name of the target's folder under {@code vardir}, derived from its address as glpi-agent does. */
  String storageName();

  /** The delay before the first run of a fresh target. */
  Duration initialDelay(Duration delaytime);

  /** The maximum delay between runs until a server says otherwise. */
  Duration defaultMaxDelay(Duration delaytime);

  /** A GLPI server, by the URL inventories are posted to. */
  record Server(String id, URI url) implements Target {
    @Override
    public String storageName() {
      return safe(url.toString());
    }

    @Override
    public Duration initialDelay(Duration delaytime) {
      return delaytime;
    }

    @Override
    public Duration defaultMaxDelay(Duration delaytime) {
      return Duration.ofHours(1);
    }
  }

  /** A folder the inventory is written into, or {@code -} for standard output. */
  record Local(String id, String path) implements Target {
    @Override
    public String storageName() {
      return "__LOCAL__";
    }

    @Override
    public Duration initialDelay(Duration delaytime) {
      return delaytime.compareTo(Duration.ofHours(1)) < 0 ? delaytime : Duration.ofHours(1);
    }

    @Override
    public Duration defaultMaxDelay(Duration delaytime) {
      return delaytime.isZero() ? Duration.ofHours(1) : delaytime;
    }

    /** Whether results go to standard output. */
    public boolean isStdout() {
      return "-".equals(path);
    }
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
