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
  @CsvSource({"GenuineIntel,Intel", "AuthenticAMD,AMD", "Dell Inc.,Dell Inc.", "Supermicro,Supermicro", "'  Intel(R) Corporation ',Intel"})
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
    assertThat(Dmi.chassisName("3")).isEqualTo("Desktop");
    assertThat(Dmi.chassisName("10")).isEqualTo("Notebook");
    assertThat(Dmi.chassisName("99")).isNull();
    assertThat(Dmi.chassisName("x")).isNull();
  }

  @Test
  void architecturesAsGlpiNamesThem() {
    assertThat(OsCollector.arch("amd64")).isEqualTo("x86_64");
    assertThat(OsCollector.arch("aarch64")).isEqualTo("aarch64");
  }

  /** An EDID 1.4 block as a Dell monitor would send it: header, PNP id DEL, product 0xA0B1, serial, name. */
  static byte[] dellEdid() {
    byte[] b = new byte[128];
    byte[] header = {0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0};
    System.arraycopy(header, 0, b, 0, 8);
    int id = (('D' - 'A' + 1) << 10) | (('E' - 'A' + 1) << 5) | ('L' - 'A' + 1);
    b[8] = (byte) (id >> 8);
    b[9] = (byte) id;
    b[10] = (byte) 0xB1;
    b[11] = (byte) 0xA0;
    b[12] = 0x4C;
    b[13] = 0x33;
    b[14] = 0x32;
    b[15] = 0x41;
    b[17] = 31; // 2021
    b[18] = 1;
    b[19] = 4;
    descriptor(b, 54, 0xfc, "DELL U2720Q");
    descriptor(b, 72, 0xff, "7PQ4XXXXAB1L");
    int sum = 0;
    for (int i = 0; i < 127; i++) {
      sum += b[i] & 0xff;
    }
    b[127] = (byte) ((256 - (sum & 0xff)) & 0xff);
    return b;
  }

  private static void descriptor(byte[] b, int at, int tag, String text) {
    b[at + 3] = (byte) tag;
    byte[] t = (text + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i < 13; i++) {
      b[at + 5 + i] = i < t.length ? t[i] : 0x20;
    }
  }

  @Test
  void edidGivesMakerModelAndSerial() {
    Edid e = Edid.parse(dellEdid());
    assertThat(e).isNotNull();
    assertThat(e.manufacturerId()).isEqualTo("DEL");
    assertThat(e.productCode()).isEqualTo(0xA0B1);
    assertThat(e.year()).isEqualTo(2021);
    assertThat(e.name()).isEqualTo("DELL U2720Q");
    assertThat(e.serialText()).isEqualTo("7PQ4XXXXAB1L");
    assertThat(e.serialNumber()).isEqualTo(0x4132334CL);
  }

  @Test
  void edidWithABadChecksumOrHeaderIsRefused() {
    byte[] b = dellEdid();
    b[20] ^= 1;
    assertThat(Edid.parse(b)).isNull();
    assertThat(Edid.parse(new byte[128])).isNull();
    assertThat(Edid.parse(new byte[10])).isNull();
  }

  @Test
  void monitorEntryUsesTheVendorsNameAndTheTextSerial() {
    var content = new org.glpiagent.inventory.InventoryContent("v");
    DeviceCollectors.monitor(content, Edid.parse(dellEdid()), dellEdid(), "DP-1");
    var m = content.toJson().path("monitors").get(0);
    assertThat(m.path("manufacturer").asText()).isEqualTo("Dell");
    assertThat(m.path("serial").asText()).isEqualTo("7PQ4XXXXAB1L");
    assertThat(m.path("altserial").asText()).isEqualTo(String.valueOf(0x4132334CL));
    assertThat(m.path("port").asText()).isEqualTo("DP-1");
  }

  @Test
  void pciIdsNamesVendorsAndDevices() {
    PciIds ids = PciIds.parse("# comment\n8086  Intel Corporation\n\t1237  440FX - 82441FX PMC [Natoma]\n\t\t1af4 1100  Qemu virtual machine\n1af4  Red Hat, Inc.\n\t1000  Virtio network device\nC 00  Unclassified device\n");
    assertThat(ids.vendor("8086")).isEqualTo("Intel Corporation");
    assertThat(ids.device("8086", "1237")).isEqualTo("440FX - 82441FX PMC [Natoma]");
    assertThat(ids.device("1AF4", "1000")).isEqualTo("Virtio network device");
    assertThat(ids.device("8086", "1af4")).isNull();
    PciIds only = PciIds.parse("8086  Intel Corporation\r\n\t1237  Natoma\r\n1af4  Red Hat, Inc.\r\n\t1000  Virtio network device\r\n\tzz\n12\n", "1af4"::equals);
    assertThat(only.vendor("8086")).isNull();
    assertThat(only.device("8086", "1237")).isNull();
    assertThat(only.vendor("1af4")).isEqualTo("Red Hat, Inc.");
    assertThat(only.device("1af4", "1000")).isEqualTo("Virtio network device");
    assertThat(PciIds.parse("").vendor("8086")).isNull();
    assertThat(BusCollectors.className("020000")).isEqualTo("Network controller");
    assertThat(BusCollectors.hex4("0x8086")).isEqualTo("8086");
    assertThat(BusCollectors.hex4("zz")).isNull();
  }

  @Test
  void macApplicationsOutputThatIsNotJsonGivesNothing() {
    assertThat(Packages.macApplications("system_profiler: unknown data type")).isEmpty();
    assertThat(Packages.macApplications("{\"SPApplicationsDataType\": 3}")).isEmpty();
  }

  @Test
  void windowsSecurityOutputThatIsNotJsonGivesNothing() {
    for (String bad : new String[] {"", "   ", "Get-CimInstance : Invalid namespace", "[{\"displayName\":", "42", "[1,2]", "null"}) {
      assertThat(WindowsSecurity.antivirus(bad)).as(bad).isEmpty();
      assertThat(WindowsSecurity.firewalls(bad)).as(bad).isEmpty();
      assertThat(WindowsSecurity.licenses(bad)).as(bad).isEmpty();
    }
    assertThat(WindowsSecurity.antivirus("{\"displayName\":\"X\",\"productState\":\"junk\"}"))
        .singleElement().satisfies(a -> assertThat(a.enabled() || a.uptodate()).isFalse());
  }

  @Test
  void installDateIsTheEarliestRealCreationTimeOfTheInstallationMarks() {
    java.time.Instant now = java.time.Instant.parse("2026-11-22T12:00:00Z");
    java.util.Optional<java.time.Instant> epoch = java.util.Optional.of(java.time.Instant.EPOCH);
    java.util.Optional<java.time.Instant> installer = java.util.Optional.of(java.time.Instant.parse("2023-06-10T09:15:00Z"));
    java.util.Optional<java.time.Instant> machineId = java.util.Optional.of(java.time.Instant.parse("2023-06-10T09:40:00Z"));
    java.util.Optional<java.time.Instant> future = java.util.Optional.of(java.time.Instant.parse("2031-01-01T00:00:00Z"));
    assertThat(OsCollector.installDate(java.util.List.of(java.util.Optional.empty(), epoch, machineId, installer), now)).isEqualTo(installer);
    assertThat(OsCollector.installDate(java.util.List.of(epoch, future, java.util.Optional.empty()), now)).isEmpty();
  }

  @Test
  void linuxSystemFilesReadAsTheInventoryNeedsThem() {
    String meminfo = "MemTotal:       16318412 kB\nMemFree:         1234 kB\nSwapTotal:       2097148 kB\nBroken:\n";
    assertThat(LinuxFiles.meminfoKib(meminfo, "MemTotal")).isEqualTo(16318412);
    assertThat(LinuxFiles.meminfoKib(meminfo, "SwapTotal")).isEqualTo(2097148);
    assertThat(LinuxFiles.meminfoKib(meminfo, "Broken")).isEqualTo(-1);
    assertThat(LinuxFiles.meminfoKib(meminfo, "Absent")).isEqualTo(-1);

    String resolv = "# generated\nsearch corp.example.com example.com\nnameserver 192.0.2.53\nnameserver fd00::53\nnameserver\noptions edns0\n";
    assertThat(LinuxFiles.nameservers(resolv)).containsExactly("192.0.2.53", "fd00::53");
    assertThat(LinuxFiles.searchDomain(resolv)).isEqualTo("corp.example.com");

    String mounts = "/dev/sda2 / ext4 rw,relatime 0 0\nproc /proc proc rw 0 0\n"
        + "/dev/sdb1 /media/My\\040Disk vfat rw 0 0\nbroken\n";
    assertThat(LinuxFiles.mounts(mounts)).containsExactly(
        new LinuxFiles.Mount("/dev/sda2", "/", "ext4"), new LinuxFiles.Mount("proc", "/proc", "proc"),
        new LinuxFiles.Mount("/dev/sdb1", "/media/My Disk", "vfat"));
    assertThat(LinuxFiles.unescape("a\\134b\\01")).isEqualTo("a\\b\\01");

    String cards = " 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n                      HDA Intel PCH at 0xf7f10000 irq 32\n"
        + " 1 [NVidia         ]: HDA-Intel - HDA NVidia\n";
    assertThat(LinuxFiles.soundCards(cards)).containsExactly(
        new LinuxFiles.SoundCard("HDA-Intel", "HDA Intel PCH"), new LinuxFiles.SoundCard("HDA-Intel", "HDA NVidia"));

    assertThat(LinuxFiles.udevProperties("S:disk/by-id/ata-X\nE:ID_MODEL=Samsung_SSD_860\nE:ID_SERIAL_SHORT=S3Z9NB0K\nG:systemd\n"))
        .containsEntry("ID_SERIAL_SHORT", "S3Z9NB0K").containsEntry("ID_MODEL", "Samsung_SSD_860").hasSize(2);
    assertThat(DriveCollector.udevUnescape("My\\x20Disk")).isEqualTo("My Disk");
  }

  @Test
  void theDnsDomainIsWhatFollowsTheHostInItsCanonicalName() {
    assertThat(OsCollector.domain("pc12", "pc12.corp.example.com")).isEqualTo("corp.example.com");
    assertThat(OsCollector.domain("pc12.corp.example.com", null)).isEqualTo("corp.example.com");
    assertThat(OsCollector.domain("vm", "vm")).isNull();
    assertThat(OsCollector.domain("vm", "localhost")).isNull();
    assertThat(OsCollector.domain(null, "x.y")).isNull();
  }
}
