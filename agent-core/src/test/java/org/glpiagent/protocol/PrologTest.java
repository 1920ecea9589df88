package org.glpiagent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrologTest {
  private static Prolog.Reply reply(String xml) throws ProtocolException {
    return Prolog.Reply.parse(XmlTree.parse(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void requestIsWhatGlpiAgentSends() {
    assertThat(new String(Prolog.request("mypc-2024-10-18-16-44-47"), StandardCharsets.UTF_8))
        .isEqualTo(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <REQUEST>
              <DEVICEID>mypc-2024-10-18-16-44-47</DEVICEID>
              <QUERY>PROLOG</QUERY>
              <TOKEN>12345678</TOKEN>
            </REQUEST>
            """);
  }

  @Test
  void coreReplyGivesFrequencyInHoursAndSend() throws Exception {
    Prolog.Reply r =
        reply("<?xml version=\"1.0\"?>\n<REPLY><PROLOG_FREQ>24</PROLOG_FREQ><RESPONSE>SEND</RESPONSE></REPLY>");
    assertThat(r.frequency()).contains(Duration.ofHours(24));
    assertThat(r.sendInventory()).isTrue();
    assertThat(r.options()).isEmpty();
  }

  @Test
  void pluginOptionsReadTheSameAsAttributesOrElements() throws Exception {
    Prolog.Reply r =
        reply(
            "<?xml version=\"1.0\"?>\n<REPLY><PROLOG_FREQ>24</PROLOG_FREQ><RESPONSE>SEND</RESPONSE><OPTION><NAME>NETDISCOVERY</NAME><PARAM THREADS_DISCOVERY=\"20\" TIMEOUT=\"1\" PID=\"42\"/><RANGEIP ID=\"1\" IPSTART=\"192.168.1.1\" IPEND=\"192.168.1.254\" ENTITY=\"0\"/><AUTHENTICATION><ID>1</ID><VERSION>1</VERSION><COMMUNITY>public</COMMUNITY></AUTHENTICATION><AUTHENTICATION ID=\"2\" VERSION=\"2c\" COMMUNITY=\"private\"/></OPTION><OPTION><NAME>SNMPQUERY</NAME><PARAM THREADS_QUERY=\"10\" TIMEOUT=\"15\" PID=\"7\"/></OPTION></REPLY>");
    assertThat(r.options()).hasSize(2);
    JsonNode nd = r.options().get(0);
    assertThat(nd.path("NAME").asText()).isEqualTo("NETDISCOVERY");
    assertThat(nd.path("PARAM").path("PID").asText()).isEqualTo("42");
    assertThat(nd.path("RANGEIP").path("IPEND").asText()).isEqualTo("192.168.1.254");
    assertThat(XmlTree.asList(nd.path("AUTHENTICATION")))
        .extracting(a -> a.path("COMMUNITY").asText())
        .containsExactly("public", "private");
  }

  @Test
  void errorReplyAndForeignRootAreRefused() {
    assertThatThrownBy(() -> reply("<REPLY><ERROR><![CDATA[XML not well formed!]]></ERROR></REPLY>"))
        .hasMessageContaining("XML not well formed!");
    assertThatThrownBy(() -> reply("<html><body>hi</body></html>")).hasMessageContaining("<html>");
  }

  @Test
  void malformedXmlAndEntitiesAreRefused() {
    assertThatThrownBy(() -> reply("<REPLY><PROLOG_FREQ>24</REPLY>")).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(
            () ->
                reply(
                    "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><REPLY>&x;</REPLY>"))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void legacyInventoryUsesUpperCaseNamesAndTheTagAsAccountInfo() {
    var content = Json.MAPPER.createObjectNode();
    content.put("versionclient", "v");
    content.putArray("cpus").addObject().put("name", "a<b");
    String xml = new String(InventoryMessage.xml("d", java.util.Optional.of("t1"), content), StandardCharsets.UTF_8);
    assertThat(xml)
        .contains("<QUERY>INVENTORY</QUERY>")
        .contains("<DEVICEID>d</DEVICEID>")
        .contains("<CPUS>")
        .contains("<NAME>a&lt;b</NAME>")
        .contains("<KEYNAME>TAG</KEYNAME>")
        .contains("<KEYVALUE>t1</KEYVALUE>")
        .contains("<VERSIONCLIENT>v</VERSIONCLIENT>");
  }
}
