package org.glpiagent.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.glpiagent.testing.MutableClock;
import org.glpiagent.testkit.FakeGlpiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpServerClientTest {
  private static final byte[] PROLOG = "<REQUEST><DEVICEID>d</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>".getBytes(StandardCharsets.UTF_8);
  @TempDir static Path keys;
  private static KeyStore keyStore;
  private static X509Certificate cert;
  private HttpsServer https;
  private FakeGlpiServer glpi;

  @BeforeAll
  static void makeCertificate() throws Exception {
    Path ks = keys.resolve("server.p12");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      keyStore.load(in, "changeit".toCharArray());
    }
    cert = (X509Certificate) keyStore.getCertificate("server");
    Files.writeString(keys.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
        + "\n-----END CERTIFICATE-----\n");
  }

  @AfterEach
  void stop() {
    if (https != null) {
      https.stop(0);
    }
    if (glpi != null) {
      glpi.close();
    }
  }

  private URI startHttps() throws Exception {
    return startHttps(false);
  }

  /** An HTTPS server with the test certificate; with {@code needClientAuth} it trusts only that same certificate. */
  private URI startHttps(boolean needClientAuth) throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keyStore, "changeit".toCharArray());
    javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("client", cert);
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(ctx) {
      @Override
      public void configure(com.sun.net.httpserver.HttpsParameters params) {
        javax.net.ssl.SSLParameters p = ctx.getDefaultSSLParameters();
        p.setNeedClientAuth(needClientAuth);
        params.setSSLParameters(p);
      }
    });
    https.createContext("/", ex -> {
      byte[] b = "{\"status\":\"ok\",\"expiration\":\"24\"}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    https.start();
    return URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/");
  }

  private static ClientSettings settings(boolean noCheck, Optional<Path> ca, List<String> pins) {
    return new ClientSettings(Duration.ofSeconds(5), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), noCheck, ca, Optional.empty(), pins, Optional.empty(), Compression.ZLIB,
        "GLPI-Agent_vtest", "3a609a2e-947f-4e6a-9af9-32c024ac3944", ClientSettings.DEFAULT_MAX_ANSWER_BYTES);
  }

  private static int post(ClientSettings s, URI url) throws IOException {
    try (HttpServerClient c = new HttpServerClient(s)) {
      return c.post(url, Message.json("{}".getBytes(StandardCharsets.UTF_8))).code();
    }
  }

  @Test
  void untrustedCertificateIsRefused() throws Exception {
    URI url = startHttps();
    assertThatThrownBy(() -> post(settings(false, Optional.empty(), List.of()), url)).isInstanceOf(IOException.class);
  }

  @Test
  void caCertFileMakesItTrusted() throws Exception {
    URI url = startHttps();
    assertThat(post(settings(false, Optional.of(keys.resolve("ca.pem")), List.of()), url)).isEqualTo(200);
  }

  @Test
  void fingerprintPinAcceptsOnlyThatCertificate() throws Exception {
    URI url = startHttps();
    String sha256 = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    assertThat(post(settings(false, Optional.empty(), List.of(sha256.toUpperCase())), url)).isEqualTo(200);
    String wrong = "00".repeat(32);
    assertThatThrownBy(() -> post(settings(false, Optional.empty(), List.of(wrong)), url)).isInstanceOf(IOException.class);
  }

  @Test
  void clientCertificateFromAPemFileIsPresented() throws Exception {
    URI url = startHttps(true);
    var key = keyStore.getKey("server", "changeit".toCharArray());
    Path pem = keys.resolve("client.pem");
    Files.writeString(pem, Files.readString(keys.resolve("ca.pem")) + "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    ClientSettings without = settings(false, Optional.of(keys.resolve("ca.pem")), List.of());
    assertThatThrownBy(() -> post(without, url)).isInstanceOf(IOException.class);
    ClientSettings with = new ClientSettings(Duration.ofSeconds(5), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), false, Optional.of(keys.resolve("ca.pem")), Optional.empty(), List.of(),
        Optional.of(pem), Compression.ZLIB, "ua", "a", ClientSettings.DEFAULT_MAX_ANSWER_BYTES);
    assertThat(post(with, url)).isEqualTo(200);
  }

  @Test
  void aPemWithoutKeyIsAClearError() {
    ClientSettings s = new ClientSettings(Duration.ofSeconds(5), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), List.of(),
        Optional.of(keys.resolve("ca.pem")), Compression.ZLIB, "ua", "a", ClientSettings.DEFAULT_MAX_ANSWER_BYTES);
    assertThatThrownBy(() -> new HttpServerClient(s)).hasMessageContaining("no private key");
  }

  @Test
  void requestsGoThroughTheHttpProxy() throws Exception {
    glpi = FakeGlpiServer.start(); // plays the proxy: it receives the absolute-form request
    ClientSettings s = new ClientSettings(Duration.ofSeconds(5), Optional.of(glpi.uri()), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
        Compression.ZLIB, "ua", "a", ClientSettings.DEFAULT_MAX_ANSWER_BYTES);
    try (HttpServerClient c = new HttpServerClient(s)) {
      assertThat(c.post(URI.create("http://glpi.invalid/front/inventory.php"), Message.xml(PROLOG, true)).code()).isEqualTo(200);
    }
    assertThat(glpi.requests()).hasSize(1);
    assertThat(glpi.requests().get(0).header("host")).isEqualTo("glpi.invalid");
  }

  @Test
  void aRedirectedPostIsNotTurnedIntoAGet() throws Exception {
    glpi = FakeGlpiServer.start();
    var redirect = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    redirect.createContext("/", ex -> {
      ex.getResponseHeaders().set("Location", glpi.uri().toString());
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    redirect.start();
    try (HttpServerClient c = new HttpServerClient(settings(false, Optional.empty(), List.of()))) {
      Reply r = c.post(URI.create("http://127.0.0.1:" + redirect.getAddress().getPort() + "/"), Message.xml(PROLOG, true));
      assertThat(r.code()).isEqualTo(302);
      assertThat(glpi.requests()).isEmpty();
    } finally {
      redirect.stop(0);
    }
  }

  @Test
  void noSslCheckAcceptsAnything() throws Exception {
    URI url = startHttps();
    assertThat(post(settings(true, Optional.empty(), List.of()), url)).isEqualTo(200);
  }

  @Test
  void requestCarriesTheCommonHeadersAndCanOmitTheAgentId() throws Exception {
    glpi = FakeGlpiServer.start();
    try (HttpServerClient c = new HttpServerClient(settings(false, Optional.empty(), List.of()))) {
      Reply r = c.post(glpi.uri(), Message.xml(PROLOG, false));
      assertThat(r.text()).contains("<PROLOG_FREQ>");
      var rec = glpi.requests().get(0);
      assertThat(rec.header("glpi-agent-id")).isNull();
      assertThat(rec.header("glpi-request-id")).matches("[0-9A-F]{8}");
      assertThat(rec.header("content-type")).isEqualTo("application/x-compress-zlib");
      c.post(glpi.uri(), Message.xml(PROLOG, true));
      assertThat(glpi.requests().get(1).header("glpi-agent-id")).isEqualTo("3a609a2e-947f-4e6a-9af9-32c024ac3944");
    }
  }

  @Test
  void oauthTokenIsCachedUntilItExpiresThenFetchedAgain() throws Exception {
    glpi = FakeGlpiServer.start().auth(FakeGlpiServer.Auth.CLIENT_CREDENTIALS).clientCredentials("id", "sec", 600);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    ClientSettings s = new ClientSettings(Duration.ofSeconds(5), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of("id"), Optional.of("sec"), false, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Compression.ZLIB,
        "ua", "a", ClientSettings.DEFAULT_MAX_ANSWER_BYTES);
    try (HttpServerClient c = new HttpServerClient(s, clock)) {
      URI url = glpi.uri("front/inventory.php");
      assertThat(c.post(url, Message.xml(PROLOG, true)).code()).isEqualTo(200);
      assertThat(c.post(url, Message.xml(PROLOG, true)).code()).isEqualTo(200);
      assertThat(glpi.tokenRequests()).isEqualTo(1);
      clock.advance(Duration.ofMinutes(11));
      assertThat(c.post(url, Message.xml(PROLOG, true)).code()).isEqualTo(200);
      assertThat(glpi.tokenRequests()).isEqualTo(2);
      glpi.revokeTokens(); // the server forgot it: a 401 makes the client fetch a new one once
      assertThat(c.post(url, Message.xml(PROLOG, true)).code()).isEqualTo(200);
      assertThat(glpi.tokenRequests()).isEqualTo(3);
    }
  }

  @Test
  void wrongClientSecretIsAnErrorWithoutTheSecret() throws Exception {
    glpi = FakeGlpiServer.start().auth(FakeGlpiServer.Auth.CLIENT_CREDENTIALS).clientCredentials("id", "right", 600);
    ClientSettings s = new ClientSettings(Duration.ofSeconds(5), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of("id"), Optional.of("wrong-s3cret"), false, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Compression.ZLIB,
        "ua", "a", ClientSettings.DEFAULT_MAX_ANSWER_BYTES);
    try (HttpServerClient c = new HttpServerClient(s)) {
      assertThatThrownBy(() -> c.post(glpi.uri(), Message.xml(PROLOG, true)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("OAuth2 token request")
          .hasMessageNotContaining("wrong-s3cret");
    }
    assertThat(s.toString()).doesNotContain("wrong-s3cret");
  }
}
