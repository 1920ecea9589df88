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

  private Tls(X509TrustManager trust, boolean verifyHostname) throws GeneralSecurityException {
    this.trust = trust;
    this.verifyHostname = verifyHostname;
    this.context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trust}, null);
  }

  /** The checks for these options. */
  public static Tls of(boolean noCheck, Optional<Path> caFile, Optional<Path> caDir, List<String> fingerprints)
      throws IOException {
    try {
      if (noCheck) {
        return new Tls(new AnyCertificate(), false);
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
      return pins.isEmpty() ? new Tls(chain, true) : new Tls(new PinnedTrust(chain, pins), false);
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

  static List<X509Certificate> read(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      List<X509Certificate> out = new ArrayList<>();
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IOException("no certificate in " + pem);
      }
      return out;
    } catch (CertificateException e) {
      throw new IOException("cannot read certificates from " + pem + ": " + e.getMessage(), e);
    }
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
