package org.glpiagent.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.glpiagent.client.Message;
import org.glpiagent.client.Reply;
import org.glpiagent.client.RequestOptions;
import org.glpiagent.client.ServerClient;
import org.glpiagent.testing.CounterTask;
import org.glpiagent.testing.FakeControl;
import org.glpiagent.testing.MutableClock;

/**
 * The agent's port from any request bytes, sent raw over a loopback socket to one port started for the class
 * (status page, {@code /now}, REST API with a token, proxy in front of a server that answers at once): whatever it
 * holds, the port answers within 5 seconds, and a request whose head is well-formed HTTP/1.1 gets a status line
 * below 500 (the JDK's server drops a malformed head before our handler sees it).
 * Seeds: requests GLPI, glpi-agent's proxy clients and browsers send.
 */
class HttpPortFuzzTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private static final HttpPort PORT = start();

  private static HttpPort start() {
    try {
      Trust trust = Trust.of(List.of(), List.of(), h -> List.of(), CLOCK, true);
      Path store = Files.createTempDirectory("httpd-fuzz-proxy");
      Proxy.Settings proxy = new Proxy.Settings(new AnsweringServer(), URI.create("https://glpi.example.test/"), "proxy-agent",
          5, store, Duration.ofSeconds(2), Duration.ofSeconds(10), CLOCK, new SplittableRandom(1));
      HttpPort port = HttpPort.start(new HttpPort.Settings(Optional.of("127.0.0.1"), 0, trust, Optional.of("s3cret-token-123"),
          "1.2.3", "agent-host", List.of(URI.create("https://glpi.example.test/front")), CLOCK,
          () -> new ClockSync(true, Optional.of("ntp"), Optional.of("pool.example.test")), Optional.of(proxy)),
          new FakeControl(CLOCK), List.of(new CounterTask()));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        port.close();
        try (Stream<Path> files = Files.walk(store)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
          // a temporary folder left behind
        }
      }));
      return port;
    } catch (IOException | org.glpiagent.config.ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest
  void request(byte[] request) throws IOException {
    // Jazzer's SSRF detector counts every connection as a finding (its setting holds per thread): this one, to the
    // port under test, is the point
    BugDetectors.allowNetworkConnections((host, port) -> port == PORT.port() && (host.equals("127.0.0.1") || host.equals("localhost")));
    CLOCK.advance(Duration.ofHours(2)); // past every rate limit: each input meets a fresh port
    String head = new String(request, StandardCharsets.ISO_8859_1);
    if (head.isBlank()) {
      return; // nothing to answer: the port may just close
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", PORT.port()), 2000);
      s.setSoTimeout(5000);
      s.getOutputStream().write(request);
      s.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      s.shutdownOutput();
      String answer = firstLine(s.getInputStream());
      if (!answer.isEmpty() || wellFormed(head)) {
        assertThat(answer).as("answer to %s", head).matches("HTTP/1\\.1 [1-4]\\d\\d( .*)?");
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within 5 s to " + head, e);
    }
  }

  /**
   * Whether the request line and headers are HTTP/1.1's grammar (RFC 9112), so that the JDK's server hands the
   * request to the port's handler: it closes the connection without a word on a malformed head (a bare CR, a
   * version "HTT"), before any code of ours runs.
   */
  static boolean wellFormed(String request) {
    int end = request.indexOf("\r\n\r\n");
    String head = end < 0 ? request.replaceFirst("(\r\n)+$", "") : request.substring(0, end);
    String[] lines = head.split("\r\n", -1);
    if (!lines[0].matches("[A-Za-z]+ [\\x21-\\x7e]+ HTTP/1\\.[01]")) {
      return false;
    }
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+:[\\t\\x20-\\x7e\\x80-\\xff]*")) {
        return false;
      }
    }
    return true;
  }

  /** The answer's first line; empty when the port closed (or reset) the connection without one. */
  private static String firstLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      int c;
      while ((c = in.read()) >= 0 && c != '\n' && line.size() < 1000) {
        line.write(c);
      }
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (java.net.SocketException reset) {
      // closed with our request unread: the same as closed
    }
    return line.toString(StandardCharsets.ISO_8859_1).strip();
  }

  /** A server that takes every message at once. */
  private static final class AnsweringServer implements ServerClient {
    private static final Reply OK = new Reply(200, "application/json",
        "{\"status\":\"ok\",\"expiration\":24}".getBytes(StandardCharsets.UTF_8), Map.of());

    @Override
    public Reply post(URI url, Message message) {
      return OK;
    }

    @Override
    public Reply get(URI url, RequestOptions options) {
      return OK;
    }

    @Override
    public Reply forward(URI url, byte[] body, String contentType, Map<String, String> headers) {
      return OK;
    }

    @Override
    public void close() {}
  }
}
