package org.glpiagent.protocol;

import java.io.IOException;

/** An answer that is not a message of the protocol: malformed JSON or XML, or missing mandatory fields. */
public final class ProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  public ProtocolException(String message) {
    super(message);
  }
}
