package org.glpiagent.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.glpiagent.client.internal.Bodies;
import org.glpiagent.client.internal.OAuthTokens;
import org.glpiagent.client.internal.Tls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ServerClient} on OkHttp: one connection pool for the agent's life, the COMMON headers on every
 * request, compressed bodies, answers decoded whatever their type, Basic and OAuth2 authentication.
 */
public final class HttpServerClient implements ServerClient {
  private static final Logger log = LoggerFactory.getLogger(HttpServerClient.class);
  private static final Logger payloads = LoggerFactory.getLogger("org.glpiagent.client.payload");
  private static final String ACCEPT =
      "application/json, application/xml, application/x-compress-zlib, application/x-compress-gzip, "
          + "application/x-compress-deflate, application/x-compress-br";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ClientSettings settings;
  private final OkHttpClient http;
  private final OkHttpClient httpNoRedirect;
  private final OAuthTokens tokens;
  private final Compression compression;
  /** Hosts that asked for Basic credentials once: sent pre-emptively after that. */
  private final Map<String, Boolean> basicHosts = new ConcurrentHashMap<>();

  public HttpServerClient(ClientSettings settings) throws IOException {
    this(settings, Clock.systemUTC());
  }

  public HttpServerClient(ClientSettings settings, Clock clock) throws IOException {
    this.settings = settings;
    Compression c = settings.compression();
    if (c == Compression.BROTLI && !Bodies.brotliAvailable()) {
      log.warn("brotli is not available on this system: compressing with zlib");
      c = Compression.ZLIB;
    }
    this.compression = c;
    Tls tls =
        Tls.of(settings.noSslCheck(), settings.caCertFile(), settings.caCertDir(), settings.sslFingerprints(), settings.sslCertFile());
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .callTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .connectTimeout(Math.min(settings.timeout().toMillis(), 30_000), TimeUnit.MILLISECONDS)
            .readTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .writeTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .followRedirects(true)
            .retryOnConnectionFailure(false)
            .sslSocketFactory(tls.context().getSocketFactory(), tls.trustManager());
    if (!tls.verifyHostname()) {
      b.hostnameVerifier((host, session) -> true);
    }
    settings.proxy().ifPresent(p -> configureProxy(b, p));
    this.http = b.build();
    // a redirected POST must not become a GET that drops the inventory (OkHttp does that on 301/302/303):
    // POSTs do not follow redirects, the 3xx reaches the dialogue, which reports it
    this.httpNoRedirect = http.newBuilder().followRedirects(false).build();
    this.tokens = new OAuthTokens(http, settings, clock);
  }

  private static void configureProxy(OkHttpClient.Builder b, URI p) {
    int port = p.getPort() > 0 ? p.getPort() : 3128;
    b.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port)));
    if (p.getUserInfo() != null) {
      String[] up = p.getUserInfo().split(":", 2);
      String cred = Credentials.basic(up[0], up.length > 1 ? up[1] : "", StandardCharsets.UTF_8);
      b.proxyAuthenticator((route, response) -> response.request().newBuilder().header("Proxy-Authorization", cred).build());
    }
  }

  @Override
  public Reply post(URI url, Message message) throws IOException {
    String plainType = message.format() == Message.Format.JSON ? "application/json" : "application/xml";
    byte[] body = Bodies.compress(message.body(), compression);
    if (message.options().cipher().isPresent()) {
      body = message.options().cipher().get().seal(body); // after compression: sealed bytes do not compress
    }
    String type = compression == Compression.NONE ? plainType : compression.contentType();
    if (payloads.isTraceEnabled()) {
      payloads.trace("> {} {}", url, Redaction.mask(new String(message.body(), StandardCharsets.UTF_8)));
    }
    Request.Builder r = new Request.Builder().url(url.toString()).post(RequestBody.create(body, MediaType.get(type)));
    return awaitProxy(url, execute(r, url, message.options(), type, message.body().length, body.length), message.options());
  }

  /** How many times a proxy's {@code pending} is followed, and the longest wait between two asks. */
  static final int PROXY_POLLS = 40;
  static final Duration PROXY_POLL_MAX = Duration.ofSeconds(60);

  /**
   * Follows a proxy agent's "202 pending" (the server's answer is not there yet): waits its expiration, then
   * asks the proxy for the answer with a GET carrying the same {@code GLPI-Request-ID}, as glpi-agent does.
   * A server's own pending (HTTP 200) is left to the dialogue.
   */
  private Reply awaitProxy(URI url, Reply reply, RequestOptions options) throws IOException {
    for (int i = 0; i < PROXY_POLLS && isProxyPending(reply); i++) {
      String id = reply.header("glpi-request-id").orElseThrow();
      Duration wait = org.glpiagent.protocol.Expiration.of(
              org.glpiagent.protocol.Json.MAPPER.readTree(reply.body()).path("expiration"))
          .orElse(Duration.ofSeconds(10));
      if (wait.compareTo(PROXY_POLL_MAX) > 0) {
        wait = PROXY_POLL_MAX;
      }
      log.info("proxy {} has no answer yet for request {}: asking again in {} s", url.getHost(), id, wait.toSeconds());
      try {
        Thread.sleep(wait.isZero() ? Duration.ofSeconds(1) : wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for proxy " + url.getHost());
      }
      reply = get(url, new RequestOptions(options.sendAgentId(), Optional.of(id), options.cipher()));
    }
    return reply;
  }

  private static boolean isProxyPending(Reply reply) {
    if (reply.code() != 202 || !reply.looksLikeJson()
        || reply.header("glpi-request-id").filter(v -> v.matches("[0-9A-F]{8}")).isEmpty()) {
      return false;
    }
    try {
      return "pending".equals(org.glpiagent.protocol.Json.MAPPER.readTree(reply.body()).path("status").asText());
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Reply forward(URI url, byte[] body, String contentType, Map<String, String> headers) throws IOException {
    Request.Builder r = new Request.Builder().url(url.toString()).post(RequestBody.create(body, MediaType.parse(contentType)));
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (!h.getKey().equalsIgnoreCase("GLPI-Request-ID")) {
        r.header(h.getKey(), h.getValue());
      }
    }
    RequestOptions options = new RequestOptions(false, Optional.ofNullable(headers.get("GLPI-Request-ID")), Optional.empty());
    return execute(r, url, options, contentType, body.length, body.length);
  }

  @Override
  public Reply get(URI url, RequestOptions options) throws IOException {
    return execute(new Request.Builder().url(url.toString()).get(), url, options, null, 0, 0);
  }

  private Reply execute(
      Request.Builder r, URI url, RequestOptions options, String contentType, int plainSize, int sentSize)
      throws IOException {
    String requestId = options.requestId().orElseGet(HttpServerClient::newRequestId);
    r.header("Pragma", "no-cache").header("User-Agent", settings.userAgent()).header("Accept", ACCEPT);
    r.header("GLPI-Request-ID", requestId);
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    if (options.sendAgentId()) {
      r.header("GLPI-Agent-ID", settings.agentId());
    }
    options.cipher().ifPresent(c -> r.header("GLPI-CryptoKey-ID", c.keyId()));
    if (basicHosts.containsKey(url.getHost()) && settings.user().isPresent()) {
      r.header("Authorization", basic());
    }
    Optional<String> bearer = tokens.bearer(url);
    bearer.ifPresent(t -> r.header("Authorization", "Bearer " + t));
    long start = System.nanoTime();
    Reply reply = call(r.build(), url, options);
    if (reply.code() == 401) {
      if (bearer.isPresent() || tokens.configured()) {
        tokens.invalidate();
        Optional<String> fresh = tokens.bearer(url);
        if (fresh.isPresent()) {
          reply = call(r.header("Authorization", "Bearer " + fresh.get()).build(), url, options);
        }
      } else if (settings.user().isPresent()
          && !basicHosts.containsKey(url.getHost())
          // GLPI 11 says "WWW-Authenticate: Basic"; GLPI 10 answers its 401 with no challenge at all
          && reply.header("www-authenticate").map(h -> h.trim().toLowerCase(Locale.ROOT).startsWith("basic")).orElse(true)) {
        basicHosts.put(url.getHost(), true);
        reply = call(r.header("Authorization", basic()).build(), url, options);
      }
    }
    log.debug(
        "{} {} [{}]: {} {} ({} bytes sent, {} bytes plain; {} bytes answered) in {} ms",
        contentType == null ? "GET" : "POST",
        url,
        requestId,
        reply.code(),
        reply.contentType(),
        sentSize,
        plainSize,
        reply.body().length,
        (System.nanoTime() - start) / 1_000_000);
    if (payloads.isTraceEnabled()) {
      payloads.trace("< {} {}", reply.code(), Redaction.mask(reply.text()));
    }
    return reply;
  }

  private String basic() {
    return Credentials.basic(settings.user().orElse(""), settings.password().orElse(""), StandardCharsets.UTF_8);
  }

  private Reply call(Request request, URI url, RequestOptions options) throws IOException {
    OkHttpClient client = "POST".equals(request.method()) ? httpNoRedirect : http;
    try (Response response = client.newCall(request).execute()) {
      ResponseBody rb = response.body();
      String type = response.header("Content-Type", "");
      byte[] raw;
      try (InputStream in = rb.byteStream()) {
        raw = Bodies.readLimited(in, settings.maxAnswerBytes(), "from " + url);
      }
      // a sealed request's answer is sealed too when it says whose key: opened before it is decompressed
      boolean sealed = response.header("GLPI-CryptoKey-ID") != null;
      if (options.cipher().isPresent() && sealed) {
        raw = options.cipher().get().open(raw);
      }
      // sealed for another agent (proxy mode forwards its messages): passed on as it came, never decoded here
      byte[] decoded = sealed && options.cipher().isEmpty() ? raw : Bodies.decode(raw, type, settings.maxAnswerBytes(), url.toString());
      Map<String, List<String>> headers = new TreeMap<>();
      response.headers().toMultimap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
      return new Reply(response.code(), type, decoded, headers);
    } catch (java.io.InterruptedIOException e) {
      throw new IOException("no answer from " + url + " within " + settings.timeout().toSeconds() + " s", e);
    }
  }

  /** A fresh {@code GLPI-Request-ID}: 8 upper-case hex digits. */
  static String newRequestId() {
    return HexFormat.of().withUpperCase().toHexDigits(RANDOM.nextInt());
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
