package org.glpiagent.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A server's answer, decompressed.
 *
 * @param code the HTTP status code
 * @param contentType the answer's {@code Content-Type} as sent, lower case, or empty
 * @param body the decoded body (decompressed when the content type or the bytes say so)
 * @param headers the answer's headers, names lower case
 */
public record Reply(int code, String contentType, byte[] body, Map<String, List<String>> headers) {
  public Reply {
    contentType = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    headers = Map.copyOf(headers);
  }

  /** Whether the status code is 2xx. */
  public boolean isSuccess() {
    return code >= 200 && code < 300;
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Whether the body looks like JSON: its first non-blank byte is <code>{</code>, as GLPI itself decides. */
  public boolean looksLikeJson() {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '{';
      }
    }
    return false;
  }

  /** Whether the body looks like XML: its first non-blank byte is {@code <}. */
  public boolean looksLikeXml() {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '<';
      }
    }
    return false;
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }
}
