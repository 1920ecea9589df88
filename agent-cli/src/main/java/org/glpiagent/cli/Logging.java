package org.glpiagent.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.net.SyslogAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.glpiagent.config.AgentConfig;
import org.slf4j.LoggerFactory;

/**
 * Sets up the log backends from the configuration: {@code logger} (stderr, file, syslog), {@code logfile}
 * with rotation at {@code logfile-maxsize} MB (three old files kept, where glpi-agent truncates), and the
 * level from {@code debug}: info, debug, or trace for protocol payloads.
 */
final class Logging {
  /** {@code [date] [level] target/task: message}, the context only when set. */
  static final String PATTERN =
      "[%d{yyyy-MM-dd HH:mm:ss}] [%level] %replace(%X{target}/%X{task}: ){'^/: $|/(?=: $)', ''}%msg%n";

  private Logging() {}

  static void configure(AgentConfig config) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.reset();
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    long debug = config.integer("debug").orElse(0L);
    root.setLevel(Level.INFO);
    ctx.getLogger("org.glpiagent").setLevel(debug >= 2 ? Level.TRACE : debug == 1 ? Level.DEBUG : Level.INFO);
    Level libs = debug >= 2 ? Level.DEBUG : Level.WARN;
    for (String lib : new String[] {"okhttp3", "oshi", "com.networknt", "org.snmp4j"}) {
      ctx.getLogger(lib).setLevel(libs);
    }
    Set<String> backends = new LinkedHashSet<>();
    config.list("logger").forEach(b -> backends.add(b.toLowerCase(Locale.ROOT)));
    if (config.string("logfile").isPresent()) {
      backends.add("file");
    }
    if (backends.isEmpty()) {
      backends.add("stderr");
    }
    for (String b : backends) {
      switch (b) {
        case "file" -> config.string("logfile").ifPresent(f -> root.addAppender(file(ctx, f, config)));
        case "syslog" -> root.addAppender(syslog(ctx, config.string("logfacility").orElse("LOG_USER")));
        default -> root.addAppender(stderr(ctx));
      }
    }
  }

  private static PatternLayoutEncoder encoder(LoggerContext ctx, String pattern) {
    PatternLayoutEncoder e = new PatternLayoutEncoder();
    e.setContext(ctx);
    e.setPattern(pattern);
    e.start();
    return e;
  }

  private static Appender<ILoggingEvent> stderr(LoggerContext ctx) {
    ConsoleAppender<ILoggingEvent> a = new ConsoleAppender<>();
    a.setContext(ctx);
    a.setName("stderr");
    a.setTarget("System.err");
    a.setEncoder(encoder(ctx, PATTERN));
    a.start();
    return a;
  }

  private static Appender<ILoggingEvent> file(LoggerContext ctx, String file, AgentConfig config) {
    RollingFileAppender<ILoggingEvent> a = new RollingFileAppender<>();
    a.setContext(ctx);
    a.setName("file");
    a.setFile(file);
    FixedWindowRollingPolicy roll = new FixedWindowRollingPolicy();
    roll.setContext(ctx);
    roll.setParent(a);
    roll.setFileNamePattern(file + ".%i");
    roll.setMinIndex(1);
    roll.setMaxIndex(3);
    roll.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(ctx);
    trigger.setMaxFileSize(FileSize.valueOf(config.integer("logfile-maxsize").orElse(100L) + "MB"));
    trigger.start();
    a.setRollingPolicy(roll);
    a.setTriggeringPolicy(trigger);
    a.setEncoder(encoder(ctx, PATTERN));
    a.start();
    return a;
  }

  private static Appender<ILoggingEvent> syslog(LoggerContext ctx, String facility) {
    SyslogAppender a = new SyslogAppender();
    a.setContext(ctx);
    a.setName("syslog");
    a.setSyslogHost("localhost");
    a.setFacility(facility.replaceFirst("^LOG_", "").toUpperCase(Locale.ROOT));
    a.setSuffixPattern("glpi-agent[" + ProcessHandle.current().pid() + "]: [%level] %msg");
    a.start();
    return a;
  }
}
