package org.glpiagent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The legacy XML PROLOG exchange: the request every FusionInventory-era server understands, and its reply
 * carrying {@code PROLOG_FREQ} (hours), {@code RESPONSE} and the glpiinventory plugin's job {@code OPTION}s.
 */
public final class Prolog {
  private Prolog() {}

  /** The PROLOG request, as glpi-agent writes it (keys sorted, {@code TOKEN} 12345678). */
  public static byte[] request(String deviceId) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("DEVICEID", deviceId);
    r.put("QUERY", "PROLOG");
    r.put("TOKEN", "12345678");
    return XmlWriter.request(r);
  }

  /**
   * A PROLOG reply.
   *
   * @param frequency {@code PROLOG_FREQ} read as hours
   * @param sendInventory whether {@code RESPONSE} is {@code SEND}
   * @param options the {@code OPTION} blocks, each as a tree
   */
  public record Reply(Optional<Duration> frequency, boolean sendInventory, List<JsonNode> options) {
    public Reply {
      options = List.copyOf(options);
    }

    /** Reads a reply; a root other than {@code REPLY} is a {@link ProtocolException}. */
    public static Reply parse(XmlTree tree) throws ProtocolException {
      if (!"REPLY".equals(tree.rootName())) {
        throw new ProtocolException("PROLOG answer with root <" + tree.rootName() + ">, not <REPLY>");
      }
      if (tree.text("ERROR").isPresent()) {
        throw new ProtocolException("PROLOG refused: " + tree.text("ERROR").get());
      }
      return new Reply(
          tree.text("PROLOG_FREQ").flatMap(f -> Expiration.parse(f.replaceAll("\\D.*", ""))),
          tree.text("RESPONSE").map("SEND"::equalsIgnoreCase).orElse(false),
          tree.all("OPTION").stream().filter(JsonNode::isObject).toList());
    }
  }
}
