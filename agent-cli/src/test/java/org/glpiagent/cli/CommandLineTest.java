package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glpiagent.config.Options;
import org.glpiagent.testkit.InventorySchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
  @TempDir Path dir;

  @Test
  void helpDocumentsEveryOptionWithItsDefault() {
    AgentRun r = AgentRun.run(dir, "--help");
    assertThat(r.code).isZero();
    Options.all().forEach(o -> assertThat(r.out).as(o.name()).contains("--" + o.name()));
    assertThat(r.out).contains("(default: 3600)").contains("(default: 62354)");
  }

  @Test
  void versionAndUnknownOption() {
    assertThat(AgentRun.run(dir, "--version").out).startsWith("GLPI-Agent (Java) ");
    AgentRun bad = AgentRun.run(dir, "--frobnicate");
    assertThat(bad.code).isEqualTo(2);
    assertThat(bad.err).contains("--frobnicate");
  }

  @Test
  void noTargetIsAnErrorThatSaysWhatToDo() {
    AgentRun r = AgentRun.run(dir, "--force");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("no target").contains("--server");
  }

  @Test
  void badValuesAreRefusedNamingTheOption() {
    AgentRun r = AgentRun.run(dir, "--local", "out", "--delaytime", "soon");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("option delaytime = \"soon\"").contains("whole number");
    AgentRun scheme = AgentRun.run(dir, "--server", "ftp://glpi/");
    assertThat(scheme.code).isEqualTo(2);
    assertThat(scheme.err).contains("only http and https");
    AgentRun unknownTask = AgentRun.run(dir, "--local", "out", "--tasks", "inventroy", "--vardir", dir.resolve("v").toString());
    assertThat(unknownTask.code).isEqualTo(2);
    assertThat(unknownTask.err).contains("option tasks = \"inventroy\": unknown task");
  }

  @Test
  void configurationFileErrorsNameTheFileLineAndKey() throws Exception {
    Path cfg = dir.resolve("agent.cfg");
    Files.writeString(cfg, "server = http://127.0.0.1:1/\nfrobnicate = 1\n");
    AgentRun r = AgentRun.run(dir, "--conf-file", cfg.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("option frobnicate").contains("unknown option").contains("agent.cfg");
    Files.writeString(cfg, "local = out\npassword = hunter2\nno-ssl-check = maybe\n");
    AgentRun flag = AgentRun.run(dir, "--conf-file", cfg.toString());
    assertThat(flag.code).isEqualTo(2);
    assertThat(flag.err).contains("no-ssl-check").contains("maybe").doesNotContain("hunter2");
    Files.writeString(cfg, "local = out\nca-cert-file = /a\nca-cert-dir = /b\n");
    assertThat(AgentRun.run(dir, "--conf-file", cfg.toString()).err).contains("cannot be used with ca-cert-file");
  }

  @Test
  void secretsAreMaskedInErrors() throws Exception {
    Path cfg = dir.resolve("agent.cfg");
    Files.writeString(cfg, "local = out\noauth-client-secret = topsecret\n");
    AgentRun r = AgentRun.run(dir, "--conf-file", cfg.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("oauth-client-id").doesNotContain("topsecret");
  }

  @Test
  void localTargetWritesASchemaValidInventoryFromTheConfigurationFile() throws Exception {
    Path cfg = dir.resolve("agent.cfg");
    Files.createDirectories(dir.resolve("conf.d"));
    Files.writeString(cfg, "# sample\nlocal = out  # a folder\njson = yes\ninclude \"conf.d/\"\n");
    Files.writeString(dir.resolve("conf.d/50-tag.cfg"), "tag = 'site-A'\n");
    AgentRun r = AgentRun.run(dir, "--conf-file", cfg.toString(), "--force", "--vardir", dir.resolve("var").toString());
    assertThat(r.code).as(r.toString()).isZero();
    try (var files = Files.list(dir.resolve("out"))) {
      Path f = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      JsonNode doc = new ObjectMapper().readTree(f.toFile());
      assertThat(doc.path("tag").asText()).isEqualTo("site-A");
      assertThat(InventorySchema.CURRENT.violations(doc)).isEmpty();
      assertThat(InventorySchema.STRICT_1_1_36.violations(doc)).isEmpty();
    }
  }

  @Test
  void localXmlByDefaultAsGlpiAgentDoes() throws Exception {
    AgentRun r = AgentRun.run(dir, "--local", "out", "--force", "--vardir", dir.resolve("var").toString());
    assertThat(r.code).as(r.toString()).isZero();
    try (var files = Files.list(dir.resolve("out"))) {
      Path f = files.findFirst().orElseThrow();
      assertThat(f.toString()).endsWith(".xml");
      assertThat(Files.readString(f)).startsWith("<?xml").contains("<QUERY>INVENTORY</QUERY>");
    }
  }

  @Test
  void localDashWritesToStandardOutput() {
    AgentRun r = AgentRun.run(dir, "--local", "-", "--json", "--force", "--vardir", dir.resolve("var").toString());
    assertThat(r.code).isZero();
    assertThat(r.out).contains("\"action\" : \"inventory\"").contains("\"versionclient\"");
  }

  @Test
  void listTasksAndCategories() {
    assertThat(AgentRun.run(dir, "--list-tasks").out).contains("inventory (v");
    assertThat(AgentRun.run(dir, "--list-categories").out).contains("software").contains("bios");
  }
}
