package org.glpiagent.config;

import java.util.List;
import java.util.Optional;

/**
 * One option of the agent, as known to {@code agent.cfg}, the command line and {@code --help}.
 *
 * @param name the long name, as in {@code agent.cfg} and {@code --name}
 * @param shortName the one-letter command-line alias, if any (without the dash)
 * @param kind what values it accepts
 * @param defaultValue the default, or empty when unset by default
 * @param help one sentence for {@code --help}
 * @param secret whether values must be masked in logs and messages
 * @param cliOnly whether it is refused in {@code agent.cfg}
 * @param group the heading it is listed under in {@code --help}
 */
public record OptionDef(
    String name,
    Optional<String> shortName,
    OptionKind kind,
    Optional<String> defaultValue,
    String help,
    boolean secret,
    boolean cliOnly,
    String group) {

  public OptionDef {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("option without a name");
    }
  }

  /** The default as a list of values (empty when unset). */
  public List<String> defaults() {
    return defaultValue.map(List::of).orElse(List.of());
  }
}
