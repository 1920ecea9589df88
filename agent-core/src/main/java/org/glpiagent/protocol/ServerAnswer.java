package org.glpiagent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * The common shape of GLPI answers other than CONTACT: a status, a message and an expiration.
 *
 * <p>Read from JSON ({@code {"status":"error","message":"busy server","expiration":"30m"}}) or from the legacy
 * XML ({@code <REPLY><RESPONSE>SEND</RESPONSE></REPLY>}, {@code <REPLY><ERROR>...</ERROR></REPLY>},
 * {@code <REPLY/>}).
 *
 * @param status the status; legacy {@code RESPONSE}/empty replies count as ok
 * @param message the server's message, if any
 * @param expiration the delay the server asks for, if any
 */
public record ServerAnswer(AnswerStatus status, Optional<String> message, Optional<Duration> expiration) {

  /** Reads a JSON answer; GLPI's plain {@code {"RESPONSE":"SEND"}} counts as ok. */
  public static ServerAnswer fromJson(JsonNode node) throws ProtocolException {
    Optional<AnswerStatus> status = AnswerStatus.of(node.path("status").asText(null));
    if (status.isEmpty() && node.has("RESPONSE")) {
      status = Optional.of(AnswerStatus.OK);
    }
    return new ServerAnswer(
        status.orElseThrow(() -> new ProtocolException("answer without a valid status")),
        ContactAnswer.text(node.get("message")),
        Expiration.of(node.get("expiration")));
  }

  /** Reads a legacy XML reply. */
  public static ServerAnswer fromXml(XmlTree reply) {
    Optional<String> error = reply.text("ERROR");
    if (error.isPresent()) {
      return new ServerAnswer(AnswerStatus.ERROR, error, Optional.empty());
    }
    Optional<AnswerStatus> status = reply.text("status").flatMap(AnswerStatus::of);
    return new ServerAnswer(
        status.orElse(AnswerStatus.OK), Optional.empty(), reply.text("expiration").flatMap(Expiration::parse));
  }

  /** Whether the server says it is too busy and the same message should be sent again later. */
  public boolean isBusy() {
    return status == AnswerStatus.ERROR && message.map(m -> m.toLowerCase().contains("busy")).orElse(false);
  }
}
