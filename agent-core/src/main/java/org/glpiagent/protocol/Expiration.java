package org.glpiagent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code expiration} a server sets on an answer: a delay before the agent may send the next message of
 * that kind.
 *
 * <p>GLPI sends it as an int ({@code 24}), a numeric string ({@code "24"}) or, as the protocol allows, a number
 * with a unit ({@code "30s"}, {@code "5m"}, {@code "6h"}, {@code "1d"}). A number without a unit means hours.
 */
public final class Expiration {
  private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*([smhdSMHD]?)\\s*");

  private static final long MAX = 999_999_999;

  private Expiration() {}

  /** Parses one of the accepted forms; empty when absent or malformed. */
  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "d" -> Duration.ofDays(n);
          default -> Duration.ofHours(n);
        });
  }

  /** Reads the field from a JSON answer, whether a number or a string. */
  public static Optional<Duration> of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Optional.empty();
    }
    if (node.isIntegralNumber()) {
      // the same bound as the text form's nine digits: a larger number (up to a 100-digit one, seen fuzzing) is
      // no delay, and Duration.ofHours would overflow on it
      if (!node.canConvertToLong() || node.asLong() < 0 || node.asLong() > MAX) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofHours(node.asLong()));
    }
    return node.isTextual() ? parse(node.asText()) : Optional.empty();
  }
}
