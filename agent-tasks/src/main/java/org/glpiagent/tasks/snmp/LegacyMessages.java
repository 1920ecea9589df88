package org.glpiagent.tasks.snmp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.glpiagent.task.TaskContext;
import org.glpiagent.task.TaskException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the network tasks hand a message of the legacy protocol ({@code NETDISCOVERY}, {@code SNMPQUERY}) to the sink. */
public final class LegacyMessages {
  private static final Logger log = LoggerFactory.getLogger(LegacyMessages.class);

  private LegacyMessages() {}

  /** Delivers one message; a failure to deliver stops the task with the reason. */
  public static void send(TaskContext context, String query, ObjectNode content) throws TaskException {
    try {
      context.sink().legacy(query, content);
    } catch (IOException e) {
      throw new TaskException(query.toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage(), e);
    }
  }

  /** Delivers a last message (EXIT) on the way out: a failure is only logged. */
  public static void sendQuietly(TaskContext context, String query, ObjectNode content) {
    try {
      context.sink().legacy(query, content);
    } catch (IOException e) {
      log.warn("{}: EXIT not delivered: {}", query.toLowerCase(java.util.Locale.ROOT), e.getMessage());
    }
  }
}
