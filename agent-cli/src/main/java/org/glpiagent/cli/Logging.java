package org.glpiagent.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.logging.LogLevel;
import org.glpiagent.logging.LogSetup;
import org.glpiagent.logging.LogSink;

/**
 * Sets up the log backends from the configuration: {@code logger} (stderr, file, syslog), {@code logfile}
 * with rotation at {@code logfile-maxsize} MB (three old files kept, where glpi-agent truncates), and the
 * level from {@code debug}: info, debug, or trace for protocol payloads. A log file that cannot be opened
 * is reported on stderr and the records go to stderr instead.
 */
final class Logging {
  /** Libraries whose records only matter at {@code debug = 2}. */
  private static final List<String> LIBRARIES = List.of("okhttp3", "oshi", "com.networknt", "org.snmp4j");

  private Logging() {}

  static void configure(AgentConfig config) {
    long debug = config.integer("debug").orElse(0L);
    Map<String, LogLevel> levels = new LinkedHashMap<>();
    levels.put("org.glpiagent", debug >= 2 ? LogLevel.TRACE : debug == 1 ? LogLevel.DEBUG : LogLevel.INFO);
    LogLevel libs = debug >= 2 ? LogLevel.DEBUG : LogLevel.WARN;
    LIBRARIES.forEach(l -> levels.put(l, libs));

    Set<String> backends = new LinkedHashSet<>();
    config.list("logger").forEach(b -> backends.add(b.toLowerCase(Locale.ROOT)));
    if (config.string("logfile").isPresent()) {
      backends.add("file");
    }
    if (backends.isEmpty()) {
      backends.add("stderr");
    }
    List<LogSink> sinks = new ArrayList<>();
    for (String b : backends) {
      switch (b) {
        case "file" -> config.string("logfile").ifPresent(f -> {
          long max = Math.max(1, config.integer("logfile-maxsize").orElse(100L)) * 1024 * 1024;
          try {
            sinks.add(LogSetup.file(Path.of(f), max, 3));
          } catch (IOException | RuntimeException e) {
            System.err.println("glpi-agent: cannot open the log file " + f + " (" + e.getMessage() + "): logging to stderr");
            sinks.add(LogSetup.stderr());
          }
        });
        case "syslog" -> {
          try {
            sinks.add(LogSetup.syslog(config.string("logfacility").orElse("LOG_USER")));
          } catch (IOException | RuntimeException e) {
            System.err.println("glpi-agent: cannot log to syslog (" + e.getMessage() + "): logging to stderr");
            sinks.add(LogSetup.stderr());
          }
        }
        default -> sinks.add(LogSetup.stderr());
      }
    }
    LogSetup.apply(LogLevel.INFO, levels, sinks.stream().distinct().toList());
  }
}
