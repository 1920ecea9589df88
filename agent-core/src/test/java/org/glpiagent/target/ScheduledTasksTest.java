package org.glpiagent.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.glpiagent.protocol.Json;
import org.junit.jupiter.api.Test;

class ScheduledTasksTest {
  private static JsonNode doc(String json) throws Exception {
    return Json.MAPPER.readTree(json);
  }

  @Test
  void nextContactTimeIsSecondsSinceTheEpochAsANumberOrText() throws Exception {
    assertThat(ScheduledTasks.nextContactOf(doc("{\"nextContactTime\":1424763734}"))).contains(Instant.ofEpochSecond(1424763734));
    assertThat(ScheduledTasks.nextContactOf(doc("{\"nextContactTime\":\" 1424763734 \"}"))).contains(Instant.ofEpochSecond(1424763734));
  }

  @Test
  void anythingElseIsNoNextContact() throws Exception {
    for (String bad : new String[] {"{}", "{\"nextContactTime\":null}", "{\"nextContactTime\":\"soon\"}", "{\"nextContactTime\":-5}",
        "{\"nextContactTime\":0}", "{\"nextContactTime\":99999999999999999999}", "{\"nextContactTime\":[1]}"}) {
      assertThat(ScheduledTasks.nextContactOf(doc(bad))).as(bad).isEmpty();
    }
  }

  @Test
  void aDocumentWithoutATasksArrayIsAClearError() throws Exception {
    assertThatThrownBy(() -> ScheduledTasks.tasksOf(doc("{\"tasks\":{}}"), "tasks answer")).hasMessageContaining("no \"tasks\" array");
  }
}
