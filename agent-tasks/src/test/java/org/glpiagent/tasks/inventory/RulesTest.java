package org.glpiagent.tasks.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.glpiagent.inventory.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure rules the collectors use. */
class RulesTest {
  @ParameterizedTest
  @CsvSource({"24,255.255.255.0", "8,255.0.0.0", "32,255.255.255.255", "0,0.0.0.0", "20,255.255.240.0"})
  void ipv4Masks(int prefix, String mask) {
    assertThat(Subnets.ipv4Mask(prefix)).isEqualTo(mask);
  }

  @Test
  void subnetsOfBothFamilies() {
    assertThat(Subnets.subnet("192.0.2.77", 26)).isEqualTo("192.0.2.64");
    assertThat(Subnets.compress(Subnets.subnet("2001:db8:1:2:3:4:5:6", 64))).isEqualTo("2001:db8:1:2::");
    assertThat(Subnets.ipv6Mask(64)).isEqualTo("ffff:ffff:ffff:ffff::");
    assertThat(Subnets.compress("0:0:0:0:0:0:0:1")).isEqualTo("::1");
    assertThat(Subnets.subnet("not-an-ip.invalid", 24)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"12/01/2006,2006-12-01", "2019-03-07,2019-03-07", "13/45/2006,", "garbage,"})
  void biosDates(String raw, String expected) {
    assertThat(Dates.biosDate(raw)).isEqualTo(expected);
  }

  @Test
  void osReleaseWithQuotesAndComments() {
    var m = OsRelease.parse("# c\nNAME=\"Debian GNU/Linux\"\nVERSION_ID='12'\nID=debian\nPRETTY_NAME=\"Say \\\"hi\\\"\"\n");
    assertThat(m).containsEntry("NAME", "Debian GNU/Linux").containsEntry("VERSION_ID", "12").containsEntry("ID", "debian")
        .containsEntry("PRETTY_NAME", "Say \"hi\"");
  }

  @ParameterizedTest
  @CsvSource({
    "'  To Be Filled By O.E.M. ',",
    "Default string,",
    "'  R90ABCDE  ',R90ABCDE",
    "System Product Name,"
  })
  void placeholdersAreDropped(String raw, String expected) {
    assertThat(Names.clean(raw)).isEqualTo(expected);
  }

  @Test
  void serialsOfZerosOrFsAreDroppedButNotMasks() {
    assertThat(Names.serial("00000000-0000-0000-0000-000000000000")).isNull();
    assertThat(Names.serial("FFFFFFFF")).isNull();
    assertThat(Names.clean("ffff:ffff:ffff:ffff::")).isEqualTo("ffff:ffff:ffff:ffff::");
  }

  @ParameterizedTest
  @CsvSource({"GenuineIntel,Intel", "AuthenticAMD,AMD", "Dell Inc.,Dell", "Supermicro,Supermicro"})
  void manufacturers(String raw, String expected) {
    assertThat(Names.manufacturer(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"'VMware, Inc. VMware Virtual Platform',VMware", "'innotek GmbH VirtualBox',VirtualBox", "'QEMU Standard PC',QEMU",
      "'Dell Inc. OptiPlex 7090',Physical", "'Microsoft Corporation Virtual Machine',Hyper-V"})
  void hypervisorsFromDmi(String dmi, String expected) {
    assertThat(Virtualization.fromDmi(dmi, "flags : fpu")).isEqualTo(expected);
  }

  @Test
  void chassisTypes() {
    assertThat(HardwareCollector.chassis("3")).isEqualTo("Desktop");
    assertThat(HardwareCollector.chassis("10")).isEqualTo("Notebook");
    assertThat(HardwareCollector.chassis("99")).isNull();
    assertThat(HardwareCollector.chassis("x")).isNull();
  }

  @Test
  void architecturesAsGlpiNamesThem() {
    assertThat(OsCollector.arch("amd64")).isEqualTo("x86_64");
    assertThat(OsCollector.arch("aarch64")).isEqualTo("aarch64");
  }
}
