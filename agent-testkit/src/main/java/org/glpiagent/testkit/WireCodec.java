package org.glpiagent.testkit;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * GLPI's request Content-Type table (SERVER-BEHAVIOUR.md §2.1): which compression a type means, and which
 * Content-Type the answer gets. Matching is exact after lower-casing, with no parameters allowed.
 */
public enum WireCodec {
  ZLIB("application/x-compress-zlib"),
  GZIP("application/x-compress-gzip"),
  BROTLI("application/x-br"),
  DEFLATE("application/x-compress-deflate"),
  XML("application/xml"),
  JSON("application/json"),
  /** No known type: mode guessed from the first byte, answer typed by the mode. */
  PLAIN(null);

  private final String answerType;

  WireCodec(String answerType) {
    this.answerType = answerType;
  }

  /** The codec of a request Content-Type. */
  public static WireCodec ofRequestType(String contentType) {
    String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    return switch (t) {
      case "application/x-zlib", "application/x-compress-zlib" -> ZLIB;
      case "application/x-gzip", "application/x-compress-gzip" -> GZIP;
      case "application/x-br", "application/x-compress-br" -> BROTLI;
      case "application/x-deflate", "application/x-compress-deflate" -> DEFLATE;
      case "application/xml" -> XML;
      case "application/json" -> JSON;
      default -> PLAIN;
    };
  }

  /** Whether bodies of this codec are compressed. */
  public boolean compressed() {
    return this == ZLIB || this == GZIP || this == BROTLI || this == DEFLATE;
  }

  /** The answer's Content-Type for a given mode. */
  public String answerType(boolean json) {
    return answerType != null && compressed() ? answerType : json ? "application/json" : "application/xml";
  }

  /** Decompresses a request body; plain codecs return it as is. */
  public byte[] decode(byte[] body) throws IOException {
    InputStream in =
        switch (this) {
          case ZLIB -> new InflaterInputStream(new ByteArrayInputStream(body));
          case GZIP -> new GZIPInputStream(new ByteArrayInputStream(body));
          case DEFLATE -> new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true));
          case BROTLI -> null;
          default -> null;
        };
    if (this == BROTLI) {
      Brotli4jLoader.ensureAvailability();
      DirectDecompress d = Decoder.decompress(body);
      if (d.getResultStatus() != DecoderJNI.Status.DONE) {
        throw new IOException("brotli: " + d.getResultStatus());
      }
      return d.getDecompressedData();
    }
    if (in == null) {
      return body;
    }
    try (in) {
      return in.readAllBytes();
    }
  }

  /** Compresses an answer body the way the request was compressed. */
  public byte[] encode(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (this) {
      case ZLIB -> {
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
          z.write(body);
        }
      }
      case GZIP -> {
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
          z.write(body);
        }
      }
      case DEFLATE -> {
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
          z.write(body);
        }
      }
      case BROTLI -> {
        Brotli4jLoader.ensureAvailability();
        return Encoder.compress(body);
      }
      default -> {
        return body;
      }
    }
    return out.toByteArray();
  }
}
