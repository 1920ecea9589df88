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
}
