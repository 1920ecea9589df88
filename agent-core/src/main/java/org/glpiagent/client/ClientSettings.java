package org.glpiagent.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.glpiagent.config.AgentConfig;

/**
 * How the server client connects: time-out, proxy, TLS, credentials, compression and identity headers.
 *
 * <p>{@link #toString()} masks the password and the OAuth2 secret.
 */
public record ClientSettings(
    Duration timeout,
    Optional<URI> proxy,
    Optional<String> user,
    Optional<String> password,
    Optional<String> oauthClientId,
    Optional<String> oauthClientSecret,
    boolean noSslCheck,
    Optional<Path> caCertFile,
    Optional<Path> caCertDir,
    List<String> sslFingerprints,
    Optional<Path> sslCertFile,
    Compression compression,
    String userAgent,
    String agentId,
    long maxAnswerBytes) {

  /** Answers larger than this, compressed or not, are refused. */
  public static final long DEFAULT_MAX_ANSWER_BYTES = 64L << 20;

  public ClientSettings {
    sslFingerprints = List.copyOf(sslFingerprints);
  }

  /** The settings of a configuration, for an agent of that id and version. */
  public static ClientSettings from(AgentConfig c, String agentId, String version) {
    Compression compression =
        c.flag("no-compression") ? Compression.NONE : Compression.of(c.string("compression").orElse("zlib"));
    return new ClientSettings(
        c.seconds("timeout").orElse(Duration.ofSeconds(180)),
        c.string("proxy").filter(p -> !p.isBlank()).map(URI::create),
        c.string("user").filter(s -> !s.isEmpty()),
        c.string("password").filter(s -> !s.isEmpty()),
        c.string("oauth-client-id").filter(s -> !s.isEmpty()),
        c.string("oauth-client-secret").filter(s -> !s.isEmpty()),
        c.flag("no-ssl-check"),
        c.string("ca-cert-file").map(Path::of),
        c.string("ca-cert-dir").map(Path::of),
        c.list("ssl-fingerprint"),
        c.string("ssl-cert-file").map(Path::of),
        compression,
        "GLPI-Agent_v" + version,
        agentId,
        DEFAULT_MAX_ANSWER_BYTES);
  }

  @Override
  public String toString() {
    return "ClientSettings[timeout=" + timeout + ", proxy=" + proxy.map(ClientSettings::maskUserInfo)
        + ", user=" + user + ", password=" + password.map(p -> "****") + ", oauthClientId=" + oauthClientId
        + ", oauthClientSecret=" + oauthClientSecret.map(p -> "****") + ", noSslCheck=" + noSslCheck
        + ", caCertFile=" + caCertFile + ", caCertDir=" + caCertDir + ", sslFingerprints=" + sslFingerprints + ", sslCertFile=" + sslCertFile
        + ", compression=" + compression + ", userAgent=" + userAgent + "]";
  }

  static String maskUserInfo(URI u) {
    return u.getUserInfo() == null ? u.toString() : u.toString().replace(u.getRawUserInfo(), "****");
  }
}
