package org.glpiagent.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request the fake server received, and the status code it answered.
 *
 * @param headers request headers, names lower case (first value)
 * @param raw the body as sent (compressed or not)
 * @param body the decompressed body
 * @param action the JSON {@code action} or lower-cased XML {@code QUERY}, or empty
 * @param deviceId the request's deviceid, or empty
 */
public record Recorded(
    String method,
    String path,
    String query,
    Map<String, String> headers,
    byte[] raw,
    byte[] body,
    String action,
    String deviceId,
    int code) {

  /** The decompressed body as text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** A request header, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
