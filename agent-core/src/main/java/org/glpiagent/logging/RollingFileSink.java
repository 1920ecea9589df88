package org.glpiagent.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Records appended to a file that is rotated when it would grow past a size: {@code agent.log} becomes
 * {@code agent.log.1}, which becomes {@code .2}, up to {@code keep} old files. A write that fails is
 * reported once on stderr; the records in between are lost, the agent goes on.
 */
final class RollingFileSink implements LogSink {
  private final Path file;
  private final long maxBytes;
  private final int keep;
  private OutputStream out;
  private long size;
  private boolean failing;

  /** Opens (or creates) the file now, so that a path that cannot be written is an error at start-up. */
  RollingFileSink(Path file, long maxBytes, int keep) throws IOException {
    if (maxBytes < 1 || keep < 0) {
      throw new IllegalArgumentException("log file size and count must be positive");
    }
    this.file = file;
    this.maxBytes = maxBytes;
    this.keep = keep;
    open();
  }

  private void open() throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    size = Files.size(file);
  }

  @Override
  public void write(LogLevel level, String line) {
    byte[] bytes = (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    try {
      if (out == null) {
        open();
      }
      if (size > 0 && size + bytes.length > maxBytes) {
        rotate();
      }
      out.write(bytes);
      out.flush();
      size += bytes.length;
      failing = false;
    } catch (IOException e) {
      if (!failing) {
        System.err.println("glpi-agent: cannot write the log file " + file + ": " + e.getMessage());
      }
      failing = true;
      closeQuietly();
    }
  }

  private void rotate() throws IOException {
    closeQuietly();
    if (keep == 0) {
      Files.deleteIfExists(file);
    } else {
      Files.deleteIfExists(numbered(keep));
      for (int i = keep - 1; i >= 1; i--) {
        if (Files.exists(numbered(i))) {
          Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
    }
    open();
  }

  private Path numbered(int i) {
    return file.resolveSibling(file.getFileName() + "." + i);
  }

  private void closeQuietly() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // the next write reopens the file or reports the failure
      }
      out = null;
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
