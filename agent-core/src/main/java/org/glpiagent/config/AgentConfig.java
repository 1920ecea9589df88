package org.glpiagent.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The agent's validated configuration: every option of {@link Options} resolved from the command line, the
 * configuration file and the defaults, in that order of precedence.
 *
 * <p>Values are kept as the strings the user wrote (multi-valued options as lists) and typed on access, so
 * that one registry of options serves the command line, {@code agent.cfg} and {@code --help}. Construction
 * goes through {@link ConfigLoader}, which has already checked every value against its option's kind.
 */
public final class AgentConfig {
  private final Map<String, List<String>> values;

  AgentConfig(Map<String, List<String>> values) {
    this.values = Map.copyOf(new TreeMap<>(values));
  }

  /** A configuration holding only these values, for tests and tools; no validation. */
  public static AgentConfig of(Map<String, List<String>> values) {
    return new AgentConfig(values);
  }

  /** The single value of an option, if set. */
  public Optional<String> string(String key) {
    List<String> v = values.get(key);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Every value of an option (comma lists already split), empty when unset. */
  public List<String> list(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** A flag: true when set to a true value ({@code 1}, {@code yes}, {@code true}, {@code on}). */
  public boolean flag(String key) {
    return string(key).map(OptionKind::isTrue).orElse(false);
  }

  /** An integer option; the loader has checked it parses. */
  public Optional<Long> integer(String key) {
    return string(key).map(Long::parseLong);
  }

  /** An integer option read as seconds. */
  public Optional<Duration> seconds(String key) {
    return integer(key).map(Duration::ofSeconds);
  }

  /** Whether the option was given at all (including an explicit default). */
  public boolean isSet(String key) {
    return values.containsKey(key);
  }

  /** A copy with some values replaced, for per-run overrides such as the server's {@code no-category}. */
  public AgentConfig with(String key, List<String> value) {
    Map<String, List<String>> copy = new TreeMap<>(values);
    copy.put(key, List.copyOf(value));
    return new AgentConfig(copy);
  }

  /** All values, for diagnostics; secrets must be masked by the caller with {@link Options#isSecret}. */
  public Map<String, List<String>> asMap() {
    return values;
  }
}
