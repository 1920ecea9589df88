package org.glpiagent.tasks.netinventory;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import org.glpiagent.protocol.Json;
import org.glpiagent.protocol.Prolog;
import org.glpiagent.protocol.ProtocolException;
import org.glpiagent.protocol.XmlTree;
import org.glpiagent.target.ScheduledTasks;
import org.glpiagent.task.TaskException;

/**
 * Network inventory jobs from any bytes, as a PROLOG reply ({@code <...}: its {@code SNMPQUERY} options) or as a
 * tasks document of the task scheduling protocol (anything else): each job is read or refused with
 * {@link TaskException} (the document itself with {@link ProtocolException}), nothing else. Seeds: glpiinventory's
 * PROLOG replies and tasks documents of the protocol's examples.
 */
class QueryJobsFuzzTest {
  @FuzzTest
  void jobs(byte[] input) {
    try {
      if (input.length > 0 && input[0] == '<') {
        for (JsonNode option : Prolog.Reply.parse(XmlTree.parse(input)).options()) {
          if ("SNMPQUERY".equals(option.path("NAME").asText())) {
            try {
              QueryJob.fromOption(option, new ArrayList<>());
            } catch (TaskException refused) {
              // a clear refusal of one job is a valid outcome
            }
          }
        }
      } else {
        QueryJob.fromTasks(ScheduledTasks.tasksOf(Json.readObject(input, "fuzz"), "fuzz"));
      }
    } catch (ProtocolException | TaskException refused) {
      // idem
    }
  }
}
