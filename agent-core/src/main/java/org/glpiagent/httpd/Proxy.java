package org.glpiagent.httpd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.glpiagent.client.Reply;
import org.glpiagent.client.ServerClient;
import org.glpiagent.protocol.Json;
import org.glpiagent.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proxy mode ({@code /proxy/glpi}): other agents' messages are forwarded to this agent's server, as glpi-agent's
 * proxy plugin and the protocol's {@code GLPI-Proxy-ID} rules say.
 *
 * <ul>
 *   <li>a chain that holds this agent's id already is answered 404 {@code proxy-loop-detected}, one that holds
 *       {@code maxPassThrough} ids 404 {@code too-many-proxy}; otherwise this agent's id is appended;</li>
 *   <li>each message is written to {@code store} (0600) before it is forwarded and removed once the server
 *       has answered it: a message an agent sent is never lost, even across a restart of this agent;</li>
 *   <li>an answer within {@code answerWithin} is relayed as it is; otherwise the agent is told
 *       {@code pending} with the message's {@code GLPI-Request-ID}, the message is forwarded again until the
 *       server takes it, and the agent fetches the answer with a GET carrying that id (answers are kept an hour);</li>
 *   <li>bodies are forwarded byte for byte, so compressed, encrypted and REGISTER messages pass through.</li>
 * </ul>
 */
public final class Proxy {
  private static final Logger log = LoggerFactory.getLogger(Proxy.class);
  static final String PATH = "/proxy/glpi";
  static final int MAX_BODY = 32 * 1024 * 1024;
  static final int MAX_WAITING = 10;
  static final int FORWARDERS = 8;
  static final Duration KEEP_ANSWERS = Duration.ofHours(1);
  private static final Pattern REQUEST_ID = Pattern.compile("[0-9A-F]{8}");
  /** The waits between tries, in multiples of the settings' {@code firstRetry} (10 s: 10 s, 30 s, 1, 5, 10 min). */
  private static final List<Integer> RETRIES = List.of(1, 3, 6, 30, 60);

  /**
   * How the proxy works.
   *
   * @param server where messages go (the agent's first server target)
   * @param agentId this agent's id, appended to {@code GLPI-Proxy-ID}
   * @param store where messages wait until the server has taken them
   * @param answerWithin how long an agent waits for the server's answer before it is told {@code pending}
   * @param firstRetry the wait before the second try of a message the server did not take
   */
  public record Settings(ServerClient client, URI server, String agentId, int maxPassThrough, Path store,
      Duration answerWithin, Duration firstRetry, Clock clock, RandomGenerator random) {}

  /** A message kept until the server takes it. */
  record Held(String id, String contentType, Map<String, String> headers, byte[] body) {}

  private record Answer(Reply reply, Instant at) {}

  private final Settings settings;
  private final Map<String, CompletableFuture<Reply>> inFlight = new ConcurrentHashMap<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Semaphore waiting = new Semaphore(MAX_WAITING);
  private final ScheduledExecutorService forwarders;
  private final StateStore store;

  Proxy(Settings settings) throws IOException {
    this.settings = settings;
    this.store = new StateStore(settings.store(), settings.clock());
    store.ensureDir();
    this.forwarders = Executors.newScheduledThreadPool(FORWARDERS, r -> {
      Thread t = new Thread(r, "proxy-forward");
      t.setDaemon(true);
      return t;
    });
    resendHeld();
  }

  /** Sends again what was held when this agent stopped. */
  private void resendHeld() throws IOException {
    List<Held> held = new ArrayList<>();
    try (DirectoryStream<Path> d = Files.newDirectoryStream(settings.store(), "*.json")) {
      for (Path meta : d) {
        try {
          held.add(read(meta));
        } catch (IOException | RuntimeException e) {
          log.warn("proxy: {} cannot be read, set aside: {}", meta.getFileName(), e.getMessage());
          Files.move(meta, meta.resolveSibling(meta.getFileName() + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    for (Held h : held) {
      log.info("proxy: message {} kept from before the restart is sent again", h.id());
      start(h);
    }
  }

  void handle(HttpPort.Request r) throws IOException {
    String method = r.method();
    if (method.equals("GET")) {
      poll(r);
    } else if (method.equals("POST")) {
      post(r);
    } else {
      r.exchange().getResponseHeaders().set("Allow", "GET, POST");
      r.text(405, "only GET and POST");
    }
  }

  private void post(HttpPort.Request r) throws IOException {
    var h = r.exchange().getRequestHeaders();
    List<String> chain = new ArrayList<>();
    String proxies = h.getFirst("GLPI-Proxy-ID");
    if (proxies != null) {
      Arrays.stream(proxies.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(chain::add);
    }
    if (chain.stream().anyMatch(id -> id.equalsIgnoreCase(settings.agentId()))) {
      json(r, 404, error("proxy-loop-detected"), null);
      return;
    }
    if (chain.size() >= settings.maxPassThrough()) {
      json(r, 404, error("too-many-proxy"), null);
      return;
    }
    Optional<byte[]> body = readBody(r);
    if (body.isEmpty()) {
      r.text(413, "message over " + MAX_BODY + " bytes");
      return;
    }
    String id = Optional.ofNullable(h.getFirst("GLPI-Request-ID")).filter(v -> REQUEST_ID.matcher(v).matches())
        .filter(v -> !inFlight.containsKey(v) && !answers.containsKey(v))
        .orElseGet(() -> HexFormat.of().withUpperCase().toHexDigits(settings.random().nextInt()));
    chain.add(settings.agentId());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("GLPI-Proxy-ID", String.join(",", chain));
    headers.put("GLPI-Request-ID", id);
    for (String name : List.of("GLPI-Agent-ID", "GLPI-CryptoKey-ID", "User-Agent")) {
      Optional.ofNullable(h.getFirst(name)).ifPresent(v -> headers.put(name, v));
    }
    String type = Optional.ofNullable(h.getFirst("Content-Type")).orElse("application/octet-stream");
    Held held = new Held(id, type, headers, body.get());
    write(held);
    log.info("proxy: message {} from {} ({} bytes) forwarded to {}", id, r.caller().getHostAddress(), held.body().length,
        settings.server());
    CompletableFuture<Reply> f = start(held);
    if (!waiting.tryAcquire()) {
      pending(r, id); // many agents waiting already: this one is told to come back
      return;
    }
    try {
      relay(r, id, f.get(settings.answerWithin().toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      pending(r, id);
    } catch (ExecutionException e) {
      pending(r, id);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pending(r, id);
    } finally {
      waiting.release();
    }
  }

  private void poll(HttpPort.Request r) throws IOException {
    String id = r.exchange().getRequestHeaders().getFirst("GLPI-Request-ID");
    if (id == null || !REQUEST_ID.matcher(id).matches()) {
      json(r, 400, error("a GET needs the GLPI-Request-ID of a message sent before"), null);
      return;
    }
    forgetOld();
    Answer a = answers.get(id);
    if (a != null) {
      relay(r, id, a.reply());
    } else if (inFlight.containsKey(id)) {
      pending(r, id);
    } else {
      json(r, 404, error("no message " + id + " here"), id);
    }
  }

  /** Forwards a held message, again and again while the server does not take it, and keeps its answer. */
  private CompletableFuture<Reply> start(Held held) {
    CompletableFuture<Reply> f = new CompletableFuture<>();
    inFlight.put(held.id(), f);
    forwarders.execute(() -> attempt(held, f, 0));
    return f;
  }

  private void attempt(Held held, CompletableFuture<Reply> f, int tries) {
    try {
      Reply reply = settings.client().forward(settings.server(), held.body(), held.contentType(), held.headers());
      if (reply.code() == 429 || reply.code() >= 500) {
        retry(held, f, tries, "the server answered " + reply.code());
        return;
      }
      answers.put(held.id(), new Answer(reply, settings.clock().instant()));
      inFlight.remove(held.id());
      delete(held.id());
      f.complete(reply);
    } catch (IOException e) {
      retry(held, f, tries, e.getMessage());
    } catch (RuntimeException e) {
      log.error("proxy: message {}: {}", held.id(), e.toString());
      retry(held, f, tries, e.toString());
    }
  }

  private void retry(Held held, CompletableFuture<Reply> f, int tries, String why) {
    Duration wait = settings.firstRetry().multipliedBy(RETRIES.get(Math.min(tries, RETRIES.size() - 1)));
    log.warn("proxy: message {} not delivered ({}); next try in {} ms", held.id(), why, wait.toMillis());
    if (tries == 0) {
      f.completeExceptionally(new IOException(why)); // the agent waiting is told "pending"; the forwarding goes on
      CompletableFuture<Reply> next = new CompletableFuture<>();
      inFlight.put(held.id(), next);
      f = next;
    }
    CompletableFuture<Reply> later = f;
    forwarders.schedule(() -> attempt(held, later, tries + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void forgetOld() {
    Instant limit = settings.clock().instant().minus(KEEP_ANSWERS);
    answers.values().removeIf(a -> a.at().isBefore(limit));
  }

  private void relay(HttpPort.Request r, String id, Reply reply) throws IOException {
    r.exchange().getResponseHeaders().set("GLPI-Request-ID", id);
    String type = reply.contentType().isEmpty() ? "application/json" : reply.contentType();
    Optional<String> key = reply.header("GLPI-CryptoKey-ID");
    if (key.isPresent()) {
      // sealed by the server for the agent behind: relayed untouched (still compressed inside), with its key id
      r.exchange().getResponseHeaders().set("GLPI-CryptoKey-ID", key.get());
      r.send(reply.code(), type, reply.body());
      return;
    }
    // the client decoded the body: it goes back plain, under the plain type
    if (type.contains("compress") || type.contains("zlib") || type.contains("gzip")) {
      type = reply.looksLikeXml() ? "application/xml" : "application/json";
    }
    r.send(reply.code(), type, reply.body());
  }

  private void pending(HttpPort.Request r, String id) throws IOException {
    long wait = Math.max(1, settings.answerWithin().toSeconds());
    ObjectNode o = Json.MAPPER.createObjectNode().put("status", "pending").put("expiration", wait + "s");
    json(r, 202, o, id);
  }

  private static ObjectNode error(String message) {
    return Json.MAPPER.createObjectNode().put("status", "error").put("message", message);
  }

  private static void json(HttpPort.Request r, int status, ObjectNode body, String id) throws IOException {
    if (id != null) {
      r.exchange().getResponseHeaders().set("GLPI-Request-ID", id);
    }
    r.send(status, "application/json", Json.MAPPER.writeValueAsBytes(body));
  }

  private static Optional<byte[]> readBody(HttpPort.Request r) throws IOException {
    byte[] b = r.exchange().getRequestBody().readNBytes(MAX_BODY + 1);
    return b.length > MAX_BODY ? Optional.empty() : Optional.of(b);
  }

  private void write(Held h) throws IOException {
    store.writeBytes(h.id() + ".body", h.body());
    ObjectNode m = Json.MAPPER.createObjectNode().put("id", h.id()).put("content-type", h.contentType());
    ObjectNode hs = m.putObject("headers");
    h.headers().forEach(hs::put);
    store.writeBytes(h.id() + ".json", Json.MAPPER.writeValueAsBytes(m)); // last: a message is held once both are there
  }

  private Held read(Path meta) throws IOException {
    var m = Json.MAPPER.readTree(meta.toFile());
    String id = m.path("id").asText();
    if (!REQUEST_ID.matcher(id).matches()) {
      throw new IOException("no request id");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    m.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    byte[] body = Files.readAllBytes(settings.store().resolve(id + ".body"));
    return new Held(id, m.path("content-type").asText("application/octet-stream"), headers, body);
  }

  private void delete(String id) {
    try {
      Files.deleteIfExists(settings.store().resolve(id + ".json"));
      Files.deleteIfExists(settings.store().resolve(id + ".body"));
    } catch (IOException e) {
      log.warn("proxy: cannot remove message {}: {}", id, e.getMessage());
    }
  }

  void close() {
    forwarders.shutdownNow();
  }


}
