package org.glpiagent.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glpiagent.testing.CounterTask;
import org.glpiagent.testing.FakeControl;
import org.glpiagent.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many callers at once on the agent's port: every request gets a whole, well-formed HTTP answer, the port
 * keeps its own thread count, and the heap does not grow with the number of requests. No speed is asserted
 * here: {@code bench/load.sh} measures that.
 */
class PortUnderLoadTest {
  private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");
  private static final List<String> PATHS = List.of("/status", "/api/jobs?expanded", "/api/clock", "/", "/now", "/nothing-here");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final FakeControl control = new FakeControl(clock);
  private HttpPort port;

  @AfterEach
  void stop() {
    if (port != null) {
      port.close();
    }
  }

  /** One request on its own connection, read to the end; the status code, or -1 when the answer is not HTTP. */
  private int request(String path) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port.port())) {
      s.setSoTimeout(30_000);
      OutputStream o = s.getOutputStream();
      o.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      o.flush();
      InputStream in = s.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      Matcher m = STATUS.matcher(answer);
      if (!m.find() || !answer.contains("\r\n\r\n")) {
        return -1;
      }
      Matcher len = Pattern.compile("(?i)\r\ncontent-length: (\\d+)\r\n").matcher(answer);
      if (len.find() && answer.length() - answer.indexOf("\r\n\r\n") - 4 != Integer.parseInt(len.group(1))) {
        return -1; // cut short
      }
      return Integer.parseInt(m.group(1));
    }
  }

  private static long usedHeapAfterGc() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }

  private static long portThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("httpd-")).count();
  }

  @Test
  void sixtyFourCallersAtOnceAllGetWellFormedAnswersWithBoundedThreadsAndHeap() throws Exception {
    Trust trust = Trust.of(List.of(), List.of(), h -> List.of(), clock, true);
    port = HttpPort.start(new HttpPort.Settings(Optional.of("127.0.0.1"), 0, trust, Optional.empty(), "1.2.3", "agent-host",
        List.of(URI.create("https://glpi.example.test/front")), clock,
        () -> new ClockSync(true, Optional.of("ntp"), Optional.of("pool.example.test")), Optional.empty()), control,
        List.of(new CounterTask()));
    for (String p : PATHS) {
      request(p); // warm up
    }
    long heapBefore = usedHeapAfterGc();

    int callers = 64;
    int each = 40;
    Map<Integer, AtomicInteger> codes = new ConcurrentHashMap<>();
    AtomicLong failures = new AtomicLong();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    for (int c = 0; c < callers; c++) {
      int caller = c;
      pool.submit(() -> {
        go.await();
        for (int i = 0; i < each; i++) {
          try {
            int code = request(PATHS.get((caller + i) % PATHS.size()));
            codes.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
          } catch (IOException e) {
            failures.incrementAndGet();
          }
        }
        return null;
      });
    }
    go.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(150, TimeUnit.SECONDS)).isTrue();

    assertThat(failures.get()).as("connections refused or reset, codes %s", codes).isZero();
    assertThat(codes.keySet()).as("every answer well formed: %s", codes).doesNotContain(-1).isSubsetOf(200, 400, 404, 429);
    assertThat(codes.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(callers * each);
    assertThat(codes.get(200).get()).isGreaterThan(callers * each / 2);
    assertThat(portThreads()).as("the port's fixed pool, however many callers").isLessThanOrEqualTo(HttpPort.THREADS);
    // 2,560 requests leave nothing behind but the 64 callers' garbage: a generous bound, not a measurement
    assertThat(usedHeapAfterGc() - heapBefore).as("heap growth").isLessThan(32L << 20);
  }
}
