package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The daemon as a real process: it runs on schedule, reloads on SIGHUP and stops cleanly on SIGTERM. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DaemonProcessTest {
  @TempDir Path dir;

  private Process start(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
  }

  private static void waitFor(Duration max, java.util.function.BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within " + max);
      }
      Thread.sleep(100); // waiting on another process: no clock to inject there
    }
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("daemon.log"));
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void runsOnScheduleReloadsOnHupAndStopsOnTerm() throws Exception {
    Path pidfile = dir.resolve("agent.pid");
    Process p = start("--daemon", "--no-fork", "--local", "out", "--json", "--vardir", "var", "--delaytime", "2",
        "--no-httpd", "--pidfile", pidfile.toString());
    try {
      waitFor(Duration.ofSeconds(30), () -> Files.isDirectory(dir.resolve("out")) && dir.resolve("out").toFile().list().length > 0);
      assertThat(Files.readString(pidfile).strip()).isEqualTo(String.valueOf(p.pid()));

      new ProcessBuilder("kill", "-HUP", String.valueOf(p.pid())).start().waitFor();
      waitFor(Duration.ofSeconds(20), () -> log().contains("configuration reloaded"));

      p.destroy(); // SIGTERM
      assertThat(p.waitFor(15, TimeUnit.SECONDS)).as(log()).isTrue();
      assertThat(log()).contains("daemon stopped");
      assertThat(pidfile).doesNotExist();
      try (var s = Files.walk(dir.resolve("var"))) {
        assertThat(s.filter(f -> f.getFileName().toString().endsWith(".tmp") || f.getFileName().toString().contains("corrupt")).toList()).isEmpty();
      }
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void daemonWithoutNoForkDetachesAndReturns() throws Exception {
    Process p = start("--daemon", "--local", "out", "--vardir", "var", "--no-httpd");
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    String out = log();
    assertThat(out).contains("glpi-agent daemon started, pid ");
    long pid = Long.parseLong(out.replaceAll("(?s).*pid (\\d+).*", "$1"));
    ProcessHandle child = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("detached daemon not running"));
    child.destroy();
    child.onExit().get(15, TimeUnit.SECONDS);
  }

  @Test
  void setForcerunMakesTheNextDaemonStartRunAtOnce() throws Exception {
    AgentRun set = AgentRun.run(dir, "--set-forcerun", "--vardir", dir.resolve("var").toString());
    assertThat(set.code).as(set.toString()).isZero();
    Process p = start("--daemon", "--no-fork", "--local", "out", "--vardir", "var", "--delaytime", "3600", "--no-httpd");
    try {
      waitFor(Duration.ofSeconds(30), () -> Files.isDirectory(dir.resolve("out")) && dir.resolve("out").toFile().list().length > 0);
      assertThat(log()).contains("forcerun was set");
      assertThat(dir.resolve("var/forcerun")).doesNotExist();
    } finally {
      p.destroy();
      p.waitFor(15, TimeUnit.SECONDS);
      p.destroyForcibly();
    }
  }

  @Test
  void aTermRightAfterAHupStillStopsCleanly() throws Exception {
    Process p = start("--daemon", "--no-fork", "--local", "out", "--vardir", "var", "--delaytime", "3600", "--no-httpd");
    try {
      waitFor(Duration.ofSeconds(20), () -> log().contains("daemon started"));
      new ProcessBuilder("kill", "-HUP", String.valueOf(p.pid())).start().waitFor();
      p.destroy();
      assertThat(p.waitFor(15, TimeUnit.SECONDS)).as(log()).isTrue();
      assertThat(log()).contains("daemon stopped").doesNotContain("Exception");
    } finally {
      p.destroyForcibly();
    }
  }

  private static String http(String method, int port, String path) throws Exception {
    var c = java.net.http.HttpClient.newHttpClient();
    var r = c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
        .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }

  private String ctl(String... args) {
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of("ctl", "--vardir", dir.resolve("var").toString()));
    all.addAll(List.of(args));
    int code = new Main(new java.io.PrintStream(out, true), new java.io.PrintStream(err, true), dir.resolve("none.cfg"), dir)
        .run(all.toArray(String[]::new));
    return code + " " + out + err;
  }

  @Test
  void thePortAndTheControlCommandDriveARunningDaemon() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Process p = start("--daemon", "--no-fork", "--local", "out", "--json", "--vardir", "var", "--delaytime", "3600",
        "--httpd-ip", "127.0.0.1", "--httpd-port", String.valueOf(port));
    try {
      waitFor(Duration.ofSeconds(20), () -> log().contains("control channel on"));
      assertThat(http("GET", port, "/status")).isEqualTo("200 status: waiting");
      assertThat(ctl("list")).isEqualTo("0 local0\n");

      assertThat(http("GET", port, "/now")).isEqualTo("200 Done.");
      waitFor(Duration.ofSeconds(60), () -> Files.isDirectory(dir.resolve("out")) && dir.resolve("out").toFile().list().length > 0);
      waitFor(Duration.ofSeconds(10), () -> {
        try {
          return http("GET", port, "/api/jobs/local0/runs?expanded").contains("\"state\":\"finished\"");
        } catch (Exception e) {
          return false;
        }
      });
      assertThat(http("GET", port, "/api/jobs/local0")).contains("\"last-outcome\":\"done\"");
      assertThat(http("POST", port, "/api/jobs/local0/runs")).startsWith("403 "); // no api-token configured
      assertThat(ctl("status", "local0")).startsWith("0 ").contains("\"name\" : \"local0\"").contains("\"state\" : \"finished\"");
      assertThat(ctl("start", "nginx")).startsWith("1 ").contains("Invalid job name.");
      assertThat(ctl("frobnicate")).startsWith("2 ");
      assertThat(http("GET", port, "/")).contains("<td>local0</td>");

      assertThat(ctl("reload")).isEqualTo("0 ok\n");
      waitFor(Duration.ofSeconds(20), () -> log().contains("configuration reloaded"));
      waitFor(Duration.ofSeconds(20), () -> log().split("control channel on", -1).length == 3);
      assertThat(http("GET", port, "/status")).isEqualTo("200 status: waiting");

      p.destroy();
      assertThat(p.waitFor(15, TimeUnit.SECONDS)).as(log()).isTrue();
      assertThat(dir.resolve("var/glpi-agent.sock")).doesNotExist();
      assertThat(ctl("list")).startsWith("1 ").contains("no agent answers");
    } finally {
      p.destroyForcibly();
    }
  }
}
