package org.glpiagent.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The client's certificate checks: the JVM's trust store plus {@code ca-cert-file} / {@code ca-cert-dir},
 * pinning by {@code ssl-fingerprint}, or none with {@code no-ssl-check}.
 */
public final class Tls {
  private final X509TrustManager trust;
  private final SSLContext context;
  private final boolean verifyHostname;

  private Tls(X509TrustManager trust, boolean verifyHostname, KeyManager[] client) throws GeneralSecurityException {
    this.trust = trust;
    this.verifyHostname = verifyHostname;
    this.context = SSLContext.getInstance("TLS");
    context.init(client, new TrustManager[] {trust}, null);
  }

  /** The checks for these options, presenting the client certificate of {@code clientCert} if given. */
  public static Tls of(
      boolean noCheck, Optional<Path> caFile, Optional<Path> caDir, List<String> fingerprints, Optional<Path> clientCert)
      throws IOException {
    KeyManager[] client = clientCert.isPresent() ? ClientCertificate.keyManagers(clientCert.get()) : null;
    try {
      if (noCheck) {
        return new Tls(new AnyCertificate(), false, client);
      }
      X509TrustManager base = system();
      List<X509Certificate> extra = new ArrayList<>();
      if (caFile.isPresent()) {
        extra.addAll(read(caFile.get()));
      }
      if (caDir.isPresent()) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(caDir.get())) {
          for (Path p : ds) {
            if (Files.isRegularFile(p)) {
              try {
                extra.addAll(read(p));
              } catch (IOException e) {
                // not a certificate file (a README, an index): skip
              }
            }
          }
        }
      }
      X509TrustManager chain = extra.isEmpty() ? base : new EitherTrust(base, ofCertificates(extra));
      List<byte[]> pins = new ArrayList<>();
      for (String f : fingerprints) {
        pins.add(parseFingerprint(f));
      }
      return pins.isEmpty() ? new Tls(chain, true, client) : new Tls(new PinnedTrust(chain, pins), false, client);
    } catch (GeneralSecurityException e) {
      throw new IOException("TLS set-up failed: " + e.getMessage(), e);
    }
  }

  public X509TrustManager trustManager() {
    return trust;
  }

  public SSLContext context() {
    return context;
  }

  /** Whether the host name must match the certificate (not with a pin, which names the certificate itself). */
  public boolean verifyHostname() {
    return verifyHostname;
  }

  private static final java.util.regex.Pattern CERT =
      java.util.regex.Pattern.compile("-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+?-----END CERTIFICATE-----");

  /** The certificates of a PEM file (other blocks, such as a private key, are skipped), or of a DER file. */
  static List<X509Certificate> read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory f = CertificateFactory.getInstance("X.509");
      java.util.regex.Matcher m = CERT.matcher(text);
      boolean pem = false;
      while (m.find()) {
        pem = true;
        out.add((X509Certificate) f.generateCertificate(new java.io.ByteArrayInputStream(m.group().getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
      }
      if (!pem && !text.contains("-----BEGIN")) {
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
          for (var c : f.generateCertificates(in)) {
            out.add((X509Certificate) c);
          }
        }
      }
    } catch (CertificateException e) {
      throw new IOException("cannot read certificates from " + file + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new IOException("no certificate in " + file);
    }
    return out;
  }

  private static X509TrustManager system() throws GeneralSecurityException {
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init((KeyStore) null);
    return first(f);
  }

  private static X509TrustManager ofCertificates(List<X509Certificate> certs) throws GeneralSecurityException {
    try {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      for (int i = 0; i < certs.size(); i++) {
        ks.setCertificateEntry("ca" + i, certs.get(i));
      }
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(ks);
      return first(f);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static X509TrustManager first(TrustManagerFactory f) {
    for (TrustManager t : f.getTrustManagers()) {
      if (t instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new IllegalStateException("no X509 trust manager");
  }

  /** Hex (SHA-1 or SHA-256, colons allowed, any case) or {@code sha256$<base64>}. */
  static byte[] parseFingerprint(String f) throws IOException {
    String s = f.trim();
    int dollar = s.indexOf('$');
    if (dollar > 0) {
      try {
        return Base64.getDecoder().decode(s.substring(dollar + 1));
      } catch (IllegalArgumentException e) {
        throw new IOException("ssl-fingerprint: not base64 after '$'");
      }
    }
    String hex = s.replace(":", "").toLowerCase(Locale.ROOT);
    if (!hex.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
      throw new IOException("ssl-fingerprint \"" + f + "\": expected a SHA-1 or SHA-256 fingerprint in hex");
    }
    return HexFormat.of().parseHex(hex);
  }

  /** Accepts a chain when either manager does. */
  private record EitherTrust(X509TrustManager a, X509TrustManager b) implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      a.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      try {
        a.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        b.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      List<X509Certificate> all = new ArrayList<>(List.of(a.getAcceptedIssuers()));
      all.addAll(List.of(b.getAcceptedIssuers()));
      return all.toArray(X509Certificate[]::new);
    }
  }

  /** Accepts a server whose certificate has one of the pinned fingerprints, else checks the chain. */
  private record PinnedTrust(X509TrustManager chain, List<byte[]> pins) implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] c, String authType) throws CertificateException {
      chain.checkClientTrusted(c, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String authType) throws CertificateException {
      if (c.length > 0) {
        byte[] der = c[0].getEncoded();
        for (byte[] pin : pins) {
          if (MessageDigest.isEqual(pin, digest(pin.length == 20 ? "SHA-1" : "SHA-256", der))) {
            return;
          }
        }
      }
      throw new CertificateException("server certificate does not match ssl-fingerprint");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return chain.getAcceptedIssuers();
    }

    private static byte[] digest(String alg, byte[] der) throws CertificateException {
      try {
        return MessageDigest.getInstance(alg).digest(der);
      } catch (GeneralSecurityException e) {
        throw new CertificateException(e);
      }
    }
  }

  /** {@code no-ssl-check}: accepts anything. */
  private static final class AnyCertificate implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
