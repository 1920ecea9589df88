package org.glpiagent.tasks.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps JNA's native library (OSHI's way to the system) unpacked in the launcher's cache, so that a run loads it
 * from there instead of unpacking it from the jar into a temporary file and deleting it again, as JNA does
 * by default (about 15 ms of each inventory). The launcher names the folder with
 * {@code -Dglpi.agent.native=DIR}, one per runtime and agent version; without it nothing changes.
 */
final class NativeCache {
  private static final Logger log = LoggerFactory.getLogger(NativeCache.class);
  static final String PROPERTY = "glpi.agent.native";
  private static volatile boolean done;

  private NativeCache() {}

  /** Points JNA at the cached library, unpacking it first when needed; before JNA's first use. */
  static synchronized void prepare() {
    if (done) {
      return;
    }
    done = true;
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isBlank() || System.getProperty("jna.boot.library.path") != null) {
      return;
    }
    String name = System.mapLibraryName("jnidispatch").replace(".dylib", ".jnilib");
    String resource = "/com/sun/jna/" + com.sun.jna.Platform.RESOURCE_PREFIX + "/" + name;
    Path folder = Path.of(dir);
    Path lib = folder.resolve(name);
    try {
      if (!Files.isRegularFile(lib)) {
        try (InputStream in = NativeCache.class.getResourceAsStream(resource)) {
          if (in == null) {
            return; // no library for this platform in the jar: JNA finds its own way
          }
          Files.createDirectories(folder);
          Path tmp = Files.createTempFile(folder, name, ".tmp");
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      System.setProperty("jna.boot.library.path", folder.toString());
    } catch (IOException | RuntimeException e) {
      log.debug("JNA's library not cached in {}: {}", folder, e.getMessage());
    }
  }
}
