package org.glpiagent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.glpiagent.target.ScheduledTasks;

/**
 * The JSON answers of a server (CONTACT, REGISTER, inventory and error answers, the tasks API) from any bytes: each
 * reader returns an answer or throws {@link ProtocolException}, nothing else. Seeds: answers GLPI 11 sent.
 */
class JsonAnswersFuzzTest {
  @FuzzTest
  void answers(byte[] body) {
    JsonNode node;
    try {
      node = Json.readObject(body, "fuzzed answer");
    } catch (ProtocolException notJson) {
      return;
    }
    try {
      ContactAnswer a = ContactAnswer.parse(node);
      assertThat(a.status() != AnswerStatus.OK || a.expiration().isPresent()).isTrue();
      a.servedByPlugin();
    } catch (ProtocolException refused) {
      // a clear refusal is a valid outcome
    }
    try {
      ServerAnswer.fromJson(node).isBusy();
    } catch (ProtocolException refused) {
      // idem
    }
    try {
      RegisterAnswer.parse(node);
    } catch (ProtocolException refused) {
      // idem
    }
    try {
      ScheduledTasks.tasksOf(node, "fuzzed tasks answer");
    } catch (ProtocolException refused) {
      // idem
    }
  }
}
