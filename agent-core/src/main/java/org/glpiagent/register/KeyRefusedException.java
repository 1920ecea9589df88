package org.glpiagent.register;

import java.io.IOException;

/**
 * A server answered an encrypted message in the clear with a 4xx: it does not know (any more) the key, for
 * instance because it was revoked. The message was not delivered; the key is forgotten and the agent
 * registers again before its next message to that server.
 */
public final class KeyRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  public KeyRefusedException(String message) {
    super(message);
  }
}
