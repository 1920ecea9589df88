package org.glpiagent.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.glpiagent.protocol.JsonTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's state on disk: small versioned JSON files in one folder, readable only by their owner.
 *
 * <p>A write goes to a temporary file that is then moved over the old one, so a crash leaves either the old
 * or the new state, never half of one. A file that cannot be read (corrupt JSON, a newer version) is moved
 * aside as {@code <name>.corrupt-<time>} and reported, never silently reset.
 */
public final class StateStore {
  private static final Logger log = LoggerFactory.getLogger(StateStore.class);
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final Path dir;
  private final Clock clock;

  public StateStore(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** The folder this store writes into. */
  public Path dir() {
    return dir;
  }

  /** A store for a sub-folder, such as one target's. */
  public StateStore child(String name) {
    return new StateStore(dir.resolve(name), clock);
  }

  /**
   * Reads a state file written with {@link #write}. Empty when absent; when unreadable or of a version this
   * agent does not know, the file is set aside and empty is returned.
   */
  public Optional<ObjectNode> read(String name, int version) throws IOException {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    String why;
    try {
      JsonNode node = JsonTree.read(Files.readAllBytes(file));
      if (node != null && node.isObject() && node.path("version").asInt(-1) == version) {
        return Optional.of((ObjectNode) node);
      }
      why = node != null && node.has("version") ? "unknown version " + node.path("version") : "not a state object";
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      why = "corrupt JSON";
    }
    Path aside = file.resolveSibling(name + ".corrupt-" + STAMP.format(clock.instant()));
    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
    log.error("state file {} is unreadable ({}): set aside as {}", file, why, aside.getFileName());
    return Optional.empty();
  }

  /** Writes a state file atomically, stamping it with its {@code version}. */
  public void write(String name, int version, ObjectNode state) throws IOException {
    ObjectNode copy = state.deepCopy();
    copy.put("version", version);
    writeBytes(name, JsonTree.write(copy, true));
  }

  /**
   * Writes a file of raw bytes atomically, readable by its owner only, in this store's folder (created
   * owner-only when missing): for what is not versioned JSON, such as messages a proxy holds.
   */
  public void writeBytes(String name, byte[] bytes) throws IOException {
    ensureDir();
    Path tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
    try {
      restrict(tmp, OWNER_FILE);
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Creates the folder, owner-only, if missing. */
  public Path ensureDir() throws IOException {
    if (!Files.isDirectory(dir)) {
      try {
        Files.createDirectories(dir);
      } catch (FileAlreadyExistsException e) {
        throw new IOException(dir + " exists and is not a folder", e);
      }
      restrict(dir, OWNER_DIR);
    }
    return dir;
  }

  static void restrict(Path path, Set<PosixFilePermission> perms) throws IOException {
    try {
      Files.setPosixFilePermissions(path, perms);
    } catch (UnsupportedOperationException e) {
      // Windows: the folder's ACL (set by the installer) applies
    }
  }
}
