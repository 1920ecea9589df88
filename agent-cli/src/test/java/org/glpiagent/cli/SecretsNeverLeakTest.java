package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.glpiagent.testkit.FakeGlpiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets given to a real agent process at {@code --debug --debug} never show in its log file, its output,
 * its command line as {@code ps} shows it, or any file of its vardir, and every file it makes there is
 * owner-only. A secret put on the command line is in {@code ps} by nature: {@code agent.cfg} is the way,
 * and that route leaks nothing.
 */
@EnabledOnOs(OS.LINUX)
class SecretsNeverLeakTest {
  private static final String PASSWORD = "pw-Secret-7f3a1c";
  private static final String OAUTH_SECRET = "oauth-Secret-92be44";
  private static final String REGISTER_TOKEN = "5d0b1f6e-8a2c-4e77-9b1d-3c4f5a6b7c8d";
  private static final String API_TOKEN = "api-Secret-c0ffee11";
  private static final String COMMUNITY = "comm-Secret-51d2";
  private static final String AUTH_PASS = "authpass-Secret-a8e1";
  private static final String PRIV_PASS = "privpass-Secret-66b0";
  private static final List<String> SECRETS = List.of(PASSWORD, OAUTH_SECRET, REGISTER_TOKEN, API_TOKEN, COMMUNITY, AUTH_PASS, PRIV_PASS);

  @TempDir Path dir;
  private FakeGlpiServer server;
  private Process process;

  @AfterEach
  void stop() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
    if (server != null) {
      server.close();
    }
  }

  private Process start(List<String> args, Path output) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void waitFor(Duration max, java.util.function.BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within " + max);
      }
      Thread.sleep(100); // another process: no clock to inject
    }
  }

  private static void assertNoSecretIn(String where, String text) {
    for (String s : SECRETS) {
      assertThat(text).as("%s must not contain %s", where, s).doesNotContain(s);
    }
  }

  @Test
  void secretsFromAgentCfgStayOutOfLogsOutputPsAndStateFiles() throws Exception {
    // OAuth2 client credentials are used when both are given: the secret goes on the wire, the password does not
    server = FakeGlpiServer.start().auth(FakeGlpiServer.Auth.CLIENT_CREDENTIALS).clientCredentials("agent-client", OAUTH_SECRET, 3600);
    Path var = dir.resolve("var");
    Path logfile = dir.resolve("agent.log");
    Path cfg = dir.resolve("agent.cfg");
    Files.writeString(cfg, String.join("\n",
        "server = " + server.uri(),
        "user = glpi",
        "password = " + PASSWORD,
        "oauth-client-id = agent-client",
        "oauth-client-secret = " + OAUTH_SECRET,
        "token = " + REGISTER_TOKEN,
        "api-token = " + API_TOKEN,
        "httpd-ip = 127.0.0.1",
        "httpd-port = " + freePort(),
        "vardir = " + var,
        "logger = file, stderr",
        "logfile = " + logfile,
        "debug = 2",
        "delaytime = 1",
        ""), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(cfg, PosixFilePermissions.fromString("rw-------"));
    Path output = dir.resolve("output.txt");
    process = start(List.of("--conf-file", cfg.toString(), "--daemon", "--no-fork", "--debug", "--debug"), output);

    try {
      waitFor(Duration.ofSeconds(60), () -> !server.inventories().isEmpty() || !process.isAlive());
    } catch (AssertionError e) {
      throw new AssertionError("no inventory; output:\n" + read(output) + "\nlog:\n" + read(logfile), e);
    }
    assertThat(process.isAlive()).as("daemon alive; output:\n%s", read(output)).isTrue();
    // the ps route: /proc/<pid>/cmdline of the running JVM
    String cmdline = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).replace('\0', ' ');
    assertThat(cmdline).contains("--conf-file");
    assertNoSecretIn("ps (/proc/pid/cmdline)", cmdline);
    process.destroy(); // SIGTERM: a clean stop, which logs too
    process.waitFor();

    String log = read(logfile);
    assertThat(log).as("a debug log of a real run").contains("inventory").hasSizeGreaterThan(1000);
    assertNoSecretIn("the log file", log);
    assertNoSecretIn("stdout/stderr", read(output));
    assertFilesOwnerOnlyAndClean(var);
  }

  @Test
  void snmpSecretsOnTheCommandLineStayOutOfTheLogs() throws Exception {
    Path output = dir.resolve("output.txt");
    process = start(List.of("netdiscovery", "--first", "127.0.0.1", "--port", String.valueOf(freePort()), "--timeout", "1",
        "--community", COMMUNITY,
        "--credentials", "version:3,username:u,authprotocol:sha,authpassword:" + AUTH_PASS + ",privprotocol:aes,privpassword:" + PRIV_PASS,
        "--vardir", dir.resolve("var").toString(), "--debug", "--debug"), output);
    // argv is public to every local user: that is why agent.cfg holds secrets; the test shows it, not hides it
    String cmdline = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).replace('\0', ' ');
    assertThat(cmdline).contains(COMMUNITY);
    assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    String out = read(output);
    assertThat(out).as(out).contains("devices found");
    assertNoSecretIn("netdiscovery output", out);
  }

  @Test
  void aBadCredentialsSpecIsRefusedWithoutEchoingTheSecret() throws Exception {
    Path output = dir.resolve("output.txt");
    process = start(List.of("netdiscovery", "--first", "127.0.0.1", "--credentials", "version:3,authpassword:" + AUTH_PASS + ",broken",
        "--vardir", dir.resolve("var").toString()), output);
    assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isNotZero();
    assertNoSecretIn("the error", read(output));
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
  }

  private static void assertFilesOwnerOnlyAndClean(Path var) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(var)) {
      all = s.toList();
    }
    assertThat(all).hasSizeGreaterThan(2);
    for (Path p : all) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
      if (Files.isDirectory(p)) {
        if (!p.equals(var)) {
          assertThat(PosixFilePermissions.toString(perms)).as("folder %s", p).isEqualTo("rwx------");
        }
      } else {
        assertThat(PosixFilePermissions.toString(perms)).as("file %s", p).isEqualTo("rw-------");
        assertNoSecretIn("state file " + var.relativize(p), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
  }
}
