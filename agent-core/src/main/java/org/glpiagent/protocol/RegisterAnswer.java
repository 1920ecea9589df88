package org.glpiagent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A server's answer to a REGISTER message.
 *
 * @param status {@code registered}, {@code error} or {@code pending}
 * @param message the server's reason, for the log
 * @param expiration what it means depends on the status: renew before it, keep silent until it, answer before
 *     it, or ask again at it
 * @param needs with {@code pending}: what the server waits for
 * @param challenge a token-validation challenge, or the final challenge, as UUID text (checked by the reader)
 * @param crypto the communication key encrypted with the token, as UUID text
 */
public record RegisterAnswer(
    Status status,
    Optional<String> message,
    Optional<Duration> expiration,
    Optional<Needs> needs,
    Optional<String> challenge,
    Optional<String> crypto) {

  /** The {@code status} of a REGISTER answer. */
  public enum Status {
    REGISTERED,
    ERROR,
    PENDING
  }

  /** The {@code needs} of a {@code pending} answer. */
  public enum Needs {
    TOKEN_VALIDATION,
    MANUAL_VALIDATION,
    SERVER_VALIDATION;

    /** The wire token ({@code token-validation}...). */
    public String wire() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Reads an answer; an unknown status or {@code needs} is a {@link ProtocolException}. */
  public static RegisterAnswer parse(JsonNode node) throws ProtocolException {
    String s = node.path("status").asText("");
    Status status =
        switch (s.trim().toLowerCase(Locale.ROOT)) {
          case "registered" -> Status.REGISTERED;
          case "error" -> Status.ERROR;
          case "pending" -> Status.PENDING;
          default -> throw new ProtocolException("REGISTER answer without a valid status (" + shorten(s) + ")");
        };
    Optional<Needs> needs = Optional.empty();
    if (node.hasNonNull("needs")) {
      String n = node.get("needs").asText();
      needs = switch (n.trim().toLowerCase(Locale.ROOT)) {
        case "token-validation" -> Optional.of(Needs.TOKEN_VALIDATION);
        case "manual-validation" -> Optional.of(Needs.MANUAL_VALIDATION);
        case "server-validation" -> Optional.of(Needs.SERVER_VALIDATION);
        default -> throw new ProtocolException("REGISTER answer needs something unknown (" + shorten(n) + ")");
      };
    }
    return new RegisterAnswer(
        status,
        ContactAnswer.text(node.get("message")),
        Expiration.of(node.get("expiration")),
        needs,
        ContactAnswer.text(node.get("challenge")),
        ContactAnswer.text(node.get("crypto")));
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
