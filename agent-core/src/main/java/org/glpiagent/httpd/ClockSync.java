package org.glpiagent.httpd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the system clock is kept in time by an outside reference, for the REST API's {@code clock}; a seam
 * so tests need not depend on the machine.
 *
 * @param source {@code ntp} when synchronized
 * @param reference what the clock follows, when known
 */
public record ClockSync(boolean synchronizedClock, Optional<String> source, Optional<String> reference) {
  /** What this machine says: systemd-timesyncd marks a synchronized clock with a file in /run. */
  public static ClockSync ofSystem() {
    if (Files.exists(Path.of("/run/systemd/timesync/synchronized"))) {
      return new ClockSync(true, Optional.of("ntp"), Optional.of("systemd-timesyncd"));
    }
    return new ClockSync(false, Optional.empty(), Optional.empty());
  }
}
