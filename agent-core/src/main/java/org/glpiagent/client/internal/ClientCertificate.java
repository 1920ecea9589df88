package org.glpiagent.client.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The client certificate of {@code ssl-cert-file}: a PEM file holding the certificate (and its chain) and the
 * private key, in PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1
 * ({@code EC PRIVATE KEY}) form, as OpenSSL writes them. Encrypted keys are not supported.
 */
public final class ClientCertificate {
  private static final Pattern KEY =
      Pattern.compile("-----BEGIN ((?:RSA |EC )?PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private ClientCertificate() {}

  /** Key managers presenting the certificate of that file. */
  public static KeyManager[] keyManagers(Path pem) throws IOException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    if (text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED")) {
      throw new IOException("ssl-cert-file " + pem + ": encrypted private keys are not supported");
    }
    Matcher m = KEY.matcher(text);
    if (!m.find()) {
      throw new IOException("ssl-cert-file " + pem + ": no private key in the file");
    }
    List<X509Certificate> chain = Tls.read(pem);
    try {
      PrivateKey key = key(m.group(1), Base64.getMimeDecoder().decode(m.group(2)), chain.get(0).getPublicKey().getAlgorithm());
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      char[] pw = new char[0];
      ks.setKeyEntry("client", key, pw, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      f.init(ks, pw);
      return f.getKeyManagers();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException("ssl-cert-file " + pem + ": unreadable private key (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static PrivateKey key(String kind, byte[] der, String algorithm) throws GeneralSecurityException, IOException {
    return switch (kind) {
      case "RSA PRIVATE KEY" -> {
        RSAPrivateKey k = RSAPrivateKey.getInstance(der);
        yield KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
            k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrime1(), k.getPrime2(),
            k.getExponent1(), k.getExponent2(), k.getCoefficient()));
      }
      case "EC PRIVATE KEY" -> {
        ECPrivateKey k = ECPrivateKey.getInstance(der);
        PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, k.getParametersObject()), k);
        yield KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
      }
      default -> KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    };
  }

}
