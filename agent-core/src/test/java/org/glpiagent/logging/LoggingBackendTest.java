package org.glpiagent.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LoggingBackendTest {
  /** A sink that keeps what it was given. */
  static final class Kept implements LogSink {
    final List<String> lines = new ArrayList<>();

    @Override
    public void write(LogLevel level, String line) {
      lines.add(level + " " + line);
    }
  }

  @AfterEach
  void restore() {
    LogSetup.apply(LogLevel.WARN, Map.of(), List.of(LogSetup.stderr()));
    MDC.clear();
  }

  @Test
  void slf4jFindsThisBackend() {
    assertThat(LoggerFactory.getLogger("org.glpiagent.x").getClass().getName()).isEqualTo(AgentLogger.class.getName());
  }

  @Test
  void theLongestMatchingPrefixSetsTheLevel() {
    Kept kept = new Kept();
    LogSetup.apply(LogLevel.INFO, Map.of("org.glpiagent", LogLevel.DEBUG, "org.glpiagent.noisy", LogLevel.ERROR, "oshi", LogLevel.WARN), List.of(kept));
    LoggerFactory.getLogger("org.glpiagent.Thing").debug("agent debug");
    LoggerFactory.getLogger("org.glpiagent.noisy.Part").warn("hidden warning");
    LoggerFactory.getLogger("oshi.util.X").info("hidden library info");
    LoggerFactory.getLogger("oshi.util.X").warn("library warning");
    LoggerFactory.getLogger("org.glpiagentish").debug("not a child of org.glpiagent");
    LoggerFactory.getLogger("other").info("root info");
    assertThat(kept.lines).hasSize(3);
    assertThat(kept.lines.get(0)).startsWith("DEBUG [").endsWith("] [DEBUG] agent debug");
    assertThat(kept.lines.get(1)).endsWith("] [WARN] library warning");
    assertThat(kept.lines.get(2)).endsWith("] [INFO] root info");
  }

  @Test
  void aNewConfigurationReachesLoggersMadeBeforeIt() {
    Logger log = LoggerFactory.getLogger("org.glpiagent.Early");
    Kept kept = new Kept();
    LogSetup.apply(LogLevel.INFO, Map.of(), List.of(kept));
    log.debug("not yet");
    assertThat(log.isDebugEnabled()).isFalse();
    LogSetup.apply(LogLevel.INFO, Map.of("org.glpiagent", LogLevel.TRACE), List.of(kept));
    log.trace("now {}", "yes");
    assertThat(log.isTraceEnabled()).isTrue();
    assertThat(kept.lines).singleElement().asString().endsWith("[TRACE] now yes");
  }

  @Test
  void offSilencesEvenErrors() {
    Kept kept = new Kept();
    LogSetup.apply(LogLevel.OFF, Map.of(), List.of(kept));
    LoggerFactory.getLogger("x").error("nothing");
    assertThat(kept.lines).isEmpty();
  }

  @Test
  void recordsCarryTheTargetAndTaskAndTheArgumentsAndTheError() {
    Kept kept = new Kept();
    LogSetup.apply(LogLevel.INFO, Map.of(), List.of(kept));
    Logger log = LoggerFactory.getLogger("org.glpiagent.Run");
    MDC.put("target", "server0");
    MDC.put("task", "inventory");
    log.warn("{} of {} collectors failed", 2, 23, new IOException("disk gone"));
    MDC.remove("task");
    log.info("target only");
    MDC.clear();
    MDC.put("task", "netdiscovery");
    log.info("task only");
    assertThat(kept.lines.get(0)).endsWith("[WARN] server0/inventory: 2 of 23 collectors failed: java.io.IOException: disk gone");
    assertThat(kept.lines.get(0)).doesNotContain("\tat "); // stack traces only at debug level
    assertThat(kept.lines.get(1)).endsWith("[INFO] server0: target only");
    assertThat(kept.lines.get(2)).endsWith("[INFO] netdiscovery: task only");
  }

  @Test
  void aStackTraceFollowsTheRecordAtDebugLevel() {
    Kept kept = new Kept();
    LogSetup.apply(LogLevel.DEBUG, Map.of(), List.of(kept));
    LoggerFactory.getLogger("x").error("failed", new IllegalStateException("bad"));
    assertThat(kept.lines.get(0)).contains("failed: java.lang.IllegalStateException: bad").contains("\tat ");
  }

  @Test
  void theLineShape() {
    assertThat(LogSetup.format(LocalDateTime.of(2026, 11, 22, 9, 5, 1), LogLevel.INFO, "server0", "", "sent"))
        .isEqualTo("[2026-11-22 09:05:01] [INFO] server0: sent");
    assertThat(LogSetup.format(LocalDateTime.of(2026, 1, 2, 3, 4, 5), LogLevel.ERROR, null, null, "plain"))
        .isEqualTo("[2026-01-02 03:04:05] [ERROR] plain");
  }

  @Test
  void theLogFileRotatesAtItsSizeAndKeepsThreeOldFiles(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("logs/agent.log");
    LogSetup.apply(LogLevel.INFO, Map.of(), List.of(LogSetup.file(file, 200, 3)));
    Logger log = LoggerFactory.getLogger("org.glpiagent.Rotating");
    for (int i = 0; i < 40; i++) {
      log.info("record number {}", i);
    }
    LogSetup.apply(LogLevel.WARN, Map.of(), List.of(LogSetup.stderr())); // closes the file
    assertThat(dir.resolve("logs")).isDirectoryContaining(p -> p.getFileName().toString().equals("agent.log.3"));
    assertThat(Files.exists(dir.resolve("logs/agent.log.4"))).isFalse();
    for (String name : List.of("agent.log", "agent.log.1", "agent.log.2", "agent.log.3")) {
      assertThat(Files.size(dir.resolve("logs").resolve(name))).isBetween(1L, 200L);
    }
    List<String> newest = Files.readAllLines(file);
    assertThat(newest.get(newest.size() - 1)).endsWith("record number 39");
    assertThat(Files.readAllLines(dir.resolve("logs/agent.log.1"))).last().asString().doesNotContain("record number 39");
  }

  @Test
  void aLogFileThatCannotBeCreatedIsAnErrorThatNamesIt(@TempDir Path dir) throws IOException {
    Path notADir = Files.writeString(dir.resolve("plain"), "x");
    assertThatThrownBy(() -> LogSetup.file(notADir.resolve("agent.log"), 1000, 3)).isInstanceOf(IOException.class).hasMessageContaining("plain");
    assertThatThrownBy(() -> LogSetup.file(dir.resolve("a.log"), 0, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void syslogDatagramsCarryTheFacilityAndSeverity() throws IOException {
    try (DatagramSocket daemon = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      daemon.setSoTimeout(5000);
      LogSink sink = LogSetup.syslog("LOG_LOCAL3", new InetSocketAddress(InetAddress.getLoopbackAddress(), daemon.getLocalPort()));
      LogSetup.apply(LogLevel.INFO, Map.of(), List.of(sink));
      LoggerFactory.getLogger("org.glpiagent.Sys").warn("disk {} full", "/var");
      DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
      daemon.receive(p);
      String got = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
      assertThat(got).startsWith("<" + (19 * 8 + 4) + ">").matches("(?s)<\\d+>[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\S+ glpi-agent\\[\\d+\\]: \\[WARN\\] disk /var full");
    }
  }

  @Test
  void anUnknownSyslogFacilityIsRefused() {
    assertThatThrownBy(() -> LogSetup.syslog("LOG_NOPE")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOG_NOPE");
  }
}
