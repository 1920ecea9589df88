package org.glpiagent.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The INVENTORY message: the document GLPI validates against inventory_format, and its legacy XML form.
 *
 * <p>Only the keys the schema allows at the top level are written ({@code action}, {@code deviceid},
 * {@code itemtype}, {@code partial}, {@code jobid}, {@code tag}, {@code content}): GLPI rejects any other.
 */
public final class InventoryMessage {
  private InventoryMessage() {}

  /** The JSON message. */
  public static ObjectNode json(
      String action,
      String deviceId,
      String itemtype,
      boolean partial,
      OptionalLong jobId,
      Optional<String> tag,
      ObjectNode content) {
    ObjectNode m = JsonTree.object();
    m.put("action", action);
    m.put("deviceid", deviceId);
    m.put("itemtype", itemtype);
    if (partial) {
      m.put("partial", true);
    }
    jobId.ifPresent(id -> m.put("jobid", id));
    tag.filter(t -> !t.isBlank()).ifPresent(t -> m.put("tag", t));
    m.set("content", content);
    return m;
  }

  /**
   * The legacy XML inventory ({@code QUERY=INVENTORY}) for servers that do not speak JSON: the content with
   * upper-case element names, the tag as {@code ACCOUNTINFO}.
   */
  public static byte[] xml(String deviceId, Optional<String> tag, ObjectNode content) {
    ObjectNode c = content.deepCopy();
    tag.filter(t -> !t.isBlank())
        .ifPresent(
            t -> {
              ObjectNode info = c.putObject("ACCOUNTINFO");
              info.put("KEYNAME", "TAG");
              info.put("KEYVALUE", t);
            });
    ObjectNode r = JsonTree.object();
    r.set("CONTENT", c);
    r.put("DEVICEID", deviceId);
    r.put("QUERY", "INVENTORY");
    return XmlWriter.inventoryRequest(r);
  }
}
