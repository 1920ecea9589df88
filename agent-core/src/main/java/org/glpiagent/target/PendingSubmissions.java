package org.glpiagent.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.glpiagent.client.Message;

/**
 * Messages a server has not accepted yet, kept as files in the target's {@code pending/} folder until they
 * are delivered, so that a busy server, a 5xx or a restart loses nothing.
 *
 * <p>File names sort in the order the messages were made; the extension says the format.
 */
public final class PendingSubmissions {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
  private static final AtomicLong SEQ = new AtomicLong();

  private final Path dir;
  private final Clock clock;

  public PendingSubmissions(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** A message waiting on disk. */
  public record Entry(Path file, Message.Format format) {
    /** The message's bytes. */
    public byte[] body() throws IOException {
      return Files.readAllBytes(file);
    }
  }

  /** Keeps a message for later; returns its file. */
  public Path keep(byte[] body, Message.Format format) throws IOException {
    ownerOnlyFolder(dir);
    String name =
        STAMP.format(clock.instant())
            + "-"
            + String.format("%06d", SEQ.incrementAndGet() % 1_000_000)
            + (format == Message.Format.JSON ? ".json" : ".xml");
    Path tmp = Files.createTempFile(dir, ".pending", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not POSIX: the folder's ACL applies
      }
      Files.write(tmp, body);
      Path target = dir.resolve(name);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The waiting messages, oldest first. */
  public List<Entry> list() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("\\d{8}T\\d{6}-\\d{6}\\.(json|xml)"))
          .sorted()
          .map(p -> new Entry(p, p.toString().endsWith(".json") ? Message.Format.JSON : Message.Format.XML))
          .toList();
    }
  }

  /** Forgets a delivered message. */
  public void delivered(Entry e) throws IOException {
    Files.deleteIfExists(e.file());
  }

  /** Moves a message the server refused for good into {@code rejected/}, for the administrator to read. */
  public Path reject(Entry e) throws IOException {
    Path rejected = dir.resolveSibling("rejected");
    ownerOnlyFolder(rejected);
    Path to = rejected.resolve(e.file().getFileName());
    Files.move(e.file(), to, StandardCopyOption.REPLACE_EXISTING);
    return to;
  }

  /** Creates a folder readable by its owner only (the inventories in it describe the machine). */
  private static void ownerOnlyFolder(Path d) throws IOException {
    if (Files.isDirectory(d)) {
      return;
    }
    Files.createDirectories(d);
    try {
      Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // not POSIX: the folder's ACL applies
    }
  }
}
