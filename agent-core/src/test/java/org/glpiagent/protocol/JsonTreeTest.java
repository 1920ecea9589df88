package org.glpiagent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTreeTest {
  private static final String SAMPLE =
      "{\"a\":1,\"big\":12345678901234,\"huge\":123456789012345678901234567890,\"f\":2.5,\"t\":true,"
          + "\"n\":null,\"s\":\"é \\\"q\\\" \\u0001\",\"list\":[1,{\"x\":[]},[],{}],\"o\":{\"k\":\"v\"}}";

  @Test
  void readsWhatTheMapperReadsAndWritesTheSameBytes() throws Exception {
    JsonNode ours = JsonTree.read(SAMPLE.getBytes(StandardCharsets.UTF_8));
    JsonNode mapper = Json.MAPPER.readTree(SAMPLE);
    assertThat(ours).isEqualTo(mapper);
    assertThat(ours.get("huge").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(JsonTree.write(ours, false)).isEqualTo(Json.MAPPER.writeValueAsBytes(mapper));
    assertThat(JsonTree.write(ours, true)).isEqualTo(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(mapper));
    assertThat(JsonTree.text(ours)).isEqualTo(mapper.toString());
  }

  @Test
  void badInputIsAnIoExceptionNeverAnotherFailure() {
    for (String bad : new String[] {"", "   ", "{", "[1,", "{\"a\" 1}", "nul", "\"unterminated", "{\"a\":1,}"}) {
      assertThatThrownBy(() -> JsonTree.read(bad)).as(bad).isInstanceOf(IOException.class);
    }
    String deep = "[".repeat(500) + "]".repeat(500);
    assertThatThrownBy(() -> JsonTree.read(deep)).as("nesting beyond 200").isInstanceOf(IOException.class);
  }

  @Test
  void aDuplicateKeyKeepsTheLastValueAsTheMapperDoes() throws Exception {
    assertThat(JsonTree.read("{\"a\":1,\"a\":2}")).isEqualTo(Json.MAPPER.readTree("{\"a\":1,\"a\":2}"));
  }
}
