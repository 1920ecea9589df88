package org.glpiagent.testkit;

/** A misbehaviour the fake server plays instead of its normal answer, for the agent's robustness tests. */
public sealed interface Fault {
  /** {@code {"status":"error","message":"busy server","expiration":<expiration>}} with that HTTP code. */
  record Busy(int code, String expiration) implements Fault {}

  /** {@code {"status":"pending","expiration":<expiration>}}, HTTP 200. */
  record Pending(String expiration) implements Fault {}

  /** Any answer, sent uncompressed with that Content-Type. */
  record Raw(int code, String contentType, byte[] body) implements Fault {}

  /** The normal answer, compressed, then cut in half (with the compressed Content-Type). */
  record TruncatedCompression() implements Fault {}

  /** A JSON body that stops in the middle, typed as JSON. */
  record MalformedJson() implements Fault {}

  /** An XML body that is not well formed, typed as XML. */
  record MalformedXml() implements Fault {}

  /** The normal answer's JSON body, uncompressed, labelled {@code text/html}. */
  record WrongContentType() implements Fault {}

  /** {@code bytes} of random data, labelled {@code application/octet-stream}. */
  record Garbage(int bytes) implements Fault {}

  /** Accepts the request and never answers (until the server stops). */
  record Hang() implements Fault {}

  /** Closes the connection without an answer. */
  record Close() implements Fault {}

  /**
   * Sends {@code {"status":"ok","expiration":24}} one byte a second, announcing its full length: a server that
   * answers slowly. Recorded with code 0 (the agent never gets the whole answer).
   */
  record Trickle() implements Fault {}

  /** {@code 302 Found} whose Location is the very same address: queue several for a redirect loop. */
  record RedirectToSelf() implements Fault {}
}
