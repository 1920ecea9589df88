package org.glpiagent.client;

import java.util.Objects;

/**
 * An outgoing message before compression.
 *
 * @param body the JSON or XML bytes, UTF-8
 * @param format which of the two it is; decides the uncompressed {@code Content-Type}
 * @param options per-request header choices
 */
public record Message(byte[] body, Format format, RequestOptions options) {
  public Message {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(options, "options");
  }

  /** The two payload formats GLPI understands. */
  public enum Format {
    JSON,
    XML
  }

  /** A JSON message with the agent id header, as every GLPI protocol message. */
  public static Message json(byte[] body) {
    return new Message(body, Format.JSON, RequestOptions.DEFAULT);
  }

  /** An XML message; {@code withAgentId} decides whether {@code GLPI-Agent-ID} is sent. */
  public static Message xml(byte[] body, boolean withAgentId) {
    return new Message(body, Format.XML, withAgentId ? RequestOptions.DEFAULT : RequestOptions.WITHOUT_AGENT_ID);
  }
}
