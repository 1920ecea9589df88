package org.glpiagent.protocol;

import java.util.Locale;
import java.util.Optional;

/** The {@code status} of a GLPI protocol answer. */
public enum AnswerStatus {
  OK,
  PENDING,
  ERROR;

  /** The status of that wire token, empty for anything else. */
  public static Optional<AnswerStatus> of(String token) {
    if (token == null) {
      return Optional.empty();
    }
    return switch (token.trim().toLowerCase(Locale.ROOT)) {
      case "ok" -> Optional.of(OK);
      case "pending" -> Optional.of(PENDING);
      case "error" -> Optional.of(ERROR);
      default -> Optional.empty();
    };
  }
}
