package org.glpiagent.protocol;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The one Jackson configuration used for every JSON message the agent reads or writes. */
public final class Json {
  /** Shared, thread-safe mapper: unknown fields ignored, no pretty printing on the wire. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
  }

  private Json() {}

  /** Parses a JSON document; a body that is not a JSON object is a {@link ProtocolException}. */
  public static JsonNode readObject(byte[] body, String what) throws ProtocolException {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new ProtocolException(what + ": not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new ProtocolException(what + ": malformed JSON (" + firstLine(e.getMessage()) + ")");
    }
  }

  /** Serialises a message for the wire. */
  public static byte[] write(Object message) {
    try {
      return MAPPER.writeValueAsBytes(message);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise " + message.getClass().getSimpleName(), e);
    }
  }

  static String firstLine(String text) {
    if (text == null) {
      return "no detail";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
