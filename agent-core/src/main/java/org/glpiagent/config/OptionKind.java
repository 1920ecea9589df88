package org.glpiagent.config;

import java.util.Locale;
import java.util.Set;

/** What values an option accepts; the loader checks every value against its kind. */
public enum OptionKind {
  /** On or off; {@code 1/0}, {@code yes/no}, {@code true/false}, {@code on/off}. */
  FLAG,
  /** A whole number of at least zero. */
  INTEGER,
  /** Free text. */
  STRING,
  /** A file system path, made absolute by the loader. */
  PATH,
  /** A comma separated list of strings. */
  LIST;

  private static final Set<String> TRUE = Set.of("1", "yes", "true", "on");
  private static final Set<String> FALSE = Set.of("0", "no", "false", "off", "");

  /** Whether a flag value means on. */
  public static boolean isTrue(String value) {
    return TRUE.contains(value.trim().toLowerCase(Locale.ROOT));
  }

  /** Whether a flag value is one of the accepted spellings. */
  public static boolean isFlagValue(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return TRUE.contains(v) || FALSE.contains(v);
  }
}
