package org.glpiagent.tasks.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.inventory.InventoryContent;
import org.glpiagent.protocol.InventoryMessage;
import org.glpiagent.task.ServerInstructions;
import org.glpiagent.task.Submission;
import org.glpiagent.task.TaskContext;
import org.glpiagent.task.TaskException;
import org.glpiagent.testkit.InventorySchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTaskTest {
  @TempDir Path dir;
  private final List<Submission> submitted = new ArrayList<>();

  private TaskContext context(Map<String, List<String>> config) {
    return new TaskContext(AgentConfig.of(config), Clock.systemDefaultZone(), submitted::add, dir, "test-2026-01-01-00-00-00", "");
  }

  private static ObjectNode message(Submission s) {
    return InventoryMessage.json(s.action(), "test-2026-01-01-00-00-00", s.itemtype(), s.partial(), s.jobId(), java.util.Optional.empty(), s.content());
  }

  @Test
  void thisMachinesInventoryPassesBothSchemasAndHasTheCoreSections() throws Exception {
    InventoryTask task = new InventoryTask();
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    assertThat(submitted).hasSize(1);
    ObjectNode doc = message(submitted.get(0));
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    assertThat(InventorySchema.STRICT_1_1_36.violations(doc)).isEmpty();
    JsonNode content = doc.path("content");
    assertThat(content.path("hardware").path("name").asText()).isNotBlank();
    assertThat(content.path("operatingsystem").path("kernel_name").asText()).isNotBlank();
    assertThat(content.path("cpus").size()).isPositive();
    assertThat(content.path("drives").size()).isPositive();
    assertThat(content.path("networks").findValuesAsText("description")).contains("lo");
  }

  /** A collector that throws, and one that never ends. */
  private static Collector failing(String category) {
    return new Collector() {
      @Override
      public String category() {
        return category;
      }

      @Override
      public void collect(InventoryContent content, Platform platform) {
        throw new IllegalStateException("dmidecode exploded");
      }
    };
  }

  private static Collector hanging(String category) {
    return new Collector() {
      @Override
      public String category() {
        return category;
      }

      @Override
      public void collect(InventoryContent content, Platform platform) throws InterruptedException {
        Thread.sleep(60_000);
      }
    };
  }

  @Test
  void aFailingOrHangingCollectorIsSkippedAndTheRestStillGoesOut() throws Exception {
    InventoryTask task = new InventoryTask(List.of(failing("bios"), hanging("memory"), new OsCollector()), Path.of("/"));
    TaskContext c = context(Map.of("backend-collect-timeout", List.of("1")));
    long start = System.nanoTime();
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(10);
    JsonNode content = submitted.get(0).content();
    assertThat(content.has("operatingsystem")).isTrue();
    assertThat(content.has("bios")).isFalse();
  }

  @Test
  void theServersNoCategoryReplacesTheConfiguredOneForThisRun() throws Exception {
    InventoryTask task = new InventoryTask();
    TaskContext c = context(Map.of("no-category", List.of("os")));
    ServerInstructions fromServer =
        new ServerInstructions(Map.of("inventory", new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"no-category\":\"cpu, network\"}")), List.of(), null, null, false);
    InventoryPlan plan = task.plan(fromServer, c).orElseThrow();
    assertThat(plan.disabled()).containsExactlyInAnyOrder("cpu", "network");
    assertThat(task.plan(ServerInstructions.none(false), c).orElseThrow().disabled()).containsExactly("os");
  }

  @Test
  void unknownCategoryIsATaskErrorNamingIt() {
    InventoryTask task = new InventoryTask();
    assertThatThrownBy(() -> task.plan(ServerInstructions.none(false), context(Map.of("no-category", List.of("softwre")))))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("softwre");
  }

  @Test
  void printersAndRemoteControlIdsOfAFileTreePassTheSchema() throws Exception {
    Path root = Path.of("src/test/resources/inventory/roots/linux-desktop");
    InventoryTask task = new InventoryTask(List.of(MachineCollectors.printers(), MachineCollectors.remoteManagement()), root);
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    ObjectNode doc = message(submitted.get(0));
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    assertThat(InventorySchema.STRICT_1_1_36.violations(doc)).isEmpty();
    JsonNode content = doc.path("content");
    assertThat(content.path("printers").findValuesAsText("name")).containsExactly("Office_HP", "Label_USB", "PDF_Secret");
    assertThat(content.path("printers").toString()).doesNotContain("secret@");
    assertThat(content.path("remote_mgmt").findValuesAsText("id")).containsExactly("1234567890", "987654321");
  }

  /** Commands answered from the parser fixtures; any other command is absent. */
  private static Platform.Commands recorded(Map<String, String> fixtureByCommand) {
    return (timeout, argv) -> {
      String key = argv[0].equals("powershell") ? argv[argv.length - 1] : argv[0];
      String fixture = fixtureByCommand.get(key);
      try {
        return fixture == null ? java.util.Optional.empty()
            : java.util.Optional.of(java.nio.file.Files.readString(Path.of("src/test/resources/inventory/parsers", fixture, "input")));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }

  @Test
  void windowsSecurityCenterSectionsPassTheSchema() throws Exception {
    Platform.Commands commands = recorded(Map.of(
        WindowsSecurity.ANTIVIRUS_SCRIPT, "antivirus/windows-11",
        WindowsSecurity.FIREWALL_SCRIPT, "firewall/windows-11",
        WindowsSecurity.LICENSE_SCRIPT, "licenseinfo/windows-11"));
    InventoryTask task = new InventoryTask(
        List.of(WindowsCollectors.antivirus(), WindowsCollectors.firewalls(), WindowsCollectors.licenses()),
        clock -> new Platform(clock, dir, commands, true, true));
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    ObjectNode doc = message(submitted.get(0));
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    assertThat(InventorySchema.STRICT_1_1_36.violations(doc)).isEmpty();
    JsonNode content = doc.path("content");
    assertThat(content.path("antivirus").findValuesAsText("name")).containsExactly("Windows Defender", "ESET Security", "Old Antivirus");
    assertThat(content.path("antivirus").get(0).path("enabled").asBoolean()).isFalse();
    assertThat(content.path("antivirus").get(0).path("base_version").asText()).isEqualTo("1.419.402.0");
    assertThat(content.path("antivirus").get(2).path("uptodate").asBoolean()).isFalse();
    assertThat(content.path("firewalls").findValuesAsText("status")).containsExactly("on", "on", "off");
    assertThat(content.path("licenseinfos").findValuesAsText("key")).contains("XXXXX-XXXXX-XXXXX-XXXXX-3V66T");
  }

  @Test
  void onLinuxOneDmidecodeRunServesBiosHardwareMemoriesAndCpus() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("proc/net"));
    java.nio.file.Files.writeString(dir.resolve("proc/cpuinfo"), fixture("cpuinfo/xeon-two-sockets"));
    java.nio.file.Files.writeString(dir.resolve("proc/net/route"), fixture("route/two-uplinks"));
    java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
    Platform.Commands dmidecode = (timeout, argv) -> {
      if (argv[0].equals("dmidecode")) {
        runs.incrementAndGet();
        return java.util.Optional.of(fixture("dmidecode/dell-optiplex-7070"));
      }
      return java.util.Optional.empty();
    };
    InventoryTask task = new InventoryTask(
        List.of(new BiosCollector(), new HardwareCollector(), new MemoryCollector(), new CpuCollector()),
        clock -> new Platform(clock, dir, dmidecode, false, true));
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    ObjectNode doc = message(submitted.get(0));
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    assertThat(InventorySchema.STRICT_1_1_36.violations(doc)).isEmpty();
    assertThat(runs).as("dmidecode runs").hasValue(1);
    JsonNode content = doc.path("content");
    assertThat(content.path("bios").path("ssn").asText()).isEqualTo("7Q3RKY2");
    assertThat(content.path("hardware").path("uuid").asText()).isEqualTo("4c4c4544-0051-3310-8052-b7c04f4b5932");
    assertThat(content.path("hardware").path("chassis_type").asText()).isEqualTo("Mini Tower");
    assertThat(content.path("hardware").path("defaultgateway").asText()).isEqualTo("192.0.2.1");
    assertThat(content.path("memories").findValuesAsText("caption")).containsExactly("DIMM1", "DIMM2", "DIMM3", "DIMM4");
    assertThat(content.path("memories").get(1).has("capacity")).as("an empty slot").isFalse();
    assertThat(content.path("cpus")).hasSize(2);
    JsonNode cpu = content.path("cpus").get(0);
    assertThat(cpu.path("name").asText()).isEqualTo("Intel(R) Xeon(R) Silver 4210 CPU @ 2.20GHz");
    assertThat(cpu.path("manufacturer").asText()).isEqualTo("Intel");
    assertThat(cpu.path("core").asInt()).isEqualTo(2);
    assertThat(cpu.path("thread").asInt()).isEqualTo(4);
    assertThat(cpu.path("id").asText()).isEqualTo("ED 06 09 00 FF FB EB BF");
    assertThat(cpu.path("external_clock").asInt()).isEqualTo(100);
    assertThat(cpu.path("speed").asInt()).as("DMI's speed before cpuinfo's").isEqualTo(3000);
    assertThat(content.path("cpus").get(1).has("id")).as("no second DMI socket").isFalse();
  }

  @Test
  void aWifiInterfaceGetsItsNetworkAndEveryInterfaceItsDhcpServer() throws Exception {
    Path wlan = dir.resolve("sys/class/net/wlp2s0");
    java.nio.file.Files.createDirectories(wlan.resolve("wireless"));
    java.nio.file.Files.writeString(wlan.resolve("address"), "a4:c3:f0:11:22:33\n");
    java.nio.file.Files.writeString(wlan.resolve("operstate"), "up\n");
    java.nio.file.Files.writeString(wlan.resolve("ifindex"), "3\n");
    java.nio.file.Files.createDirectories(dir.resolve("var/lib/dhcp"));
    java.nio.file.Files.writeString(dir.resolve("var/lib/dhcp/dhclient.leases"),
        fixture("dhclient/debian-12").replace("\"wlan0\"", "\"wlp2s0\""));
    List<String> asked = new ArrayList<>();
    Platform.Commands iw = (timeout, argv) -> {
      asked.add(String.join(" ", argv));
      return argv[0].equals("iw") ? java.util.Optional.of(fixture("iwlink/connected")) : java.util.Optional.empty();
    };
    InventoryTask task = new InventoryTask(List.of(new NetworkCollector()), clock -> new Platform(clock, dir, iw, false, true));
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    ObjectNode doc = message(submitted.get(0));
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    JsonNode wifi = java.util.stream.StreamSupport.stream(doc.path("content").path("networks").spliterator(), false)
        .filter(n -> n.path("description").asText().equals("wlp2s0")).findFirst().orElseThrow();
    assertThat(wifi.path("type").asText()).isEqualTo("wifi");
    assertThat(wifi.path("wifi_ssid").asText()).isEqualTo("Office-5G");
    assertThat(wifi.path("wifi_bssid").asText()).isEqualTo("3c:37:86:aa:bb:cc");
    assertThat(wifi.path("ipdhcp").asText()).isEqualTo("198.51.100.1");
    assertThat(asked).contains("iw dev wlp2s0 link");
  }

  /** One glibc utmp record (64-bit Linux layout), as login, sshd and systemd write them. */
  static byte[] utmpRecord(int type, String line, String user, String host, int seconds) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(Utmp.RECORD).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putShort(0, (short) type);
    b.putInt(4, 4242);
    b.put(8, line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    b.put(44, user.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    b.put(76, host.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    b.putInt(340, seconds);
    return b.array();
  }

  @Test
  void loggedUsersComeFromUtmpAndTheLastLoginFromWtmp() throws Exception {
    java.io.ByteArrayOutputStream utmp = new java.io.ByteArrayOutputStream();
    utmp.write(utmpRecord(2, "~", "reboot", "6.1.0", 1_763_000_000)); // BOOT_TIME
    utmp.write(utmpRecord(6, "tty1", "LOGIN", "", 1_763_000_100)); // LOGIN_PROCESS
    utmp.write(utmpRecord(7, "tty1", "alice", "", 1_763_000_200));
    utmp.write(utmpRecord(7, "pts/0", "bob", "192.0.2.9", 1_763_000_300));
    utmp.write(utmpRecord(7, "pts/1", "alice", "192.0.2.9", 1_763_000_400));
    utmp.write(new byte[100]); // a record cut short
    java.nio.file.Files.createDirectories(dir.resolve("run"));
    java.nio.file.Files.write(dir.resolve("run/utmp"), utmp.toByteArray());
    java.io.ByteArrayOutputStream wtmp = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < 300; i++) {
      wtmp.write(utmpRecord(7, "pts/" + i, "user" + i, "", 1_700_000_000 + i));
      wtmp.write(utmpRecord(8, "pts/" + i, "", "", 1_700_000_000 + i)); // DEAD_PROCESS
    }
    wtmp.write(utmpRecord(7, "pts/3", "carol", "198.51.100.4", 1_763_712_000)); // 2025-11-21 08:00 UTC
    wtmp.write(utmpRecord(2, "~", "reboot", "6.1.0", 1_763_712_100));
    java.nio.file.Files.createDirectories(dir.resolve("var/log"));
    java.nio.file.Files.write(dir.resolve("var/log/wtmp"), wtmp.toByteArray());
    InventoryTask task = new InventoryTask(List.of(AccountsCollector.loggedUsers(), new HardwareCollector()),
        clock -> new Platform(java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC), dir,
            (t, argv) -> java.util.Optional.empty(), false, true));
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    ObjectNode doc = message(submitted.get(0));
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    JsonNode content = doc.path("content");
    assertThat(content.path("users").findValuesAsText("login")).containsExactly("alice", "bob");
    assertThat(content.path("hardware").path("lastloggeduser").asText()).isEqualTo("carol");
    assertThat(content.path("hardware").path("datelastloggeduser").asText()).isEqualTo("Fri Nov 21 08:00");
  }

  @Test
  void videoCardsComeFromPciWithTheResolutionOfTheirConnectedScreen() throws Exception {
    Path gpu = dir.resolve("sys/bus/pci/devices/0000:00:02.0");
    Path nic = dir.resolve("sys/bus/pci/devices/0000:00:1f.6");
    java.nio.file.Files.createDirectories(gpu);
    java.nio.file.Files.createDirectories(nic);
    java.nio.file.Files.writeString(gpu.resolve("class"), "0x030000\n");
    java.nio.file.Files.writeString(gpu.resolve("vendor"), "0x8086\n");
    java.nio.file.Files.writeString(gpu.resolve("device"), "0x3e92\n");
    java.nio.file.Files.writeString(nic.resolve("class"), "0x020000\n");
    java.nio.file.Files.writeString(nic.resolve("vendor"), "0x8086\n");
    java.nio.file.Files.writeString(nic.resolve("device"), "0x15bb\n");
    java.nio.file.Files.createDirectories(dir.resolve("usr/share/misc"));
    java.nio.file.Files.writeString(dir.resolve("usr/share/misc/pci.ids"),
        "8086  Intel Corporation\n\t3e92  CoffeeLake-S GT2 [UHD Graphics 630]\n\t15bb  Ethernet Connection (7) I219-LM\n");
    Path drm = dir.resolve("sys/class/drm");
    java.nio.file.Files.createDirectories(drm.resolve("card0"));
    java.nio.file.Files.createSymbolicLink(drm.resolve("card0/device"), gpu);
    java.nio.file.Files.createDirectories(drm.resolve("card0-HDMI-A-1"));
    java.nio.file.Files.writeString(drm.resolve("card0-HDMI-A-1/status"), "connected\n");
    java.nio.file.Files.writeString(drm.resolve("card0-HDMI-A-1/modes"), "2560x1440\n1920x1080\n");
    java.nio.file.Files.createDirectories(drm.resolve("card0-DP-1"));
    java.nio.file.Files.writeString(drm.resolve("card0-DP-1/status"), "disconnected\n");
    InventoryTask task = new InventoryTask(List.of(DeviceCollectors.videos()),
        clock -> new Platform(clock, dir, (t, argv) -> java.util.Optional.empty(), false, false));
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    ObjectNode doc = message(submitted.get(0));
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    JsonNode videos = doc.path("content").path("videos");
    assertThat(videos).hasSize(1);
    assertThat(videos.get(0).path("name").asText()).isEqualTo("CoffeeLake-S GT2 [UHD Graphics 630]");
    assertThat(videos.get(0).path("chipset").asText()).isEqualTo("Intel Corporation");
    assertThat(videos.get(0).path("pcislot").asText()).isEqualTo("00:02.0");
    assertThat(videos.get(0).path("resolution").asText()).isEqualTo("2560x1440");
  }

  @Test
  void linuxDisksBatteriesAndSoundCardsComeFromSysfsProcAndUdev() throws Exception {
    Path sda = dir.resolve("sys/block/sda");
    java.nio.file.Files.createDirectories(sda.resolve("device"));
    java.nio.file.Files.writeString(sda.resolve("size"), "976773168\n");
    java.nio.file.Files.writeString(sda.resolve("dev"), "8:0\n");
    java.nio.file.Files.writeString(sda.resolve("device/model"), "Samsung SSD 860\n");
    java.nio.file.Files.writeString(sda.resolve("device/rev"), "RVT04B6Q\n");
    java.nio.file.Files.createDirectories(dir.resolve("sys/block/loop0"));
    java.nio.file.Files.createDirectories(dir.resolve("run/udev/data"));
    java.nio.file.Files.writeString(dir.resolve("run/udev/data/b8:0"), "E:ID_MODEL=Samsung_SSD_860\nE:ID_SERIAL_SHORT=S3Z9NB0K123456\n");
    Path bat = dir.resolve("sys/class/power_supply/BAT0");
    java.nio.file.Files.createDirectories(bat);
    java.nio.file.Files.writeString(bat.resolve("type"), "Battery\n");
    java.nio.file.Files.writeString(bat.resolve("uevent"), String.join("\n",
        "POWER_SUPPLY_NAME=BAT0", "POWER_SUPPLY_TECHNOLOGY=Li-poly", "POWER_SUPPLY_VOLTAGE_MIN_DESIGN=11580000",
        "POWER_SUPPLY_CHARGE_FULL_DESIGN=4190000", "POWER_SUPPLY_CHARGE_FULL=3856000", "POWER_SUPPLY_MODEL_NAME=01AV430",
        "POWER_SUPPLY_MANUFACTURER=SMP", "POWER_SUPPLY_SERIAL_NUMBER= 1234"));
    Path ac = dir.resolve("sys/class/power_supply/AC");
    java.nio.file.Files.createDirectories(ac);
    java.nio.file.Files.writeString(ac.resolve("type"), "Mains\n");
    java.nio.file.Files.createDirectories(dir.resolve("proc/asound"));
    java.nio.file.Files.writeString(dir.resolve("proc/asound/cards"), " 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n                      HDA Intel PCH at 0xf7f10000 irq 32\n");
    InventoryTask task = new InventoryTask(List.of(new StorageCollector(), DeviceCollectors.batteries(), DeviceCollectors.sounds()),
        clock -> new Platform(clock, dir, (t, argv) -> java.util.Optional.empty(), false, false));
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    ObjectNode doc = message(submitted.get(0));
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    JsonNode content = doc.path("content");
    assertThat(content.path("storages")).hasSize(1);
    JsonNode disk = content.path("storages").get(0);
    assertThat(disk.path("name").asText()).isEqualTo("sda");
    assertThat(disk.path("model").asText()).isEqualTo("Samsung SSD 860");
    assertThat(disk.path("serial").asText()).isEqualTo("S3Z9NB0K123456");
    assertThat(disk.path("disksize").asLong()).isEqualTo(500107);
    assertThat(disk.path("firmware").asText()).isEqualTo("RVT04B6Q");
    assertThat(disk.path("manufacturer").asText()).isEqualTo("Samsung");
    assertThat(content.path("batteries")).hasSize(1);
    JsonNode b = content.path("batteries").get(0);
    assertThat(b.path("name").asText()).isEqualTo("01AV430");
    assertThat(b.path("capacity").asLong()).as("4.19 Ah at 11.58 V").isEqualTo(48520);
    assertThat(b.path("real_capacity").asLong()).isEqualTo(44652);
    assertThat(b.path("voltage").asLong()).isEqualTo(11580);
    assertThat(b.path("chemistry").asText()).isEqualTo("Li-poly");
    assertThat(content.path("sounds").findValuesAsText("name")).containsExactly("HDA Intel PCH");
  }

  @Test
  void linuxDrivesAreTheRealMountsWithTheirLabels() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("proc"));
    java.nio.file.Files.createDirectories(dir.resolve("data"));
    java.nio.file.Files.writeString(dir.resolve("proc/mounts"), String.join("\n",
        "/dev/sda2 / ext4 rw 0 0", "proc /proc proc rw 0 0", "tmpfs /run tmpfs rw 0 0",
        "/dev/sda3 /data xfs rw 0 0", "/dev/sda3 /data xfs rw 0 0", "/dev/sdz9 /gone ext4 rw 0 0"));
    java.nio.file.Files.createDirectories(dir.resolve("dev/disk/by-label"));
    java.nio.file.Files.createDirectories(dir.resolve("dev/disk/by-uuid"));
    java.nio.file.Files.createSymbolicLink(dir.resolve("dev/disk/by-label/Data\\x20Disk"), Path.of("../../sda3"));
    java.nio.file.Files.createSymbolicLink(dir.resolve("dev/disk/by-uuid/3f2a9c1e-0b7d-4a51-9e2f-8c6d5b4a3f21"), Path.of("../../sda3"));
    InventoryTask task = new InventoryTask(List.of(new DriveCollector()),
        clock -> new Platform(clock, dir, (t, argv) -> java.util.Optional.empty(), false, false));
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    ObjectNode doc = message(submitted.get(0));
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    JsonNode drives = doc.path("content").path("drives");
    assertThat(drives.findValuesAsText("type")).containsExactly("/", "/data");
    JsonNode data = drives.get(1);
    assertThat(data.path("volumn").asText()).isEqualTo("/dev/sda3");
    assertThat(data.path("filesystem").asText()).isEqualTo("xfs");
    assertThat(data.path("label").asText()).isEqualTo("Data Disk");
    assertThat(data.path("serial").asText()).isEqualTo("3f2a9c1e-0b7d-4a51-9e2f-8c6d5b4a3f21");
    assertThat(data.path("total").asLong()).isPositive();
    assertThat(drives.get(0).path("systemdrive").asBoolean()).isTrue();
  }

  @Test
  void withoutDmidecodeTheSysfsValuesStillFillTheBios() throws Exception {
    java.nio.file.Path id = dir.resolve("sys/class/dmi/id");
    java.nio.file.Files.createDirectories(id);
    java.nio.file.Files.writeString(id.resolve("sys_vendor"), "LENOVO\n");
    java.nio.file.Files.writeString(id.resolve("product_name"), "20L5000UUS\n");
    java.nio.file.Files.writeString(id.resolve("product_version"), "ThinkPad T480\n");
    java.nio.file.Files.writeString(id.resolve("chassis_type"), "10\n");
    java.nio.file.Files.writeString(id.resolve("bios_date"), "11/09/2021\n");
    InventoryTask task = new InventoryTask(List.of(new BiosCollector(), new HardwareCollector()),
        clock -> new Platform(clock, dir, (t, argv) -> java.util.Optional.empty(), false, false));
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    JsonNode content = message(submitted.get(0)).path("content");
    assertThat(content.path("bios").path("smodel").asText()).isEqualTo("ThinkPad T480");
    assertThat(content.path("bios").path("bdate").asText()).isEqualTo("2021-11-09");
    assertThat(content.path("hardware").path("chassis_type").asText()).isEqualTo("Notebook");
  }

  @Test
  void windowsOnlyCollectorsStayQuietElsewhere() throws Exception {
    Platform.Commands commands = recorded(Map.of(WindowsSecurity.FIREWALL_SCRIPT, "firewall/windows-11"));
    InventoryTask task = new InventoryTask(List.of(WindowsCollectors.firewalls()), clock -> new Platform(clock, dir, commands, false, false));
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    assertThat(message(submitted.get(0)).path("content").has("firewalls")).isFalse();
  }

  @Test
  void lvmSectionsPassTheSchema() throws Exception {
    Platform.Commands commands = recorded(Map.of("pvs", "pvs/debian-12", "vgs", "vgs/debian-12", "lvs", "lvs/debian-12"));
    InventoryTask task = new InventoryTask(List.of(LvmCollector.lvm()), clock -> new Platform(clock, dir, commands, false, false));
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    ObjectNode doc = message(submitted.get(0));
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    assertThat(InventorySchema.STRICT_1_1_36.violations(doc)).isEmpty();
    JsonNode content = doc.path("content");
    assertThat(content.path("physical_volumes").findValuesAsText("device")).containsExactly("/dev/loop0", "/dev/loop1");
    assertThat(content.path("volume_groups").get(0).path("size").asLong()).isEqualTo(312);
    assertThat(content.path("logical_volumes").findValuesAsText("lv_name")).containsExactly("lvhome", "lvlogs");
  }

  private static String fixture(String name) {
    try {
      return java.nio.file.Files.readString(Path.of("src/test/resources/inventory/parsers", name, "input"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private InventoryTask virtualBoxOnly(List<String> calls) throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir.resolve("etc"));
    java.nio.file.Files.writeString(dir.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:Alice:/home/alice:/bin/bash\nbob:x:1001:1001::/home/bob:/bin/bash\n");
    java.nio.file.Files.createDirectories(dir.resolve("home/alice/VirtualBox VMs"));
    java.nio.file.Files.createDirectories(dir.resolve("home/bob"));
    Platform.Commands commands = (timeout, argv) -> {
      String line = String.join(" ", argv);
      calls.add(line);
      if (line.equals("runuser -u alice -- VBoxManage -nologo list vms")) {
        return java.util.Optional.of(fixture("vboxlist/virtualbox-7"));
      }
      if (line.startsWith("runuser -u alice -- VBoxManage -nologo showvminfo 6b1d5a6e")) {
        return java.util.Optional.of(fixture("vboxinfo/virtualbox-7-running"));
      }
      if (line.startsWith("runuser -u alice -- VBoxManage -nologo showvminfo 0e8f7d6c")) {
        return java.util.Optional.of(fixture("vboxinfo/virtualbox-6-saved"));
      }
      return java.util.Optional.empty();
    };
    return new InventoryTask(List.of(MachineCollectors.virtualMachines()), clock -> new Platform(clock, dir, commands, false, true));
  }

  @Test
  void scanHomedirsListsEachUsersVirtualBoxMachinesWithTheirOwner() throws Exception {
    List<String> calls = new ArrayList<>();
    InventoryTask task = virtualBoxOnly(calls);
    TaskContext c = context(Map.of("scan-homedirs", List.of("1")));
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    ObjectNode doc = message(submitted.get(0));
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    assertThat(InventorySchema.STRICT_1_1_36.violations(doc)).isEmpty();
    JsonNode vms = doc.path("content").path("virtualmachines");
    assertThat(vms.findValuesAsText("name")).containsExactly("Windows 10", "Ubuntu build box");
    assertThat(vms.findValuesAsText("owner")).containsExactly("alice", "alice");
    assertThat(vms.get(0).path("memory").asLong()).isEqualTo(4096);
    assertThat(vms.get(0).path("status").asText()).isEqualTo("running");
    assertThat(calls).noneMatch(l -> l.contains("-u bob") || l.contains("-u root"));
  }

  @Test
  void withoutScanHomedirsOnlyTheAgentsOwnMachinesAreAsked() throws Exception {
    List<String> calls = new ArrayList<>();
    InventoryTask task = virtualBoxOnly(calls);
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    assertThat(message(submitted.get(0)).path("content").has("virtualmachines")).isFalse();
    assertThat(calls).contains("VBoxManage -nologo list vms").noneMatch(l -> l.startsWith("runuser"));
  }

  @Test
  void scanProfilesLoadsTheHivesOfUsersNotLoggedOnAndUnloadsThem() throws Exception {
    String profiles = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList";
    List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    Platform.Commands commands = (timeout, argv) -> {
      String line = String.join(" ", argv);
      calls.add(line);
      if (line.equals("reg query HKU")) {
        return java.util.Optional.of("\r\nHKEY_USERS\\.DEFAULT\r\nHKEY_USERS\\S-1-5-21-11-22-33-1001\r\nHKEY_USERS\\S-1-5-21-11-22-33-1001_Classes\r\n");
      }
      if (line.equals("reg query " + profiles)) {
        return java.util.Optional.of("\r\n" + String.join("\r\n",
            "HKEY_LOCAL_MACHINE\\" + profiles.substring(5) + "\\S-1-5-18",
            "HKEY_LOCAL_MACHINE\\" + profiles.substring(5) + "\\S-1-5-21-11-22-33-1001",
            "HKEY_LOCAL_MACHINE\\" + profiles.substring(5) + "\\S-1-5-21-11-22-33-1002") + "\r\n");
      }
      if (line.equals("reg query " + profiles + "\\S-1-5-21-11-22-33-1002 /v ProfileImagePath")) {
        return java.util.Optional.of("\r\nHKEY_LOCAL_MACHINE\\...\\S-1-5-21-11-22-33-1002\r\n    ProfileImagePath    REG_EXPAND_SZ    C:\\Users\\bob\r\n");
      }
      if (line.startsWith("reg load ") || line.startsWith("reg unload ")) {
        return java.util.Optional.of("The operation completed successfully.");
      }
      if (line.startsWith("reg export HKU\\glpi-agent-S-1-5-21-11-22-33-1002\\")) {
        String key = "HKEY_USERS\\glpi-agent-S-1-5-21-11-22-33-1002\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\BobTool";
        try {
          java.nio.file.Files.writeString(Path.of(argv[3]),
              "\uFEFFWindows Registry Editor Version 5.00\r\n\r\n[" + key + "]\r\n\"DisplayName\"=\"Bob's Tool\"\r\n\"DisplayVersion\"=\"1.2\"\r\n",
              java.nio.charset.StandardCharsets.UTF_16LE);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return java.util.Optional.of("");
      }
      return java.util.Optional.empty();
    };
    InventoryTask task = new InventoryTask(List.of(new SoftwareCollector()), clock -> new Platform(clock, dir, commands, true, true));
    TaskContext c = context(Map.of("scan-profiles", List.of("1")));
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    ObjectNode doc = message(submitted.get(0));
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    JsonNode bob = doc.path("content").path("softwares").get(0);
    assertThat(bob.path("name").asText()).isEqualTo("Bob's Tool");
    assertThat(bob.path("userid").asText()).isEqualTo("S-1-5-21-11-22-33-1002");
    assertThat(calls).contains("reg load HKU\\glpi-agent-S-1-5-21-11-22-33-1002 C:\\Users\\bob\\NTUSER.DAT",
        "reg unload HKU\\glpi-agent-S-1-5-21-11-22-33-1002");
    assertThat(calls).noneMatch(l -> l.startsWith("reg load") && (l.contains("1001") || l.contains("S-1-5-18")));
  }

  @Test
  void registryQueryOutputs() {
    assertThat(RegistrySoftware.subkeys("\r\nHKEY_USERS\\.DEFAULT\r\nHKEY_USERS\\S-1-5-19\r\nnot a key\r\n")).containsExactly(".DEFAULT", "S-1-5-19");
    assertThat(RegistrySoftware.queryValue("    ProfileImagePath    REG_EXPAND_SZ    %SystemDrive%\\Users\\x y", "profileimagepath"))
        .contains("%SystemDrive%\\Users\\x y");
    assertThat(RegistrySoftware.queryValue("ERROR: The system was unable to find the specified registry key or value.", "ProfileImagePath")).isEmpty();
    assertThat(SoftwareCollector.expand("%NO_SUCH_VARIABLE_HERE%\\Users")).isEqualTo("%NO_SUCH_VARIABLE_HERE%\\Users");
  }
}
