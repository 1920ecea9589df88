package org.glpiagent.logging;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Records sent as BSD syslog datagrams (RFC 3164: {@code <PRI>Mmm dd hh:mm:ss host glpi-agent[pid]: ...})
 * to a syslog daemon's UDP port, by default localhost:514. A datagram that cannot be sent is dropped.
 */
final class SyslogSink implements LogSink {
  /** The facility names {@code logfacility} takes, in the order of their codes 0 to 23 (gaps are unused). */
  static final List<String> FACILITIES =
      List.of("KERN", "USER", "MAIL", "DAEMON", "AUTH", "SYSLOG", "LPR", "NEWS", "UUCP", "CRON", "AUTHPRIV", "FTP",
          "", "", "", "", "LOCAL0", "LOCAL1", "LOCAL2", "LOCAL3", "LOCAL4", "LOCAL5", "LOCAL6", "LOCAL7");

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);
  private final int facility;
  private final InetSocketAddress to;
  private final String host;
  private final String tag;
  private final DatagramSocket socket;

  SyslogSink(String facilityName, InetSocketAddress to, String host, long pid) throws IOException {
    String f = facilityName.toUpperCase(Locale.ROOT).replaceFirst("^LOG_", "");
    int code = f.isEmpty() ? -1 : FACILITIES.indexOf(f);
    if (code < 0) {
      throw new IllegalArgumentException("unknown syslog facility " + facilityName);
    }
    this.facility = code;
    this.to = to;
    this.host = host;
    this.tag = "glpi-agent[" + pid + "]";
    this.socket = new DatagramSocket();
  }

  @Override
  public void write(LogLevel level, String line) {
    // the sink adds its own time stamp, so the record's "[date] " prefix is dropped
    String message = line.startsWith("[") && line.length() > 22 ? line.substring(22) : line;
    String datagram = "<" + (facility * 8 + level.syslogSeverity()) + ">" + STAMP.format(LocalDateTime.now()) + " " + host + " " + tag + ": " + message;
    byte[] bytes = datagram.getBytes(StandardCharsets.UTF_8);
    try {
      socket.send(new DatagramPacket(bytes, Math.min(bytes.length, 8192), to));
    } catch (IOException e) {
      // syslog is best effort: a daemon that is not listening loses the record, as with logger(1)
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
