package org.glpiagent.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Control-channel messages from any text: {@link ControlMessage#parse} returns a message or throws
 * {@link ControlMessage.Invalid} (answered {@code invalid}), nothing else; and a message read writes back to one
 * that reads the same. Seeds: requests and answers of the taskmaster format.
 */
class ControlMessageFuzzTest {
  @FuzzTest
  void parse(byte[] bytes) throws ControlMessage.Invalid {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.endsWith(ControlMessage.END)) {
      text = text.substring(0, text.length() - ControlMessage.END.length());
    }
    for (String kindField : new String[] {"command", "response"}) {
      ControlMessage m;
      try {
        m = ControlMessage.parse(text, kindField);
      } catch (ControlMessage.Invalid refused) {
        continue;
      }
      String wire = m.write(kindField);
      assertThat(wire).endsWith(ControlMessage.END);
      if (wire.length() <= ControlMessage.MAX_BYTES) { // base64 of text that was not UTF-8 grows when written back
        assertThat(ControlMessage.parse(wire.substring(0, wire.length() - 2), kindField)).isEqualTo(m);
      }
    }
  }
}
