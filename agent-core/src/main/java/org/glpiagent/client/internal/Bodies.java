package org.glpiagent.client.internal;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.glpiagent.client.Compression;

/**
 * Compression of request bodies and decoding of answers, with a size limit that also holds for what a small
 * compressed answer expands to.
 */
public final class Bodies {
  private Bodies() {}

  /** Whether Brotli's native library loads on this machine. */
  public static boolean brotliAvailable() {
    try {
      Brotli4jLoader.ensureAvailability();
      return true;
    } catch (Throwable e) {
      return false;
    }
  }

  /** Compresses a request body. */
  public static byte[] compress(byte[] body, Compression c) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
    switch (c) {
      case NONE -> {
        return body;
      }
      case ZLIB -> {
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION))) {
          z.write(body);
        }
      }
      case DEFLATE -> {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, d)) {
          z.write(body);
        } finally {
          d.end();
        }
      }
      case GZIP -> {
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
          z.write(body);
        }
      }
      case BROTLI -> {
        Brotli4jLoader.ensureAvailability();
        return Encoder.compress(body);
      }
    }
    return out.toByteArray();
  }

  /**
   * Decodes an answer: by its content type when it names a compression, else by its first bytes (zlib or gzip
   * magic), else as it is.
   *
   * @throws IOException when the compressed data is truncated or corrupt, or expands past {@code limit}
   */
  public static byte[] decode(byte[] raw, String contentType, long limit, String from) throws IOException {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    String kind;
    if (type.contains("zlib")) {
      kind = "zlib";
    } else if (type.contains("gzip")) {
      kind = "gzip";
    } else if (type.contains("deflate")) {
      kind = "deflate";
    } else if (type.endsWith("x-br") || type.contains("compress-br")) {
      kind = "br";
    } else if (isGzip(raw)) {
      kind = "gzip";
    } else if (isZlib(raw)) {
      kind = "zlib";
    } else {
      return raw;
    }
    if (raw.length == 0) {
      return raw;
    }
    try (InputStream in = open(kind, raw)) {
      return readLimited(in, limit, kind + " answer from " + from);
    } catch (EOFException e) {
      throw new IOException("truncated " + kind + " answer from " + from, e);
    } catch (ZipException e) {
      throw new IOException("corrupt " + kind + " answer from " + from + ": " + e.getMessage(), e);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("answer larger")) {
        throw e;
      }
      throw new IOException("undecodable " + kind + " answer from " + from + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(String kind, byte[] raw) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(raw);
    return switch (kind) {
      case "zlib" -> new InflaterInputStream(in);
      case "gzip" -> new GZIPInputStream(in);
      case "deflate" -> new InflaterInputStream(in, new Inflater(true));
      default -> {
        Brotli4jLoader.ensureAvailability();
        yield new BrotliInputStream(in);
      }
    };
  }

  /** Reads a stream whole, refusing more than {@code limit} bytes. */
  public static byte[] readLimited(InputStream in, long limit, String what) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > limit) {
        throw new IOException("answer larger than " + limit + " bytes: " + what);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  static boolean isGzip(byte[] b) {
    return b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  static boolean isZlib(byte[] b) {
    if (b.length < 2) {
      return false;
    }
    int cmf = b[0] & 0xff;
    int flg = b[1] & 0xff;
    return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
  }
}
