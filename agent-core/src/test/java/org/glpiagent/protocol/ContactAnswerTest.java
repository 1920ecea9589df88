package org.glpiagent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ContactAnswerTest {
  private static ContactAnswer parse(String json) throws ProtocolException {
    return ContactAnswer.parse(Json.readObject(json.getBytes(StandardCharsets.UTF_8), "test"));
  }

  @Test
  void readsTheCoreOnlyAnswerOfGlpi11() throws Exception {
    ContactAnswer a =
        parse(
            "{\"message\":\"remoteinventory task not supported;deploy task not supported\",\"disabled\":[\"remoteinventory\",\"deploy\"],\"expiration\":\"24\",\"status\":\"ok\",\"tasks\":{\"inventory\":{\"server\":\"glpi\",\"version\":\"11.0.1\"}}}");
    assertThat(a.status()).isEqualTo(AnswerStatus.OK);
    assertThat(a.expiration()).contains(Duration.ofHours(24));
    assertThat(a.disabled()).containsExactly("remoteinventory", "deploy");
    assertThat(a.tasks().get("inventory").path("version").asText()).isEqualTo("11.0.1");
    assertThat(a.servedByPlugin()).isFalse();
  }

  @Test
  void pluginServedTasksAreSeen() throws Exception {
    ContactAnswer a =
        parse(
            "{\"expiration\":24,\"status\":\"ok\",\"tasks\":{\"inventory\":{\"server\":\"glpi\"},\"netdiscovery\":{\"version\":\"1.6.10\",\"server\":\"glpiinventory\"}}}");
    assertThat(a.servedByPlugin()).isTrue();
  }

  @Test
  void disabledMayBeACommaString() throws Exception {
    assertThat(parse("{\"status\":\"ok\",\"expiration\":\"1d\",\"disabled\":\"deploy, collect\"}").disabled())
        .containsExactly("deploy", "collect");
  }

  @Test
  void jobsAndCredentialsOfTheSpecArePassedOn() throws Exception {
    ContactAnswer a =
        parse(
            "{\"status\":\"ok\",\"expiration\":\"1d\",\"jobs\":{\"networkinventory\":[{\"jobid\":\"j\"}]},\"credentials\":{\"1\":{\"community\":\"public\"}}}");
    assertThat(a.jobs().path("networkinventory").get(0).path("jobid").asText()).isEqualTo("j");
    assertThat(a.credentials().path("1").path("community").asText()).isEqualTo("public");
  }

  @Test
  void answersWithoutStatusOrExpirationAreNotContactAnswers() {
    assertThatThrownBy(() -> parse("{\"expiration\":\"24\"}")).hasMessageContaining("status");
    assertThatThrownBy(() -> parse("{\"status\":\"ok\"}")).hasMessageContaining("expiration");
    assertThatThrownBy(() -> parse("{\"status\":\"maybe\",\"expiration\":1}")).hasMessageContaining("status");
  }

  @Test
  void malformedJsonIsAProtocolError() {
    assertThatThrownBy(() -> Json.readObject("{\"status\":".getBytes(StandardCharsets.UTF_8), "CONTACT answer"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("CONTACT answer: malformed JSON");
    assertThatThrownBy(() -> Json.readObject("[1,2]".getBytes(StandardCharsets.UTF_8), "x"))
        .hasMessageContaining("not a JSON object");
  }
}
