package org.glpiagent.register;

import java.util.Locale;
import java.util.Optional;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.config.ConfigException;
import org.glpiagent.config.OptionKind;

/**
 * The registration part of the configuration: whether to register, the token, whether to encrypt.
 *
 * @param mode the {@code register} option
 * @param token the {@code token} option; without it only a simple registration is possible
 * @param encryption not {@code no-encryption}: use the key the server issues
 */
public record RegisterSettings(Mode mode, Optional<Token> token, boolean encryption) {
  /** Whether, and how firmly, the agent registers. */
  public enum Mode {
    /** No REGISTER message at all (the default: GLPI 10 and 11 answer it with 501). */
    NO,
    /** Register when the server supports it; go on unregistered when it does not. */
    YES,
    /** Send nothing else to a server the agent is not registered with. */
    REQUIRED
  }

  /** Registration off. */
  public static final RegisterSettings OFF = new RegisterSettings(Mode.NO, Optional.empty(), true);

  /** The settings of a configuration; a malformed token or mode is a {@link ConfigException}. */
  public static RegisterSettings from(AgentConfig c) throws ConfigException {
    Optional<Token> token = Optional.empty();
    Optional<String> t = c.string("token").filter(s -> !s.isBlank());
    if (t.isPresent()) {
      try {
        token = Optional.of(Token.parse(t.get()));
      } catch (RegisterException e) {
        throw new ConfigException("token", t.get(), e.getMessage());
      }
    }
    boolean encryption = !c.flag("no-encryption");
    return new RegisterSettings(mode(c.string("register").orElse("no")), token, encryption);
  }

  /** The mode of a {@code register} value: {@code no}, {@code yes} (or any flag spelling), {@code required}. */
  public static Mode mode(String value) throws ConfigException {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("required")) {
      return Mode.REQUIRED;
    }
    if (OptionKind.isFlagValue(v)) {
      return OptionKind.isTrue(v) ? Mode.YES : Mode.NO;
    }
    throw new ConfigException("register", value, "expected no, yes or required");
  }
}
