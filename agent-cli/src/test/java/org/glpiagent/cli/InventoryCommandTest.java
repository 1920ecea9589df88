package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glpiagent.testkit.InventorySchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glpi-agent inventory}, the standalone tool. */
class InventoryCommandTest {
  @TempDir Path dir;

  @Test
  void printsASchemaValidJsonInventoryWithTheAgentsOwnDeviceid() throws Exception {
    AgentRun r = AgentRun.run(dir, "inventory", "--vardir", dir.resolve("var").toString(), "--no-category", "process,environment");
    assertThat(r.code).as(r.toString()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out);
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
    assertThat(doc.path("content").has("processes")).isFalse();
    assertThat(doc.path("content").path("softwares").size()).isPositive();
    String identity = Files.readString(dir.resolve("var/agent.json"));
    assertThat(identity).contains(doc.path("deviceid").asText());
  }

  @Test
  void partialKeepsOneCategoryWithHardwareAndBios() throws Exception {
    AgentRun r = AgentRun.run(dir, "inventory", "--partial", "cpu", "--vardir", dir.resolve("var").toString());
    JsonNode doc = new ObjectMapper().readTree(r.out);
    assertThat(doc.path("partial").asBoolean()).isTrue();
    assertThat(doc.path("content").has("cpus")).isTrue();
    assertThat(doc.path("content").has("hardware")).isTrue();
    assertThat(doc.path("content").has("softwares")).isFalse();
    assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
  }

  @Test
  void xmlAndHtmlToAFile() throws Exception {
    assertThat(AgentRun.run(dir, "inventory", "--xml", "-o", dir.resolve("inv.xml").toString(), "--vardir", dir.resolve("var").toString()).code).isZero();
    assertThat(Files.readString(dir.resolve("inv.xml"))).startsWith("<?xml").contains("<SOFTWARES>");
    assertThat(AgentRun.run(dir, "inventory", "--html", "-o", dir.resolve("inv.html").toString(), "--vardir", dir.resolve("var").toString()).code).isZero();
    assertThat(Files.readString(dir.resolve("inv.html"))).startsWith("<!DOCTYPE html>").contains("<h2 id=\"softwares\">").contains("<th>name</th>");
  }

  @Test
  void badArgumentsExitWithTwo() {
    assertThat(AgentRun.run(dir, "inventory", "--partial", "nope").code).isEqualTo(2);
    assertThat(AgentRun.run(dir, "inventory", "--xml", "--html").code).isEqualTo(2);
    AgentRun unknown = AgentRun.run(dir, "inventory", "--frob");
    assertThat(unknown.code).isEqualTo(2);
    assertThat(unknown.err).contains("--frob");
    assertThat(AgentRun.run(dir, "inventory", "--no-category", "softwre", "--vardir", dir.resolve("var").toString()).err).contains("softwre");
  }
}
