package org.glpiagent.tasks.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import org.glpiagent.testkit.LocalSnmpd;
import org.junit.jupiter.api.Test;

class WalkTest {
  private static WalkFile fixture() throws Exception {
    return WalkFile.parse(Files.readString(Path.of("src/test/resources/snmp/walks/net-snmp-5.9-linux.walk")));
  }

  @Test
  void aRecordedWalkReadsBackLikeTheLiveClient() throws Exception {
    WalkFile w = fixture();
    var system = w.get(List.of("1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.99.0"));
    assertThat(system).containsEntry("1.3.6.1.2.1.1.5.0", "walk-capture")
        .containsEntry(".1.3.6.1.2.1.1.2.0", "1.3.6.1.4.1.8072.3.2.10")
        .containsEntry("1.3.6.1.2.1.1.3.0", "1.02 second")
        .doesNotContainKey("1.3.6.1.2.1.1.99.0");
    SortedMap<String, String> ifDescr = w.walk("1.3.6.1.2.1.2.2.1.2");
    assertThat(ifDescr.values()).contains("lo", "eth0");
    assertThat(w.walk("1.3.6.1.2.1.2.2.1.6").values()).contains("02:fc:00:00:00:01");
    // numeric order, not text order: .10 after .9
    assertThat(WalkFile.compareOids("1.3.6.1.2.1.1.9.1.2.10", "1.3.6.1.2.1.1.9.1.2.9")).isPositive();
  }

  @Test
  void valuesOfEveryTypeAndMultiLineStrings() {
    WalkFile w = WalkFile.parse(String.join("\n",
        ".1.3.6.1.2.1.1.1.0 = STRING: \"first line",
        "second line\"",
        ".1.3.6.1.2.1.2.2.1.6.2 = Hex-STRING: 00 1A 2B 3C 4D 5E ",
        ".1.3.6.1.2.1.2.2.1.8.2 = INTEGER: up(1)",
        ".1.3.6.1.2.1.2.2.1.10.2 = Counter32: 12345",
        ".1.3.6.1.2.1.4.20.1.1.127.0.0.1 = IpAddress: 127.0.0.1",
        ".1.3.6.1.2.1.1.4.0 = \"\"",
        "not a walk line",
        ".1.3.6.1.2.1.99 = No more variables left in this MIB View (It is past the end of the MIB tree)"));
    assertThat(w.get(List.of("1.3.6.1.2.1.1.1.0")).get("1.3.6.1.2.1.1.1.0")).isEqualTo("first line\nsecond line");
    assertThat(w.walk("1.3.6.1.2.1.2.2.1").values()).containsExactly("00:1a:2b:3c:4d:5e", "1", "12345");
    assertThat(w.get(List.of("1.3.6.1.2.1.4.20.1.1.127.0.0.1")).values()).containsExactly("127.0.0.1");
    assertThat(w.get(List.of("1.3.6.1.2.1.1.4.0")).values()).containsExactly("");
  }

  @Test
  void liveWalksWithGetbulkAndGetnextAgree() throws Exception {
    assumeTrue(LocalSnmpd.available(), "snmpd is not installed (apt-get install snmpd snmp)");
    LocalSnmpd snmpd = LocalSnmpd.shared();
    try (SnmpClient c = new SnmpClient()) {
      InetAddress ip = InetAddress.getLoopbackAddress();
      SortedMap<String, String> bulk = c.walk(ip, snmpd.port(), Credential.community("1", Credential.Version.V2C, "public"),
          "1.3.6.1.2.1.2.2.1", Duration.ofSeconds(2), 0, 10_000).get();
      SortedMap<String, String> next = c.walk(ip, snmpd.port(), Credential.community("1", Credential.Version.V1, "public"),
          "1.3.6.1.2.1.2.2.1", Duration.ofSeconds(2), 0, 10_000).get();
      assertThat(bulk).isNotEmpty();
      assertThat(bulk.keySet()).isEqualTo(next.keySet());
      assertThat(bulk.keySet()).allMatch(k -> k.startsWith("1.3.6.1.2.1.2.2.1."));
      SortedMap<String, String> capped = c.walk(ip, snmpd.port(), Credential.community("1", Credential.Version.V2C, "public"),
          "1.3.6.1.2.1.2.2.1", Duration.ofSeconds(2), 0, 5).get();
      assertThat(capped).hasSize(5);
      SortedMap<String, String> system = c.walk(ip, snmpd.port(), Credential.community("1", Credential.Version.V2C, "public"),
          "1.3.6.1.2.1.1", Duration.ofSeconds(2), 0, 10_000).get();
      assertThat(system).containsEntry("1.3.6.1.2.1.1.5.0", LocalSnmpd.NAME);
    }
  }

  @org.junit.jupiter.api.Test
  void anArcLongerThanALongIsOrderedInsteadOfThrowing() {
    // found fuzzing: a 100-digit arc made Long.parseLong throw out of the walk's map
    WalkFile w = WalkFile.parse(".1.3.6.1.2.1.1.5.0 = STRING: \"a\"\n"
        + ".1.3.6.1.2.1.1.99999999999999999999999.0 = STRING: \"b\"\n.1.3.6.1.2.1.1.10.0 = INTEGER: 3\n");
    org.assertj.core.api.Assertions.assertThat(w.walk("1.3.6.1.2.1.1").keySet())
        .containsExactly("1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.10.0", "1.3.6.1.2.1.1.99999999999999999999999.0");
    org.assertj.core.api.Assertions.assertThat(w.get(java.util.List.of("1.3.6.1.2.1.1.99999999999999999999999.0")))
        .containsValue("b");
    org.assertj.core.api.Assertions.assertThat(WalkFile.compareOids("1.010", "1.10")).isZero();
    org.assertj.core.api.Assertions.assertThat(WalkFile.compareOids("1.9", "1.10")).isNegative();
  }

  @org.junit.jupiter.api.Test
  void anIntegersUnitAfterATabIsDroppedLikeAfterASpace() {
    // found fuzzing: "INTEGER: 524288\tKBytes" threw StringIndexOutOfBoundsException (indexOf(' ') was -1)
    WalkFile w = WalkFile.parse(".1.3.6.1.2.1.25.2.2.0 = INTEGER: 524288\tKBytes\n.1.3.6.1.2.1.25.2.3.0 = INTEGER: 7 KBytes\n");
    org.assertj.core.api.Assertions.assertThat(w.get(java.util.List.of("1.3.6.1.2.1.25.2.2.0", "1.3.6.1.2.1.25.2.3.0")))
        .containsValues("524288", "7");
  }

  @org.junit.jupiter.api.Test
  void timeTicksReadAsThePerlAgentsPrintThem() {
    org.assertj.core.api.Assertions.assertThat(Ticks.text(697202257L)).isEqualTo("80 days, 16:40:22.57");
    org.assertj.core.api.Assertions.assertThat(Ticks.text(8640000L)).isEqualTo("1 day, 00:00:00.00");
    org.assertj.core.api.Assertions.assertThat(Ticks.text(638239L)).isEqualTo("1 hour, 46:22.39");
    org.assertj.core.api.Assertions.assertThat(Ticks.text(82795L)).isEqualTo("13 minutes, 47.95");
    org.assertj.core.api.Assertions.assertThat(Ticks.text(6000L)).isEqualTo("1 minute, 00.00");
    org.assertj.core.api.Assertions.assertThat(Ticks.text(502L)).isEqualTo("5.02 seconds");
    org.assertj.core.api.Assertions.assertThat(Ticks.text(-5L)).isEqualTo("0.00 seconds");
    org.assertj.core.api.Assertions.assertThat(WalkFile.value("TIMETICKS", "(99999999999999999999) huge")).isEqualTo("(99999999999999999999) huge");
  }

  @org.junit.jupiter.api.Test
  void octetStringsAreTextOnlyWhenTheyAreText() {
    org.assertj.core.api.Assertions.assertThat(SnmpClient.octets("MS TCP Loopback interface\0".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo("MS TCP Loopback interface");
    org.assertj.core.api.Assertions.assertThat(SnmpClient.octets("Bâtiment 3, salle réseau".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo("Bâtiment 3, salle réseau");
    org.assertj.core.api.Assertions.assertThat(SnmpClient.octets(new byte[] {0x00, 0x16, (byte) 0xc7, 0x02, 0x6e, (byte) 0x80})).isEqualTo("00:16:c7:02:6e:80");
    org.assertj.core.api.Assertions.assertThat(SnmpClient.octets(new byte[] {(byte) 0xc3, (byte) 0xa9, 0x41, 0x42, 0x43, 0x44})).isEqualTo("c3:a9:41:42:43:44");
    org.assertj.core.api.Assertions.assertThat(SnmpClient.octets(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46})).isEqualTo("ff:fe:41:42:43:44:45:46");
    org.assertj.core.api.Assertions.assertThat(SnmpClient.octets(new byte[0])).isEmpty();
  }
}
