package org.glpiagent.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.glpiagent.client.ClientSettings;
import org.glpiagent.protocol.Json;

/**
 * GLPI 11's OAuth2 client credentials: a bearer token from {@code {base}/api.php/token}, kept until it
 * expires (less a margin).
 */
public final class OAuthTokens {
  private static final Duration MARGIN = Duration.ofSeconds(30);
  private static final Duration MAX_LIFETIME = Duration.ofDays(365);

  private final OkHttpClient http;
  private final ClientSettings settings;
  private final Clock clock;
  private String token;
  private Instant expires = Instant.MIN;

  public OAuthTokens(OkHttpClient http, ClientSettings settings, Clock clock) {
    this.http = http;
    this.settings = settings;
    this.clock = clock;
  }

  /** Whether client credentials are configured. */
  public boolean configured() {
    return settings.oauthClientId().isPresent() && settings.oauthClientSecret().isPresent();
  }

  /** A valid token for that server, fetched if none is cached; empty when not configured. */
  public synchronized Optional<String> bearer(URI server) throws IOException {
    if (!configured()) {
      return Optional.empty();
    }
    if (token != null && clock.instant().isBefore(expires)) {
      return Optional.of(token);
    }
    URI endpoint = tokenEndpoint(server);
    ObjectNode grant = Json.MAPPER.createObjectNode();
    grant.put("grant_type", "client_credentials");
    grant.put("client_id", settings.oauthClientId().get());
    grant.put("client_secret", settings.oauthClientSecret().get());
    grant.put("scope", "inventory");
    Request r =
        new Request.Builder()
            .url(endpoint.toString())
            .header("User-Agent", settings.userAgent())
            .post(RequestBody.create(Json.write(grant), MediaType.get("application/json")))
            .build();
    try (Response resp = http.newCall(r).execute()) {
      byte[] body = Bodies.readLimited(resp.body().byteStream(), 1 << 20, "token answer");
      Grant g = grant(resp.code(), body, endpoint, clock.instant());
      token = g.token();
      expires = g.expires();
      return Optional.of(token);
    }
  }

  /** A token and the instant to fetch another one. */
  record Grant(String token, Instant expires) {
    @Override
    public String toString() {
      return "Grant[****, " + expires + "]";
    }
  }

  /**
   * Reads the token endpoint's answer.
   *
   * @throws IOException when the answer is not a token, with the server's message if it gave one
   */
  static Grant grant(int code, byte[] body, URI endpoint, Instant now) throws IOException {
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      n = null;
    }
    if (code < 200 || code >= 300 || n == null || !n.hasNonNull("access_token")) {
      String msg = n == null ? "" : n.path("message").asText(n.path("error_description").asText(n.path("error").asText("")));
      throw new IOException("OAuth2 token request to " + endpoint + " failed: HTTP " + code + (msg.isEmpty() ? "" : " " + msg));
    }
    // a lifetime past a year or below zero is taken as the bound: expires_in 9223372036854775807 overflowed
    // Instant.plusSeconds (seen writing its fuzz target)
    long seconds = Math.clamp(n.path("expires_in").asLong(3600), 0, MAX_LIFETIME.toSeconds());
    return new Grant(n.get("access_token").asText(), now.plusSeconds(seconds).minus(MARGIN));
  }

  /** Forgets the cached token (the server refused it). */
  public synchronized void invalidate() {
    token = null;
    expires = Instant.MIN;
  }

  /** {@code {base}/api.php/token}, where base is the server URL up to GLPI's own paths. */
  static URI tokenEndpoint(URI server) {
    String s = server.toString();
    for (String cut : new String[] {"/front/", "/plugins/", "/marketplace/", "/Inventory", "/api.php"}) {
      int i = s.indexOf(cut);
      if (i >= 0) {
        s = s.substring(0, i);
      }
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return URI.create(s + "/api.php/token");
  }
}
