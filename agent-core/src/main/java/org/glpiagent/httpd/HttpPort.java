package org.glpiagent.httpd;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.glpiagent.agent.AgentControl;
import org.glpiagent.agent.RunLog;
import org.glpiagent.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's port (62354 by default): {@code /} the status page, {@code /status}, {@code /now} and the REST API
 * under {@code /api/}; anything else is a 400, as glpi-agent answers.
 *
 * <p>Requests are served by {@link #THREADS} threads of its own; bodies larger than {@link #MAX_BODY} are
 * refused unread. {@code /now} is limited to {@link #NOW_PER_MINUTE} calls a minute per caller.
 */
public final class HttpPort implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpPort.class);
  static final int THREADS = 8;
  static final int MAX_BODY = 64 * 1024;
  static final int NOW_PER_MINUTE = 6;
  static final int PROXY_PER_HOUR = 120;

  /**
   * How the port is set up.
   *
   * @param ip the address to listen on; empty for all
   * @param apiToken the token the REST API's writes need ({@code api-token}); without one it takes no writes
   * @param servers the agent's server targets: their hosts are trusted, and are the origins {@code /now} accepts
   */
  public record Settings(Optional<String> ip, int port, Trust trust, Optional<String> apiToken, String version,
      String hostname, List<URI> servers, Clock clock, java.util.function.Supplier<ClockSync> clockSync,
      Optional<Proxy.Settings> proxy) {}

  private final HttpServer server;
  private final ExecutorService threads;
  private final Settings settings;
  private final AgentControl control;
  private final RestApi api;
  private final RateLimit nowLimit;
  private final RateLimit proxyLimit;
  private final Proxy proxy;

  private HttpPort(HttpServer server, ExecutorService threads, Settings settings, AgentControl control, List<Task<?>> tasks,
      Proxy proxy) {
    this.proxy = proxy;
    this.proxyLimit = new RateLimit(PROXY_PER_HOUR, Duration.ofHours(1), settings.clock());
    this.server = server;
    this.threads = threads;
    this.settings = settings;
    this.control = control;
    this.api = new RestApi(settings, control, tasks);
    this.nowLimit = new RateLimit(NOW_PER_MINUTE, Duration.ofMinutes(1), settings.clock());
  }

  /** Opens the port and serves it until {@link #close}. */
  public static HttpPort start(Settings settings, AgentControl control, List<Task<?>> tasks) throws IOException {
    // a caller that sends its request slowly is dropped after 30 s instead of holding a thread for ever
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", "30");
    }
    InetSocketAddress at = settings.ip().isPresent()
        ? new InetSocketAddress(InetAddress.getByName(settings.ip().get()), settings.port())
        : new InetSocketAddress(settings.port());
    HttpServer server;
    try {
      server = HttpServer.create(at, 64);
    } catch (IOException e) {
      throw new IOException("cannot listen on " + at + ": " + e.getMessage(), e);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "httpd-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Proxy proxy = settings.proxy().isPresent() ? new Proxy(settings.proxy().get()) : null;
    HttpPort port = new HttpPort(server, threads, settings, control, tasks, proxy);
    server.createContext("/", port::handle);
    server.setExecutor(threads);
    server.start();
    log.info("listening on {} for the status page, /status, /now and /api/", server.getAddress());
    return port;
  }

  /** The port listened on (useful when 0 was asked for). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      try {
        dispatch(x);
      } catch (IOException e) {
        // a body shorter than its Content-Length (the caller stopped sending) threw out of the handler and the
        // caller got no answer at all (found fuzzing): it gets a 400 while it still listens
        if (x.getResponseCode() != -1) {
          throw e;
        }
        log.debug("httpd: {} {}: {}", x.getRequestMethod(), x.getRequestURI().getRawPath(), e.toString());
        byte[] why = "Bad request: incomplete body".getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        x.sendResponseHeaders(400, why.length);
        try (OutputStream out = x.getResponseBody()) {
          out.write(why); // closed here: closing the exchange drains the request first, fails, and would drop it
        }
      }
    } catch (RuntimeException e) {
      log.warn("httpd: {} {} failed: {}", x.getRequestMethod(), x.getRequestURI().getRawPath(), e.toString());
    }
  }

  private void dispatch(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getRawPath();
    Request r = new Request(x, settings.trust().trusts(x.getRemoteAddress().getAddress()));
    if (declaredLength(x) > (path.startsWith("/proxy/") ? Proxy.MAX_BODY : MAX_BODY)) {
      r.text(413, "request body over " + MAX_BODY + " bytes");
      return;
    }
    if (path.equals("/status")) {
      r.text(200, "status: " + control.status());
    } else if (path.equals("/now") || path.startsWith("/now/")) {
      now(r);
    } else if (path.equals("/")) {
      r.send(200, "text/html; charset=utf-8", StatusPage.render(settings, control, r.trusted())
          .getBytes(StandardCharsets.UTF_8));
    } else if (proxy != null && path.equals(Proxy.PATH)) {
      if (!throttled(r, proxyLimit)) {
        proxy.handle(r);
      }
    } else if (proxy != null && path.equals("/proxy/apiversion")) {
      r.text(200, "1");
    } else if (path.equals("/api") || path.startsWith("/api/")) {
      api.handle(r, path.substring(4));
    } else {
      r.text(400, "Bad request");
    }
  }

  private static long declaredLength(HttpExchange x) {
    String l = x.getRequestHeaders().getFirst("Content-Length");
    try {
      return l == null ? 0 : Long.parseLong(l.strip());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private void now(Request r) throws IOException {
    String origin = r.exchange().getRequestHeaders().getFirst("Origin");
    if (origin != null && !allowedOrigin(origin)) {
      r.text(403, "Access denied");
      return;
    }
    if (r.method().equals("OPTIONS")) {
      if (origin != null) {
        r.exchange().getResponseHeaders().set("Access-Control-Allow-Origin", origin);
      }
      r.exchange().getResponseHeaders().set("Access-Control-Allow-Methods", "GET");
      r.exchange().sendResponseHeaders(204, -1);
      return;
    }
    if (!r.method().equals("GET")) {
      r.text(405, "only GET and OPTIONS");
      return;
    }
    if (!r.trusted()) {
      log.warn("httpd: /now refused to untrusted {}", r.caller().getHostAddress());
      r.text(403, "Access denied");
      return;
    }
    if (throttled(r, nowLimit)) {
      return;
    }
    if (origin != null) {
      r.exchange().getResponseHeaders().set("Access-Control-Allow-Origin", origin);
    }
    Map<String, String> q = r.query();
    Optional<String> target = Optional.ofNullable(q.get("target"));
    if (q.containsKey("partial")) {
      log.info("httpd: partial inventory of {} asked for: a full run is made", q.getOrDefault("category", "?"));
    }
    try {
      List<RunLog.Run> runs = control.requestRun(target, RunLog.Trigger.NOW);
      log.info("httpd: run now asked by {}: {}", r.caller().getHostAddress(),
          runs.stream().map(RunLog.Run::target).toList());
      r.text(200, "Done.");
    } catch (java.util.NoSuchElementException e) {
      r.text(404, "No such target");
    }
  }

  /** Counts the caller's request; when it is over the limit, answers 429 with Retry-After and says so. */
  private static boolean throttled(Request r, RateLimit limit) throws IOException {
    Optional<Duration> wait = limit.acquire(r.caller().getHostAddress());
    if (wait.isEmpty()) {
      return false;
    }
    r.exchange().getResponseHeaders().set("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
    r.text(429, "Too many requests");
    return true;
  }

  private boolean allowedOrigin(String origin) {
    try {
      String host = URI.create(origin).getHost();
      return host != null && settings.servers().stream().anyMatch(s -> host.equalsIgnoreCase(s.getHost()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (proxy != null) {
      proxy.close();
    }
    server.stop(0);
    threads.shutdownNow();
  }

  /** One request, with what the handlers need of it. */
  record Request(HttpExchange exchange, boolean trusted) {
    String method() {
      return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    InetAddress caller() {
      return exchange.getRemoteAddress().getAddress();
    }

    Map<String, String> query() {
      Map<String, String> q = new LinkedHashMap<>();
      String raw = exchange.getRequestURI().getRawQuery();
      if (raw == null || raw.isEmpty()) {
        return q;
      }
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : pair.substring(eq + 1);
        try {
          q.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          q.putIfAbsent(k, v); // a stray %: kept as sent
        }
      }
      return q;
    }

    /** The body, at most {@link #MAX_BODY} bytes; empty when it is longer. */
    Optional<byte[]> body() throws IOException {
      InputStream in = exchange.getRequestBody();
      byte[] b = in.readNBytes(MAX_BODY + 1);
      return b.length > MAX_BODY ? Optional.empty() : Optional.of(b);
    }

    void text(int status, String text) throws IOException {
      send(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    void send(int status, String type, byte[] body) throws IOException {
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
