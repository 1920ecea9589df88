package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.glpiagent.testkit.FakeGlpiServer;
import org.glpiagent.testkit.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process dies (SIGKILL) while writing its state, or the disk fills while state or a kept inventory is
 * written: the state still parses, the kept inventory reaches the server exactly once, the schedule goes on.
 */
@EnabledOnOs(OS.LINUX)
class CrashAndDiskFullTest {
  @TempDir Path dir;
  private FakeGlpiServer server;
  private Path mounted;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (mounted != null) {
      new ProcessBuilder("umount", mounted.toString()).inheritIO().start().waitFor();
    }
  }

  private static List<Path> files(Path root, String nameRegex) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().matches(nameRegex)).toList();
    }
  }

  private static long names(FakeGlpiServer server, String name) {
    return server.inventories().stream().filter(i -> i.toString().contains(name)).count();
  }

  @Test
  void sigkillWhileWritingStateLeavesItReadableAndTheKeptInventoryIsSentOnce() throws Exception {
    Path var = dir.resolve("var");
    server = FakeGlpiServer.start().fault("inventory", new Fault.Busy(503, "1m"));
    AgentRun first = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), var));
    assertThat(first.code).as(first.toString()).isEqualTo(1);
    List<Path> kept = files(var, "\\d{8}T\\d{6}-\\d{6}\\.json");
    assertThat(kept).hasSize(1);
    Path targetDir = files(var, "target\\.json").getFirst().getParent();

    for (int round = 0; round < 3; round++) {
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), StateWriterLoop.class.getName(), targetDir.toString())
          .redirectErrorStream(true).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(out.readLine()).isEqualTo("writing");
        Thread.sleep(150L * (round + 1)); // another process: let it write a few hundred times
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(child.exitValue()).isEqualTo(137);
    }

    AgentRun second = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), var));
    assertThat(second.code).as(second.toString()).isZero();
    assertThat(second.err).doesNotContain("unreadable").contains("sending kept submission");
    assertThat(files(var, ".*\\.corrupt-.*")).isEmpty();
    assertThat(files(var, "\\d{8}T\\d{6}-\\d{6}\\.json")).isEmpty();
    assertThat(server.inventories()).hasSize(2).doesNotHaveDuplicates();
    SubmissionLedger.record("sigkillDuringStateWrite", 2, server.inventories().size());
  }

  /** Mounts a small tmpfs (root only; CI runs as root), or skips. */
  private Path smallDisk() throws Exception {
    Path m = dir.resolve("small");
    Files.createDirectories(m);
    boolean ok = false;
    try {
      ok = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs", m.toString())
          .redirectErrorStream(true).start().waitFor() == 0;
    } catch (java.io.IOException e) {
      ok = false;
    }
    assumeTrue(ok, "cannot mount a tmpfs here (not root, or no mount permission)");
    mounted = m;
    return m;
  }

  private static Path fill(Path disk) throws Exception {
    Path filler = disk.resolve("filler");
    byte[] block = new byte[4096];
    try (OutputStream o = Files.newOutputStream(filler)) {
      while (true) {
        o.write(block);
      }
    } catch (java.io.IOException e) {
      assertThat(e.getMessage()).contains("No space left on device");
    }
    return filler;
  }

  @Test
  void aFullDiskWhileTheInventoryAndTheStateAreWrittenFailsTheRunCleanlyAndTheNextRunSends() throws Exception {
    Path disk = smallDisk();
    Path var = disk.resolve("var");
    server = FakeGlpiServer.start();
    AgentRun first = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), var));
    assertThat(first.code).as(first.toString()).isZero();
    assertThat(server.inventories()).hasSize(1);
    Path state = files(var, "target\\.json").getFirst();
    String stateBefore = Files.readString(state);

    Path filler = fill(disk);
    AgentRun full = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), var));
    assertThat(full.code).as(full.toString()).isNotZero();
    assertThat(full.err).as(full.toString()).contains("No space left on device");
    assertThat(full.err).doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(Files.readString(state)).as("the old state, whole").isEqualTo(stateBefore);
    assertThat(files(var, ".*\\.tmp")).as("no half-written temporary file left").isEmpty();
    // what could not be kept on disk is not sent either: the next run makes and sends it
    assertThat(server.inventories()).hasSize(1);

    Files.delete(filler);
    AgentRun after = AgentRun.run(dir, AgentRun.forServer(server.uri().toString(), var));
    assertThat(after.code).as(after.toString()).isZero();
    assertThat(files(var, "\\d{8}T\\d{6}-\\d{6}\\.json")).isEmpty();
    assertThat(files(var, ".*\\.corrupt-.*")).isEmpty();
    assertThat(server.inventories()).hasSize(2).doesNotHaveDuplicates();
    SubmissionLedger.record("diskFull", 2, server.inventories().size());
  }
}
