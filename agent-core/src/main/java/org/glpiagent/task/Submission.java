package org.glpiagent.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One document a task hands over for delivery: an inventory of a computer or a network device.
 *
 * @param action the protocol action, {@code inventory}, {@code netdiscovery} or {@code netinventory}
 * @param itemtype {@code Computer}, {@code NetworkEquipment}, {@code Printer}...
 * @param partial whether the content holds only some sections
 * @param content the {@code content} object of inventory_format, starting with {@code versionclient}
 * @param jobId the server's job id, for network tasks
 */
public record Submission(String action, String itemtype, boolean partial, ObjectNode content, OptionalLong jobId) {
  public Submission {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(itemtype, "itemtype");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(jobId, "jobId");
  }

  /** A full computer inventory. */
  public static Submission computer(ObjectNode content) {
    return new Submission("inventory", "Computer", false, content, OptionalLong.empty());
  }
}
