package org.glpiagent.register;

/**
 * A registration step that cannot go on: a malformed block, a challenge not meant for this agent, a final
 * challenge that does not prove the server knows the token. The message says which, never a secret.
 */
public final class RegisterException extends Exception {
  private static final long serialVersionUID = 1L;

  public RegisterException(String message) {
    super(message);
  }
}
