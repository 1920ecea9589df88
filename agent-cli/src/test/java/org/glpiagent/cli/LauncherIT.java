package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher, {@code packaging/bin/glpi-agent}, on the shaded jar: whatever it does with its start-up
 * caches, standard output carries only the inventory.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("../packaging/bin/glpi-agent").toAbsolutePath().normalize();
  private static final Path JAR = Path.of("target/glpi-agent.jar").toAbsolutePath();

  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private Result run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    b.environment().put("GLPI_AGENT_JAR", JAR.toString());
    b.environment().put("GLPI_AGENT_CACHE", dir.resolve("cache").toString());
    b.environment().remove("GLPI_AGENT_JAVA_OPTS");
    Process p = b.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    return new Result(p.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8), Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
  }

  /** The start-up caches (AOT or class-data), not JNA's unpacked library. */
  private List<String> cacheFiles() throws IOException {
    if (!Files.isDirectory(dir.resolve("cache"))) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir.resolve("cache"))) {
      return s.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".native")).sorted().toList();
    }
  }

  private static void assertInventory(Result r) throws IOException {
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(r.out()); // fails on anything printed after the document
    assertThat(doc.path("content").path("hardware").path("name").asText()).isNotEmpty();
  }

  @Test
  void standardOutputIsTheInventoryOnTheRecordingRunAndAfterIt() throws Exception {
    assertThat(run("--version").out()).startsWith("GLPI-Agent (Java) ");
    assertThat(cacheFiles()).as("no cache from a --version run").isEmpty();

    assertInventory(run("inventory", "--vardir", dir.resolve("var").toString()));
    List<String> afterFirst = cacheFiles();
    assertThat(afterFirst).as("a cache recorded by the first run").hasSize(1);
    try (Stream<Path> s = Files.walk(dir.resolve("cache"))) {
      assertThat(s.filter(f -> f.getFileName().toString().equals(System.mapLibraryName("jnidispatch"))).toList())
          .as("a Linux inventory reads the system's files itself: JNA is never loaded, nothing unpacked").isEmpty();
    }
    assertThat(afterFirst.get(0)).matches("glpi-agent-.+-inventory\\.(aotconf|jsa)");

    assertInventory(run("inventory", "--vardir", dir.resolve("var").toString()));
    if (afterFirst.get(0).endsWith(".aotconf")) {
      // the second run builds the AOT cache in the background; the third starts from it
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (cacheFiles().stream().noneMatch(f -> f.endsWith("-inventory.aot")) && System.nanoTime() < until) {
        Thread.sleep(200);
      }
      assertThat(cacheFiles()).anyMatch(f -> f.endsWith("-inventory.aot"));
    }
    Result third = run("inventory", "--vardir", dir.resolve("var").toString());
    assertInventory(third);
    assertThat(third.err()).doesNotContain("error");
  }

  @Test
  void aJarNewerThanItsCacheGetsANewOne() throws Exception {
    assertInventory(run("inventory", "--vardir", dir.resolve("var").toString()));
    Path cached = dir.resolve("cache").resolve(cacheFiles().get(0));
    Files.setLastModifiedTime(cached, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(JAR).toMillis() - 60_000));
    long before = Files.getLastModifiedTime(cached).toMillis();
    assertInventory(run("inventory", "--vardir", dir.resolve("var").toString()));
    // the stale file was removed; what is there now was made by this run (or is being made from it)
    assertThat(cacheFiles().stream().map(f -> dir.resolve("cache").resolve(f))
        .filter(Files::exists).allMatch(f -> {
          try {
            return Files.getLastModifiedTime(f).toMillis() > before;
          } catch (IOException e) {
            return true; // removed meanwhile by the background build
          }
        })).isTrue();
  }

  @Test
  void aDaemonStartedByTheLauncherRunsItsTargetsInAProcessOfTheirOwn() throws Exception {
    Path out = Files.createDirectories(dir.resolve("inventories"));
    assertThat(run("--set-forcerun", "--vardir", dir.resolve("var").toString()).code()).isZero();
    List<String> cmd = List.of("sh", LAUNCHER.toString(), "--daemon", "--no-fork", "--local", out.toString(), "--vardir",
        dir.resolve("var").toString(), "--delaytime", "3600", "--no-httpd", "--tasks", "inventory", "--json");
    ProcessBuilder b = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("daemon.log").toFile());
    b.environment().put("GLPI_AGENT_JAR", JAR.toString());
    b.environment().put("GLPI_AGENT_CACHE", dir.resolve("cache").toString());
    // every JVM of this test writes the classes it loads, one file per process
    b.environment().put("GLPI_AGENT_JAVA_OPTS", "-Xlog:class+load=info:file=" + dir.resolve("classes-%p.log"));
    b.environment().remove("GLPI_AGENT_RUNS");
    Process daemon = b.start();
    try {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.readString(dir.resolve("daemon.log")).contains("run done") && System.nanoTime() < until) {
        Thread.sleep(200);
      }
      String log = Files.readString(dir.resolve("daemon.log"));
      assertThat(log).contains("target local0: run done");
      try (Stream<Path> s = Files.list(out)) {
        assertThat(s.toList()).singleElement().asString().endsWith(".json");
      }
      assertThat(daemon.isAlive()).isTrue();
      daemon.destroy(); // its class log is complete once it has stopped
      assertThat(daemon.waitFor(20, TimeUnit.SECONDS)).isTrue();
      String daemonClasses = Files.readString(dir.resolve("classes-" + daemon.pid() + ".log"));
      assertThat(daemonClasses).contains("org.glpiagent.agent.Daemon ")
          .as("the daemon never loads what the inventory uses, nor the HTTP client")
          .doesNotContain("org.glpiagent.tasks.inventory.Dmi ", "org.glpiagent.tasks.inventory.HardwareCollector ", "okhttp3.");
      try (Stream<Path> s = Files.list(dir)) {
        assertThat(s.filter(f -> f.getFileName().toString().startsWith("classes-")).filter(f -> {
          try {
            return Files.readString(f).contains("org.glpiagent.tasks.inventory.HardwareCollector ");
          } catch (IOException e) {
            return false;
          }
        }).toList()).as("the run's own process did the inventory").isNotEmpty();
      }
    } finally {
      daemon.destroy();
      assertThat(daemon.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
  }
}
