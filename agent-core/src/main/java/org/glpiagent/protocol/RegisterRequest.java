package org.glpiagent.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * The REGISTER messages of the agent: the first one, which names the agent, and the answer to a
 * token-validation challenge ({@link #challenge}).
 */
public final class RegisterRequest {
  private RegisterRequest() {}

  /** What {@code challenge} says when the agent cannot or will not answer the server's challenge. */
  public static final String FAILURE = "failure";

  /**
   * {@code {"action":"register","deviceid","port","name","version","tag"}}.
   *
   * @param port the agent's listening port, 0 when it does not listen
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"action", "deviceid", "port", "name", "version", "tag"})
  public record First(
      @JsonProperty("deviceid") String deviceId,
      @JsonProperty("port") int port,
      @JsonProperty("name") String name,
      @JsonProperty("version") String version,
      @JsonProperty("tag") String tag) {
    public First {
      Objects.requireNonNull(deviceId, "deviceid");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
    }

    @JsonProperty("action")
    public String action() {
      return "register";
    }
  }

  /** {@code {"action":"register","challenge":"<uuid>"|"failure"}}. */
  @JsonPropertyOrder({"action", "challenge"})
  public record Challenge(@JsonProperty("challenge") String challenge) {
    public Challenge {
      Objects.requireNonNull(challenge, "challenge");
    }

    @JsonProperty("action")
    public String action() {
      return "register";
    }

    /** The message that refuses the server's challenge. */
    public static Challenge failure() {
      return new Challenge(FAILURE);
    }
  }
}
