package org.glpiagent.client;

import java.util.Locale;

/** How request bodies are compressed; GLPI answers with the same compression. */
public enum Compression {
  NONE(null),
  ZLIB("application/x-compress-zlib"),
  GZIP("application/x-compress-gzip"),
  DEFLATE("application/x-compress-deflate"),
  BROTLI("application/x-compress-br");

  private final String contentType;

  Compression(String contentType) {
    this.contentType = contentType;
  }

  /** The request {@code Content-Type} for a compressed body; null for {@link #NONE}. */
  public String contentType() {
    return contentType;
  }

  /** The compression of an option value: {@code zlib}, {@code gzip}, {@code deflate}, {@code br}, {@code none}. */
  public static Compression of(String option) {
    return switch (option.trim().toLowerCase(Locale.ROOT)) {
      case "none" -> NONE;
      case "zlib" -> ZLIB;
      case "gzip" -> GZIP;
      case "deflate" -> DEFLATE;
      case "br", "brotli" -> BROTLI;
      default -> throw new IllegalArgumentException("unknown compression " + option);
    };
  }
}
