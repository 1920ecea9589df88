package org.glpiagent.tasks.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/** What collectors read the machine through: OSHI, the clock and small system files. */
final class Platform {
  private final SystemInfo oshi = new SystemInfo();
  private final Clock clock;
  private final Path root;
  private volatile HardwareAbstractionLayer hardware;

  Platform(Clock clock, Path root) {
    this.clock = clock;
    this.root = root;
  }

  HardwareAbstractionLayer hardware() {
    if (hardware == null) {
      hardware = oshi.getHardware();
    }
    return hardware;
  }

  OperatingSystem os() {
    return oshi.getOperatingSystem();
  }

  Clock clock() {
    return clock;
  }

  /** A small system file's trimmed text (such as {@code /sys/class/dmi/id/chassis_type}), if readable. */
  Optional<String> file(String path) {
    Path p = root.resolve(path.startsWith("/") ? path.substring(1) : path);
    try {
      if (Files.isReadable(p) && Files.size(p) < 1 << 20) {
        return Optional.of(Files.readString(p).strip()).filter(s -> !s.isEmpty());
      }
    } catch (IOException | RuntimeException e) {
      // not readable here: the caller goes without
    }
    return Optional.empty();
  }

  /** Whether a path exists. */
  boolean exists(String path) {
    return Files.exists(root.resolve(path.startsWith("/") ? path.substring(1) : path));
  }

  /** The target of a symbolic link's last name, such as a network driver's name. */
  Optional<String> linkName(String path) {
    try {
      Path p = root.resolve(path.startsWith("/") ? path.substring(1) : path);
      return Files.isSymbolicLink(p) ? Optional.of(Files.readSymbolicLink(p).getFileName().toString()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
