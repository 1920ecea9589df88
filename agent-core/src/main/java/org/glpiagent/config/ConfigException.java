package org.glpiagent.config;

/**
 * A configuration or command-line error: the option, the value given and why it is refused.
 *
 * <p>The command exits with code 2 and the daemon refuses to start. The value is masked when the option is a
 * secret, so a password never reaches the message.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String key;

  public ConfigException(String key, String value, String reason) {
    super(format(key, value, reason));
    this.key = key;
  }

  private static String format(String key, String value, String reason) {
    String shown = value == null ? "" : " = \"" + (Options.isSecret(key) ? "****" : value) + "\"";
    return "option " + key + shown + ": " + reason;
  }

  /** The option at fault. */
  public String key() {
    return key;
  }
}
