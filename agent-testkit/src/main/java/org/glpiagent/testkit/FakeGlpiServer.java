package org.glpiagent.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server that answers like GLPI 10/11 (and, optionally, its glpiinventory plugin), as
 * {@code shared/glpi/SERVER-BEHAVIOUR.md} describes them, quirks included: the Content-Type table, answers
 * compressed like the request, the answer dialect chosen by {@code GLPI-Agent-ID}, 501 for unknown actions,
 * 400 for unknown task names, schema validation of inventories, Basic and OAuth2 authentication.
 *
 * <p>Everything is adjustable while it runs; every request is recorded. Faults can be queued per action to
 * test the agent against a server that misbehaves.
 */
public final class FakeGlpiServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> CORE_PATHS = Set.of("/", "/front/inventory.php", "/Inventory");
  static final Set<String> PLUGIN_PATHS = Set.of("/plugins/glpiinventory/", "/marketplace/glpiinventory/");
  static final Set<String> KNOWN_TASKS =
      Set.of("inventory", "netdiscovery", "netinventory", "esx", "collect", "deploy", "wakeonlan", "remoteinventory");
  static final Set<String> PLUGIN_TASKS = Set.of("netdiscovery", "netinventory", "esx", "collect", "deploy");
  private static final Pattern XML_QUERY = Pattern.compile("<QUERY>\\s*([^<]*?)\\s*</QUERY>", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_DEVICEID = Pattern.compile("<DEVICEID>\\s*([^<]*?)\\s*</DEVICEID>");
  private static final Pattern XML_PID = Pattern.compile("<PROCESSNUMBER>\\s*([^<]*?)\\s*</PROCESSNUMBER>");

  /** Which GLPI is emulated: they differ in schema error codes, the missing-deviceid answer and CONTACT. */
  public enum Version {
    GLPI_10("10.0.20"),
    GLPI_11("11.0.1");

    final String number;

    Version(String number) {
      this.number = number;
    }
  }

  /** How inventories are authenticated ({@code inventory.auth_required}). */
  public enum Auth {
    NONE,
    BASIC,
    CLIENT_CREDENTIALS
  }

  private final HttpServer http;
  private final ThreadLocal<Fault.Trickle> trickling = new ThreadLocal<>();
  private final List<Recorded> recorded = new ArrayList<>();
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final Deque<String> pluginOptions = new ArrayDeque<>();
  private final Set<String> knownDevices = ConcurrentHashMap.newKeySet();
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final Map<String, JsonNode> extraTaskParams = new ConcurrentHashMap<>();
  private final CountDownLatch hang = new CountDownLatch(1);
  private final Registrations registrations = new Registrations();
  /** The key of the exchange the current thread handles (HttpExchange attributes are shared by the context). */
  private final ThreadLocal<byte[]> sealKey = new ThreadLocal<>();
  private volatile Version version = Version.GLPI_11;
  private volatile boolean plugin;
  private volatile boolean legacy;
  private volatile boolean strictSchema = true;
  private volatile JsonNode expiration = TextNode.valueOf("24");
  private volatile int prologFreq = 24;
  private volatile Auth auth = Auth.NONE;
  private volatile String user = "glpi";
  private volatile String password = "secret";
  private volatile String clientId = "agent-client";
  private volatile String clientSecret = "client-secret";
  private volatile int tokenLifetime = 3600;
  private volatile int tokenRequests;

  private FakeGlpiServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    http.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-glpi");
      t.setDaemon(true);
      return t;
    }));
    http.createContext("/", this::handle);
    http.start();
  }

  /** Starts a GLPI 11 server without plugin or authentication on a free loopback port. */
  public static FakeGlpiServer start() throws IOException {
    return new FakeGlpiServer();
  }

  /** The server's base URL, {@code http://127.0.0.1:<port>/}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
  }

  /** A URL on this server, such as {@code uri("front/inventory.php")}. */
  public URI uri(String path) {
    return uri().resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  // ---- settings ------------------------------------------------------------------------------------

  public FakeGlpiServer version(Version v) {
    this.version = v;
    return this;
  }

  /** Installs (or removes) the glpiinventory plugin: CONTACT announces it, PROLOG hands out its jobs. */
  public FakeGlpiServer plugin(boolean installed) {
    this.plugin = installed;
    return this;
  }

  /** Behaves like a FusionInventory-era server that knows only XML. */
  public FakeGlpiServer legacy(boolean legacy) {
    this.legacy = legacy;
    return this;
  }

  /** Validates inventories strictly (numbers must be numbers), or with GLPI's tolerance for strings. */
  public FakeGlpiServer strictSchema(boolean strict) {
    this.strictSchema = strict;
    return this;
  }

  /** The {@code expiration} of ok answers: {@code "24"} by default; an int, or a value like {@code "1d"}. */
  public FakeGlpiServer expiration(Object value) {
    this.expiration = value instanceof Integer i ? IntNode.valueOf(i) : TextNode.valueOf(String.valueOf(value));
    return this;
  }

  public FakeGlpiServer prologFreq(int hours) {
    this.prologFreq = hours;
    return this;
  }

  public FakeGlpiServer auth(Auth mode) {
    this.auth = mode;
    return this;
  }

  public FakeGlpiServer basicCredentials(String user, String password) {
    this.user = user;
    this.password = password;
    return this;
  }

  public FakeGlpiServer clientCredentials(String id, String secret, int lifetimeSeconds) {
    this.clientId = id;
    this.clientSecret = secret;
    this.tokenLifetime = lifetimeSeconds;
    return this;
  }

  /** Adds parameters to a task's CONTACT entry, such as {@code {"no-category":"process"}} for inventory. */
  public FakeGlpiServer taskParams(String task, String json) {
    try {
      extraTaskParams.put(task, JSON.readTree(json));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    return this;
  }

  private volatile String scheduledTasks;
  private volatile String scheduledTasksPlugin = "glpiinventory";

  /**
   * Serves a task scheduling protocol answer on {@code GET /plugins/<plugin>/api/tasks} (404 there otherwise,
   * as GLPI without such a plugin).
   */
  public FakeGlpiServer scheduledTasks(String plugin, String json) {
    this.scheduledTasksPlugin = plugin;
    this.scheduledTasks = json;
    return this;
  }

  /** Queues a plugin job, an {@code <OPTION>…</OPTION>} fragment, handed out once by the next PROLOG. */
  public synchronized FakeGlpiServer queueOption(String optionXml) {
    pluginOptions.add(optionXml);
    return this;
  }

  /**
   * Plays a fault instead of the next normal answer to that action ({@code contact}, {@code prolog},
   * {@code inventory}..., or {@code *} for any).
   */
  public FakeGlpiServer fault(String action, Fault fault) {
    faults.computeIfAbsent(action, a -> new ArrayDeque<>()).add(fault);
    return this;
  }

  // ---- REGISTER ------------------------------------------------------------------------------------

  /** How the server answers a first REGISTER message. */
  public enum Registration {
    /** As GLPI 10 and 11: HTTP 501 "Query 'register' is not supported." (the default). */
    UNSUPPORTED,
    /** {@code registered} at once, without token or key. */
    SIMPLE,
    /** {@code pending} with {@code manual-validation} until {@link #validate} names the agent. */
    MANUAL,
    /** A token-validation challenge, then a key when the agent proves it knows the token. */
    TOKEN,
    /** {@code error} with the message of {@link #refuseRegistration}. */
    REFUSE
  }

  /** Turns the server half of REGISTER on (or back off with {@link Registration#UNSUPPORTED}). */
  public FakeGlpiServer registration(Registration mode) {
    registrations.mode = Registrations.Mode.valueOf(mode.name());
    return this;
  }

  /** The token the server expects agents to know (a UUID), for {@link Registration#TOKEN}. */
  public FakeGlpiServer registrationToken(String uuid) {
    registrations.token = Registrations.block(uuid);
    return this;
  }

  /** The {@code expiration} of {@code registered} answers ({@code "30d"} by default). */
  public FakeGlpiServer registrationExpiration(String expiration) {
    registrations.expiration = expiration;
    return this;
  }

  /** The {@code expiration} of REGISTER {@code error} answers ({@code "4h"} by default). */
  public FakeGlpiServer registrationErrorExpiration(String expiration) {
    registrations.errorExpiration = expiration;
    return this;
  }

  /** The message of {@link Registration#REFUSE}'s error. */
  public FakeGlpiServer refuseRegistration(String message) {
    registrations.refusal = message;
    return this;
  }

  /** How long a challenge may wait for its answer (a minute by default). */
  public FakeGlpiServer challengeLifetime(Duration d) {
    registrations.challengeLifetime = d;
    return this;
  }

  /** The clock challenges expire by. */
  public FakeGlpiServer clock(Supplier<Instant> clock) {
    registrations.clock = clock;
    return this;
  }

  /** Whether a validated agent gets a {@code crypto} key (true by default). */
  public FakeGlpiServer issueKeys(boolean issue) {
    registrations.issueKeys = issue;
    return this;
  }

  /** Seeds the server's secrets, keys and nonces (42 by default). */
  public FakeGlpiServer registrationSeed(long seed) {
    registrations.seed(seed);
    return this;
  }

  /** Builds challenges for that agent id instead of the requester's: a misrouted challenge. */
  public FakeGlpiServer challengeFor(String agentId) {
    registrations.challengeFor = agentId;
    return this;
  }

  /** Alters one hex digit of the next challenge. */
  public FakeGlpiServer tamperNextChallenge() {
    registrations.tamperChallenge = true;
    return this;
  }

  /** Alters one hex digit of the next final challenge. */
  public FakeGlpiServer tamperNextFinalChallenge() {
    registrations.tamperFinal = true;
    return this;
  }

  /** Flips one bit of the next sealed answer, after sealing: an answer altered on the way. */
  public FakeGlpiServer tamperNextSealedAnswer() {
    registrations.tamperSealed = true;
    return this;
  }

  /** Validates an agent by hand ({@link Registration#MANUAL}). */
  public FakeGlpiServer validate(String agentId) {
    registrations.validate(agentId);
    return this;
  }

  /** Revokes every key issued so far. */
  public FakeGlpiServer revokeKeys() {
    registrations.revokeAll();
    return this;
  }

  /** Revokes the key of the next sealed message of that action just as it arrives: a revocation mid-session. */
  public FakeGlpiServer revokeKeyOn(String action) {
    registrations.revokeOn(action);
    return this;
  }

  /** The key issued to that agent, if any. */
  public Optional<byte[]> issuedKey(String agentId) {
    return registrations.key(agentId);
  }

  // ---- what was received ---------------------------------------------------------------------------

  public synchronized List<Recorded> requests() {
    return List.copyOf(recorded);
  }

  /** The POST requests only (the agent's messages, without the GETs of the tasks API). */
  public synchronized List<Recorded> posts() {
    return recorded.stream().filter(r -> r.method().equals("POST")).toList();
  }

  public synchronized List<Recorded> requests(String action) {
    return recorded.stream().filter(r -> r.action().equals(action)).toList();
  }

  /** The inventories accepted, as JSON trees (XML ones are not included). */
  public synchronized List<JsonNode> inventories() {
    List<JsonNode> out = new ArrayList<>();
    for (Recorded r : recorded) {
      if (r.action().equals("inventory") && r.code() == 200 && r.text().strip().startsWith("{")) {
        try {
          out.add(JSON.readTree(r.body()));
        } catch (IOException e) {
          // not JSON
        }
      }
    }
    return out;
  }

  /** The network task messages received for one job ({@code PROCESSNUMBER}), in order. */
  public synchronized List<Recorded> networkMessages(String pid) {
    return recorded.stream()
        .filter(r -> r.action().equals("netdiscovery") || r.action().equals("snmpquery"))
        .filter(r -> {
          Matcher m = XML_PID.matcher(r.text());
          return m.find() && m.group(1).equals(pid);
        })
        .toList();
  }

  public int tokenRequests() {
    return tokenRequests;
  }

  /** Waits until at least {@code n} requests were received. */
  public void awaitRequests(int n, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    synchronized (this) {
      while (recorded.size() < n) {
        long left = (end - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          throw new AssertionError("expected " + n + " requests, got " + recorded.size());
        }
        wait(left);
      }
    }
  }

  @Override
  public void close() {
    hang.countDown();
    http.stop(0);
  }

  // ---- handling ------------------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    sealKey.remove();
    try (ex) {
      Answer a = answer(ex);
      if (a == null) {
        if (trickling.get() != null) {
          trickling.remove();
          trickle(ex);
        }
        return; // connection closed on purpose
      }
      send(ex, a);
    }
  }

  /** An answer before compression: status, body, whether JSON, and the codec to compress with. */
  record Answer(int code, byte[] body, boolean json, WireCodec codec, String forcedType, Map<String, String> extra) {
    Answer(int code, String body, boolean json, WireCodec codec) {
      this(code, body.getBytes(StandardCharsets.UTF_8), json, codec, null, Map.of());
    }
  }

  private Answer answer(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
    Map<String, String> headers = new LinkedHashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
    byte[] raw = ex.getRequestBody().readAllBytes();
    WireCodec codec = WireCodec.ofRequestType(headers.get("content-type"));
    if (path.equals("/api.php/token")) {
      Answer a = token(raw);
      record(ex, headers, raw, raw, "token", "", a.code());
      return a;
    }
    if (path.endsWith("/api/tasks") && scheduledTasks != null && path.startsWith("/plugins/" + scheduledTasksPlugin + "/")) {
      Answer a = new Answer(200, scheduledTasks.getBytes(StandardCharsets.UTF_8), true, WireCodec.PLAIN, "application/json", Map.of());
      record(ex, headers, raw, raw, "tasks", "", 200);
      return a;
    }
    if (!CORE_PATHS.contains(path) && !PLUGIN_PATHS.contains(path)) {
      Answer a = new Answer(404, "<html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8), false, WireCodec.PLAIN, "text/html", Map.of());
      record(ex, headers, raw, raw, "", "", 404);
      return a;
    }
    if (!ex.getRequestMethod().equals("POST")) {
      Answer a;
      if (query.contains("action=getConfig")) {
        a = PLUGIN_PATHS.contains(path)
            ? new Answer(400, new byte[0], true, WireCodec.PLAIN, "application/json", Map.of("server-type", "glpi/glpiinventory 1.6.10"))
            : error(400, "Protocol not supported", true, WireCodec.PLAIN);
      } else {
        a = new Answer(405, new byte[0], false, WireCodec.PLAIN, "text/html", Map.of());
      }
      record(ex, headers, raw, raw, "", "", a.code());
      return a;
    }
    byte[] wire = raw;
    String keyId = headers.get("glpi-cryptokey-id");
    byte[] key = null;
    if (keyId != null && registrations.mode != Registrations.Mode.UNSUPPORTED) {
      Optional<byte[]> k = registrations.key(keyId);
      Optional<byte[]> opened = k.flatMap(kk -> Registrations.open(kk, keyId, wire));
      if (opened.isEmpty()) {
        Answer a = error(403, k.isEmpty() ? "unknown or revoked crypto key" : "message does not authenticate with its key", true, WireCodec.PLAIN);
        record(ex, headers, wire, wire, "", "", 403);
        return a;
      }
      key = k.get();
      raw = opened.get();
    }
    byte[] body;
    try {
      body = codec.decode(raw);
    } catch (IOException | RuntimeException e) {
      body = new byte[0];
    }
    boolean json = codec == WireCodec.JSON || (codec != WireCodec.XML && firstByte(body) == '{');
    String text = new String(body, StandardCharsets.UTF_8);
    String action = "";
    String deviceId = "";
    JsonNode tree = null;
    if (json) {
      try {
        tree = JSON.readTree(body);
      } catch (IOException e) {
        tree = null;
      }
      if (tree != null && tree.isObject()) {
        action = tree.has("action") ? tree.get("action").asText() : tree.has("query") ? tree.get("query").asText() : "inventory";
        deviceId = tree.path("deviceid").asText("");
      }
    } else {
      Matcher q = XML_QUERY.matcher(text);
      action = q.find() ? q.group(1).toLowerCase(Locale.ROOT) : "inventory";
      Matcher d = XML_DEVICEID.matcher(text);
      deviceId = d.find() ? d.group(1) : "";
    }
    if (key != null && registrations.revokesNow(action, keyId)) {
      Answer a = error(403, "unknown or revoked crypto key", true, WireCodec.PLAIN);
      record(ex, headers, wire, body, action, deviceId, 403);
      return a;
    }
    if (key != null) {
      sealKey.set(key);
    }
    Answer a = dispatch(headers, body, json, tree, text, action, deviceId, codec);
    record(ex, headers, wire, body, action, deviceId, a == null ? 0 : a.code());
    return a;
  }

  private Answer dispatch(
      Map<String, String> h, byte[] body, boolean json, JsonNode tree, String text, String action, String deviceId, WireCodec codec)
      throws IOException {
    Fault f = nextFault(action);
    if (f != null) {
      return play(f, h, body, json, tree, text, action, deviceId, codec);
    }
    return normal(h, json, tree, text, action, deviceId, codec);
  }

  private Answer normal(Map<String, String> h, boolean json, JsonNode tree, String text, String action, String deviceId, WireCodec codec) {
    boolean agentId = h.containsKey("glpi-agent-id") && !h.get("glpi-agent-id").isBlank();
    if (legacy) {
      return legacyAnswer(json, text, action, codec);
    }
    Answer denied = authenticate(h, codec);
    if (denied != null) {
      return denied;
    }
    if (json && (tree == null || !tree.isObject())) {
      return error(400, "JSON not well formed!", true, codec);
    }
    if (!json && !text.strip().startsWith("<")) {
      return error(400, "XML not well formed!", false, codec);
    }
    if (json && action.equals("register") && registrations.mode != Registrations.Mode.UNSUPPORTED) {
      Registrations.Reply r = registrations.handle(h.get("glpi-agent-id"), tree);
      return new Answer(r.code(), r.body().toString(), true, codec);
    }
    if (json && tree.get("deviceid") == null && version == Version.GLPI_11) {
      return error(500, "Cannot assign null to property Glpi\\Agent\\Communication\\AbstractRequest::$deviceid of type string", true, codec);
    }
    return switch (action) {
      case "prolog" -> prolog(agentId, json, deviceId, codec);
      case "contact" -> contact(tree, deviceId, codec);
      case "get_params" -> ok(json, codec);
      case "inventory" -> inventory(agentId, json, tree, text, deviceId, codec);
      case "netdiscovery", "snmp", "snmpquery", "netinventory" -> network(json, text, deviceId, codec);
      default -> error(501, "Query '" + action + "' is not supported.", json, codec);
    };
  }

  private Answer prolog(boolean agentId, boolean json, String deviceId, WireCodec codec) {
    if (!deviceId.isEmpty() && !deviceId.equals("foo")) {
      knownDevices.add(deviceId);
    }
    if (agentId || json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.set("expiration", TextNode.valueOf(String.valueOf(prologFreq)));
      o.put("status", "ok");
      return new Answer(200, o.toString(), true, codec);
    }
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<REPLY><PROLOG_FREQ>" + prologFreq + "</PROLOG_FREQ><RESPONSE>SEND</RESPONSE>");
    if (plugin && knownDevices.contains(deviceId)) {
      synchronized (this) {
        while (!pluginOptions.isEmpty()) {
          sb.append(pluginOptions.poll());
        }
      }
    }
    sb.append("</REPLY>");
    return new Answer(200, sb.toString(), false, codec);
  }

  private Answer contact(JsonNode tree, String deviceId, WireCodec codec) {
    if (!deviceId.isEmpty() && !deviceId.equals("foo")) {
      knownDevices.add(deviceId);
    }
    List<String> enabled = new ArrayList<>();
    tree.path("enabled-tasks").forEach(t -> enabled.add(t.asText()));
    if (version == Version.GLPI_11 && !enabled.contains("inventory")
        && enabled.stream().anyMatch(t -> Set.of("esx", "netdiscovery", "netinventory", "remoteinventory").contains(t))) {
      enabled.add("inventory");
    }
    List<String> messages = new ArrayList<>();
    List<String> disabled = new ArrayList<>();
    Map<String, JsonNode> tasks = new java.util.TreeMap<>();
    String unknown = null;
    for (String t : enabled) {
      if (!KNOWN_TASKS.contains(t)) {
        unknown = unknown == null ? t : unknown;
        messages.add("Task '" + t + "' is not supported.");
      }
      if (t.equals("inventory")) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("server", "glpi").put("version", version.number);
        if (extraTaskParams.containsKey(t)) {
          o.setAll((ObjectNode) extraTaskParams.get(t));
        }
        tasks.put(t, o);
      } else if (plugin && PLUGIN_TASKS.contains(t)) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("version", "1.6.10").put("server", "glpiinventory");
        tasks.put(t, o);
      } else {
        messages.add(t + " task not supported");
        disabled.add(t);
      }
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (unknown != null) {
      o.put("status", "ok");
    }
    if (!messages.isEmpty()) {
      o.put("message", String.join(";", messages));
    }
    if (unknown != null) {
      o.set("expiration", expiration);
    }
    if (!disabled.isEmpty()) {
      o.set("disabled", JSON.valueToTree(disabled));
    }
    if (unknown == null) {
      o.set("expiration", expiration);
      o.put("status", "ok");
    }
    if (!tasks.isEmpty()) {
      o.set("tasks", JSON.valueToTree(tasks));
    }
    return new Answer(unknown == null ? 200 : 400, o.toString(), true, codec);
  }

  private Answer inventory(boolean agentId, boolean json, JsonNode tree, String text, String deviceId, WireCodec codec) {
    if (json) {
      List<String> violations = InventorySchema.CURRENT.violations(tree);
      if (!strictSchema) {
        violations = violations.stream().filter(v -> !v.contains("expected")).toList();
      }
      if (!violations.isEmpty()) {
        String msg = "JSON does not validate. Violations:\n" + String.join("\n", violations);
        return error(version == Version.GLPI_11 ? 400 : 500, msg.length() > 250 ? msg.substring(0, 250) : msg, true, codec);
      }
    } else if (deviceId.isEmpty()) {
      return error(version == Version.GLPI_11 ? 400 : 500, "JSON does not validate. Violations:\nRequired property missing: deviceid", false, codec);
    }
    if (agentId) {
      return json
          ? new Answer(200, "{\"expiration\":" + expiration + ",\"status\":\"ok\"}", true, codec)
          : new Answer(200, "<?xml version=\"1.0\"?>\n<REPLY><expiration>" + expiration.asText() + "</expiration><status>ok</status></REPLY>", false, codec);
    }
    return json
        ? new Answer(200, "{\"RESPONSE\":\"SEND\"}", true, codec)
        : new Answer(200, "<?xml version=\"1.0\"?>\n<REPLY><RESPONSE>SEND</RESPONSE></REPLY>", false, codec);
  }

  private Answer network(boolean json, String text, String deviceId, WireCodec codec) {
    if (plugin && knownDevices.contains(deviceId)) {
      return new Answer(200, "<?xml version=\"1.0\"?>\n<REPLY/>", false, codec);
    }
    if (text.contains("<DEVICE>")) {
      return new Answer(200, "<?xml version=\"1.0\"?>\n<REPLY><RESPONSE>SEND</RESPONSE></REPLY>", false, codec);
    }
    return error(version == Version.GLPI_11 ? 400 : 500, "JSON does not validate. Violations:\nRequired property missing: versionclient", json, codec);
  }

  private Answer legacyAnswer(boolean json, String text, String action, WireCodec codec) {
    if (json) {
      return new Answer(500, "<html><body>Internal Server Error</body></html>".getBytes(StandardCharsets.UTF_8), false, WireCodec.PLAIN, "text/html", Map.of());
    }
    return switch (action) {
      case "prolog" -> new Answer(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REPLY><PROLOG_FREQ>" + prologFreq + "</PROLOG_FREQ><RESPONSE>SEND</RESPONSE></REPLY>", false, codec);
      case "inventory", "netdiscovery", "snmpquery" -> new Answer(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REPLY></REPLY>", false, codec);
      default -> new Answer(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REPLY><ERROR>unknown query</ERROR></REPLY>", false, codec);
    };
  }

  private Answer authenticate(Map<String, String> h, WireCodec codec) {
    String authz = h.getOrDefault("authorization", "");
    switch (auth) {
      case NONE -> {
        return null;
      }
      case BASIC -> {
        if (authz.isEmpty()) {
          Answer a = error(401, "Authorization header required to send an inventory", true, codec);
          // only GLPI 11 sends a challenge; GLPI 10's 401 has none
          return version == Version.GLPI_10 ? a
              : new Answer(a.code(), a.body(), true, codec, null, Map.of("WWW-Authenticate", "Basic realm=\"basic\""));
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return authz.equals(expected) ? null : error(401, "Access denied. Wrong login or password for basic authentication.", true, codec);
      }
      default -> {
        return authz.startsWith("Bearer ") && tokens.contains(authz.substring(7))
            ? null
            : error(401, "Authorization header required to send an inventory", true, codec);
      }
    }
  }

  private Answer token(byte[] raw) {
    tokenRequests++;
    try {
      JsonNode n = JSON.readTree(raw);
      if (n != null && "client_credentials".equals(n.path("grant_type").asText())
          && clientId.equals(n.path("client_id").asText()) && clientSecret.equals(n.path("client_secret").asText())) {
        String t = UUID.randomUUID().toString();
        tokens.add(t);
        return new Answer(200, "{\"token_type\":\"Bearer\",\"expires_in\":" + tokenLifetime + ",\"access_token\":\"" + t + "\"}", true, WireCodec.PLAIN);
      }
    } catch (IOException e) {
      // fall through
    }
    return new Answer(401, "{\"error\":\"invalid_client\",\"message\":\"Client authentication failed\"}", true, WireCodec.PLAIN);
  }

  /** Forgets every OAuth2 token issued, as if they had expired. */
  public void revokeTokens() {
    tokens.clear();
  }

  private Answer ok(boolean json, WireCodec codec) {
    return new Answer(200, "{\"expiration\":" + expiration + ",\"status\":\"ok\"}", true, codec);
  }

  static Answer error(int code, String message, boolean json, WireCodec codec) {
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode().put("status", "error").put("message", message).put("expiration", 24);
      return new Answer(code, o.toString(), true, codec);
    }
    return new Answer(code, "<?xml version=\"1.0\"?>\n<REPLY><ERROR><![CDATA[" + message + "]]></ERROR></REPLY>", false, codec);
  }

  private Fault nextFault(String action) {
    for (String key : new String[] {action, "*"}) {
      Deque<Fault> q = faults.get(key);
      if (q != null) {
        Fault f = q.poll();
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  private Answer play(Fault f, Map<String, String> h, byte[] body, boolean json, JsonNode tree, String text, String action, String deviceId, WireCodec codec)
      throws IOException {
    return switch (f) {
      case Fault.Busy b -> new Answer(b.code(), "{\"status\":\"error\",\"message\":\"busy server\",\"expiration\":\"" + b.expiration() + "\"}", true, codec);
      case Fault.Pending p -> new Answer(200, "{\"status\":\"pending\",\"expiration\":\"" + p.expiration() + "\"}", true, codec);
      case Fault.Raw r -> new Answer(r.code(), r.body(), false, WireCodec.PLAIN, r.contentType(), Map.of());
      case Fault.TruncatedCompression t -> {
        Answer n = normal(h, json, tree, text, action, deviceId, WireCodec.ZLIB);
        byte[] z = WireCodec.ZLIB.encode(n.body());
        byte[] half = java.util.Arrays.copyOf(z, Math.max(2, z.length / 2));
        yield new Answer(n.code(), half, n.json(), WireCodec.PLAIN, "application/x-compress-zlib", Map.of());
      }
      case Fault.MalformedJson m -> new Answer(200, "{\"status\":\"ok\",\"expiration\":".getBytes(StandardCharsets.UTF_8), true, WireCodec.PLAIN, "application/json", Map.of());
      case Fault.MalformedXml m -> new Answer(200, "<?xml version=\"1.0\"?>\n<REPLY><PROLOG_FREQ>24</REPLY".getBytes(StandardCharsets.UTF_8), false, WireCodec.PLAIN, "application/xml", Map.of());
      case Fault.WrongContentType w -> {
        Answer n = normal(h, json, tree, text, action, deviceId, WireCodec.PLAIN);
        yield new Answer(n.code(), n.body(), n.json(), WireCodec.PLAIN, "text/html", Map.of());
      }
      case Fault.Garbage g -> {
        byte[] b = new byte[g.bytes()];
        new Random(g.bytes()).nextBytes(b);
        yield new Answer(200, b, false, WireCodec.PLAIN, "application/octet-stream", Map.of());
      }
      case Fault.Hang hg -> {
        try {
          hang.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        yield null;
      }
      case Fault.Close c -> null;
      case Fault.Trickle t -> {
        trickling.set(t);
        yield null;
      }
      case Fault.RedirectToSelf r -> new Answer(302, new byte[0], false, WireCodec.PLAIN, "text/html", Map.of("Location", uri().toString()));
    };
  }

  /** Writes a short answer one byte a second until the client gives up or the server stops. */
  private void trickle(HttpExchange ex) throws IOException {
    byte[] body = "{\"status\":\"ok\",\"expiration\":24}".getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, body.length);
    OutputStream os = ex.getResponseBody();
    for (byte b : body) {
      os.write(b);
      os.flush();
      try {
        if (hang.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void send(HttpExchange ex, Answer a) throws IOException {
    Map<String, String> req = new HashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> req.put(k.toLowerCase(Locale.ROOT), v.get(0)));
    var out = ex.getResponseHeaders();
    String type = a.forcedType() != null ? a.forcedType() : a.codec().answerType(a.json());
    out.set("Content-Type", type);
    out.set("Cache-Control", req.getOrDefault("cache-control", "no-cache,no-store"));
    out.set("Connection", req.getOrDefault("connection", "close"));
    out.set("Pragma", req.getOrDefault("pragma", "no-cache"));
    byte[] key = sealKey.get();
    for (String echo : new String[] {"accept", "glpi-agent-id", "glpi-request-id", "glpi-cryptokey-id", "glpi-proxy-id"}) {
      // GLPI echoes GLPI-CryptoKey-ID whatever it is; a server that knows REGISTER sets it on sealed answers only
      boolean skip = echo.equals("glpi-cryptokey-id") && registrations.mode != Registrations.Mode.UNSUPPORTED && key == null;
      if (req.containsKey(echo) && !skip) {
        out.set(echo, req.get(echo));
      }
    }
    a.extra().forEach(out::set);
    byte[] body = a.forcedType() == null ? a.codec().encode(a.body()) : a.body();
    if (key != null) {
      body = registrations.seal(key, req.get("glpi-cryptokey-id"), body);
      if (registrations.tamperSealed) {
        registrations.tamperSealed = false;
        body[body.length - 1] ^= 1;
      }
    }
    if (body.length == 0) {
      ex.sendResponseHeaders(a.code(), -1);
      return;
    }
    ex.sendResponseHeaders(a.code(), body.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(body);
    }
  }

  private synchronized void record(HttpExchange ex, Map<String, String> headers, byte[] raw, byte[] body, String action, String deviceId, int code) {
    recorded.add(new Recorded(ex.getRequestMethod(), ex.getRequestURI().getPath(),
        ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery(), Map.copyOf(headers), raw, body, action, deviceId, code));
    notifyAll();
  }

  private static int firstByte(byte[] b) {
    for (byte x : b) {
      if (!Character.isWhitespace(x)) {
        return x;
      }
    }
    return -1;
  }
}
