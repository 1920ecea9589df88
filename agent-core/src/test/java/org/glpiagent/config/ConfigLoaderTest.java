package org.glpiagent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private ConfigLoader loader() {
    return new ConfigLoader(dir.resolve("agent.cfg"), dir);
  }

  @Test
  void defaultsFileAndCommandLineInThatOrderOfPrecedence() throws Exception {
    Files.writeString(dir.resolve("agent.cfg"), "server = glpi.example/front/inventory.php, https://b.example/\ndelaytime = 600\ntimeout = 30\n");
    AgentConfig c = loader().load(Map.of("timeout", List.of("5")));
    assertThat(c.list("server")).containsExactly("http://glpi.example/front/inventory.php", "https://b.example/");
    assertThat(c.integer("delaytime")).contains(600L);
    assertThat(c.integer("timeout")).contains(5L);
    assertThat(c.integer("httpd-port")).contains(62354L);
    assertThat(c.list("logger")).containsExactly("stderr");
  }

  @Test
  void commentsQuotesAndEmptyValues() throws Exception {
    Files.writeString(dir.resolve("agent.cfg"), "# comment\n\n  local = \"out dir\"  # trailing\ntag = 'a # b'\ntimeout =\n");
    AgentConfig c = loader().load(Map.of());
    assertThat(c.list("local")).containsExactly(dir.resolve("out dir").toString());
    assertThat(c.string("tag")).contains("a # b");
    assertThat(c.string("timeout")).isEmpty();
  }

  @Test
  void includeOfAFolderReadsItsCfgFilesInOrderAndLoopsAreRefused() throws Exception {
    Files.createDirectories(dir.resolve("conf.d"));
    Files.writeString(dir.resolve("agent.cfg"), "local = out\ntag = base\ninclude \"conf.d/\"\n");
    Files.writeString(dir.resolve("conf.d/10-a.cfg"), "tag = a\n");
    Files.writeString(dir.resolve("conf.d/20-b.cfg"), "tag = b\n");
    Files.writeString(dir.resolve("conf.d/README"), "not a cfg file = ignored\n");
    assertThat(loader().load(Map.of()).string("tag")).contains("b");
    Files.writeString(dir.resolve("conf.d/30-loop.cfg"), "include ../agent.cfg\n");
    assertThatThrownBy(() -> loader().load(Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("include loop");
  }

  @Test
  void aLineThatIsNotKeyValueIsReportedWithItsLineNumber() throws Exception {
    Files.writeString(dir.resolve("agent.cfg"), "local = out\nthis is not valid\n");
    assertThatThrownBy(() -> loader().load(Map.of())).hasMessageContaining("agent.cfg:2").hasMessageContaining("this is not valid");
  }

  @Test
  void aPathTheFileSystemCannotNameIsAConfigError() throws Exception {
    // found fuzzing: a NUL byte in a path option or an include threw InvalidPathException out of the loader
    Files.writeString(dir.resolve("agent.cfg"), "local = out\nca-cert-file = /etc/ss\0l/ca.pem\n");
    assertThatThrownBy(() -> loader().load(Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("ca-cert-file");
    Files.writeString(dir.resolve("agent.cfg"), "local = o\0ut\n");
    assertThatThrownBy(() -> loader().load(Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("local");
    Files.writeString(dir.resolve("agent.cfg"), "local = out\ninclude \"conf\0.d/\"\n");
    assertThatThrownBy(() -> loader().load(Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("include");
  }

  @Test
  void aServerUrlWithoutSchemeMayHoldOneFurtherOn() throws Exception {
    // found fuzzing: "://" in the query made the URL relative, and getScheme() null threw NullPointerException
    Files.writeString(dir.resolve("agent.cfg"), "server = glpi.example/front/inventory.php?next=https://x\n");
    assertThat(loader().load(Map.of()).list("server")).containsExactly("http://glpi.example/front/inventory.php?next=https://x");
    Files.writeString(dir.resolve("agent.cfg"), "server = ://glpi.example/\n");
    assertThatThrownBy(() -> loader().load(Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("server");
  }

  @Test
  void commandLineOnlyOptionsAreRefusedInTheFile() throws Exception {
    Files.writeString(dir.resolve("agent.cfg"), "local = out\nforce = 1\n");
    assertThatThrownBy(() -> loader().load(Map.of())).hasMessageContaining("option force").hasMessageContaining("command line");
  }

  @Test
  void contradictionsAndRanges() throws Exception {
    assertThatThrownBy(() -> loader().load(Map.of("local", List.of("o"), "no-ssl-check", List.of("1"), "ssl-fingerprint", List.of("aa"))))
        .hasMessageContaining("contradicts no-ssl-check");
    assertThatThrownBy(() -> loader().load(Map.of("local", List.of("o"), "httpd-port", List.of("70000")))).hasMessageContaining("between 1 and 65535");
    assertThatThrownBy(() -> loader().load(Map.of("local", List.of("-"), "daemon", List.of("1")))).hasMessageContaining("standard output");
    assertThatThrownBy(() -> loader().load(Map.of("local", List.of("o"), "logger", List.of("stderr", "journal")))).hasMessageContaining("journal");
    assertThatThrownBy(() -> loader().load(Map.of("local", List.of("o"), "compression", List.of("lzma")))).hasMessageContaining("lzma");
    assertThatThrownBy(() -> loader().load(Map.of("server", List.of("http://u:pw@glpi/"))))
        .hasMessageContaining("user/password").hasMessageNotContaining("pw@");
    assertThat(loader().load(Map.of("local", List.of("o"), "conf-reload-interval", List.of("30"))).integer("conf-reload-interval")).contains(60L);
  }

  @Test
  void configNoneSkipsTheFile() throws Exception {
    Files.writeString(dir.resolve("agent.cfg"), "bogus = 1\n");
    assertThat(loader().load(Map.of("config", List.of("none"), "local", List.of("o"))).list("local")).hasSize(1);
  }

  @Test
  void aPerlAgentConfigurationIsAccepted() throws Exception {
    // windows line endings, a byte-order mark, latin-1 text and keys glpi-agent knows that we ignore
    byte[] latin1 = "\uFEFFserver = http://127.0.0.1:1/\r\nremote-scheduling = 0\r\nssl-keystore = none\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(dir.resolve("agent.cfg"), latin1);
    assertThat(loader().load(Map.of()).list("server")).containsExactly("http://127.0.0.1:1/");
    Files.write(dir.resolve("agent.cfg"), "local = out\ntag = caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(loader().load(Map.of()).string("tag")).contains("caf\u00e9");
  }

  @Test
  void anUnknownKeyDoesNotEchoItsValue() throws Exception {
    Files.writeString(dir.resolve("agent.cfg"), "local = out\npasword = hunter2\n");
    assertThatThrownBy(() -> loader().load(Map.of())).hasMessageContaining("pasword").hasMessageNotContaining("hunter2");
  }

  @Test
  void facilitiesAreNormalisedAndCompressionContradictionsRefused() throws Exception {
    assertThat(loader().load(Map.of("local", List.of("o"), "logfacility", List.of("local3"))).string("logfacility")).contains("LOG_LOCAL3");
    assertThatThrownBy(() -> loader().load(Map.of("local", List.of("o"), "logfacility", List.of("LOG_NOPE")))).hasMessageContaining("syslog facility");
    assertThatThrownBy(() -> loader().load(Map.of("local", List.of("o"), "no-compression", List.of("1"), "compression", List.of("br"))))
        .hasMessageContaining("contradicts no-compression");
  }

  @Test
  void aTokenMustBeAWholeUuidAndIsNeverPrinted() throws Exception {
    AgentConfig ok = loader().load(Map.of("local", List.of("-"), "register", List.of("required"),
        "token", List.of("3A609A2E-947F-4E6A-9AF9-32C024AC3944")));
    assertThat(ok.string("register")).contains("required");
    for (String bad : List.of("3a609a2e-947f-4e6a-9af9-32c024ac394", "3a609a2e947f4e6a9af932c024ac3944", "1-2-3-4-5", "secret-token")) {
      assertThatThrownBy(() -> loader().load(Map.of("local", List.of("-"), "token", List.of(bad))))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("option token = \"****\": expected a UUID")
          .hasMessageNotContaining(bad);
    }
    assertThatThrownBy(() -> loader().load(Map.of("local", List.of("-"), "register", List.of("always"))))
        .hasMessage("option register = \"always\": expected one of 0, 1, false, no, off, on, required, true, yes");
  }
}
