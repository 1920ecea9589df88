package org.glpiagent.tasks.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.snmp4j.PDU;
import org.snmp4j.SNMP4JSettings;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.smi.VariableBinding;

/**
 * An SNMP answer from any bytes: each value of a PDU that SNMP4J decodes becomes text ({@link SnmpClient#text}:
 * strings, hex octets, time ticks) without throwing. A PDU SNMP4J cannot decode is dropped: its message dispatcher
 * ({@code MessageDispatcherImpl.processMessage}) catches the IOException or runtime exception of the decoding (an
 * unknown value type throws IllegalArgumentException) unless {@code SNMP4JSettings.forwardRuntimeExceptions}, which
 * is off, and the request then times out. Seeds: GET and GETBULK responses (system group, interfaces, an error)
 * encoded by SNMP4J.
 */
class SnmpAnswerFuzzTest {
  @FuzzTest
  void pdu(byte[] ber) {
    assertThat(SNMP4JSettings.isForwardRuntimeExceptions()).isFalse();
    PDU pdu = new PDU();
    try {
      pdu.decodeBER(new BERInputStream(ByteBuffer.wrap(ber)));
    } catch (IOException | RuntimeException dropped) {
      return;
    }
    for (VariableBinding vb : pdu.getVariableBindings()) {
      assertThat(SnmpClient.text(vb)).isNotNull();
    }
  }
}
