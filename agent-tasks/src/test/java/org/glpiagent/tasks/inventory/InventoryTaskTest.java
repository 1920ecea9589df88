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
        clock -> new Platform(clock, dir, commands, true));
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
  void windowsOnlyCollectorsStayQuietElsewhere() throws Exception {
    Platform.Commands commands = recorded(Map.of(WindowsSecurity.FIREWALL_SCRIPT, "firewall/windows-11"));
    InventoryTask task = new InventoryTask(List.of(WindowsCollectors.firewalls()), clock -> new Platform(clock, dir, commands, false));
    TaskContext c = context(Map.of());
    task.run(task.plan(ServerInstructions.none(false), c).orElseThrow(), c);
    assertThat(message(submitted.get(0)).path("content").has("firewalls")).isFalse();
  }

  @Test
  void lvmSectionsPassTheSchema() throws Exception {
    Platform.Commands commands = recorded(Map.of("pvs", "pvs/debian-12", "vgs", "vgs/debian-12", "lvs", "lvs/debian-12"));
    InventoryTask task = new InventoryTask(List.of(LvmCollector.lvm()), clock -> new Platform(clock, dir, commands, false));
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
}
