package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.config.ConfigException;
import org.glpiagent.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MsiConfigTest {
  @TempDir Path dir;

  private static final Path WXS = Path.of("../packaging/windows/glpi-agent.wxs");

  private int run(ByteArrayOutputStream err, String... args) {
    return MsiConfig.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void msiexecPropertiesBecomeAConfFileTheAgentReadsBack() throws Exception {
    Path out = dir.resolve("etc/conf.d/00-installer.cfg");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = run(err, "--output", out.toString(), "SERVER=https://glpi.example.com/", "TAG=paris",
        "NO_SSL_CHECK=Yes", "LAZY=0", "NO_CATEGORY=printer,process", "HTTPD_TRUST=192.0.2.0/24", "DELAYTIME=600",
        "EXECMODE=Service", "RUNNOW=1", "ADD_FIREWALL_EXCEPTION=1", "PROXY=", "USER=", "PASSWORD=");
    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readAllLines(out)).filteredOn(l -> !l.startsWith("#")).containsExactly(
        "server = https://glpi.example.com/", "tag = paris", "no-ssl-check = 1", "lazy = 0",
        "no-category = printer,process", "httpd-trust = 192.0.2.0/24", "delaytime = 600");
    Files.writeString(dir.resolve("etc/agent.cfg"), "include \"conf.d/\"\n");
    AgentConfig c = new ConfigLoader(dir.resolve("etc/agent.cfg"), dir).load(Map.of());
    assertThat(c.list("server")).containsExactly("https://glpi.example.com/");
    assertThat(c.flag("no-ssl-check")).isTrue();
    assertThat(c.list("no-category")).containsExactly("printer", "process");
  }

  @Test
  void aBadPropertyFailsTheInstallWithItsNameAndWritesNothing() {
    Path out = dir.resolve("00-installer.cfg");
    for (String[] bad : List.of(new String[] {"SERVERS=https://x/"}, new String[] {"DELAYTIME=soon"},
        new String[] {"SERVER=ftp://glpi.example.com/"}, new String[] {"FORCE=1"}, new String[] {"no equals sign"})) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      String[] args = new String[bad.length + 2];
      args[0] = "--output";
      args[1] = out.toString();
      System.arraycopy(bad, 0, args, 2, bad.length);
      assertThat(run(err, args)).as(String.join(" ", bad)).isEqualTo(2);
      assertThat(err.toString()).as(String.join(" ", bad)).startsWith("glpi-agent msi-config: ");
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void aSecretNeverAppearsInAnError() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("PASSWORD", "s3cr3t-pa55\nline");
    assertThatThrownBy(() -> MsiConfig.lines(p)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("PASSWORD").hasMessageNotContaining("s3cr3t");
    Map<String, String> q = new LinkedHashMap<>();
    q.put("OAUTH_CLIENT_SECRET", "t0ps3cret");
    q.put("SERVER", "not a url");
    assertThatThrownBy(() -> MsiConfig.lines(q)).isInstanceOf(ConfigException.class).hasMessageNotContaining("t0ps3cret");
  }

  @Test
  void theInstallerDefinitionPassesEveryPropertyItDeclaresAndEachIsAnOption() throws Exception {
    String wxs = Files.readString(WXS);
    List<String> declared = Pattern.compile("<Property Id=\"([A-Z_]+)\"").matcher(wxs).results().map(m -> m.group(1)).toList();
    assertThat(declared).contains("SERVER", "TAG", "PASSWORD", "EXECMODE", "RUNNOW");
    Matcher cmd = Pattern.compile("Id=\"WriteAgentConfig\" Sequence=\"execute\"[^>]*Value=\"([^\"]*)\"").matcher(wxs);
    assertThat(cmd.find()).as("the msi-config command line").isTrue();
    for (String p : declared) {
      if (MsiConfig.INSTALLER.contains(p)) {
        assertThat(cmd.group(1)).as(p + " is the installer's").doesNotContain(p + "=[");
        continue;
      }
      assertThat(MsiConfig.option(p)).as(p + " names an agent option").isPresent();
      assertThat(MsiConfig.option(p).get().cliOnly()).as(p).isFalse();
      assertThat(cmd.group(1)).as(p + " reaches msi-config").contains("&quot;" + p + "=[" + p + "]&quot;");
      if (MsiConfig.option(p).get().secret()) {
        assertThat(wxs).as(p + " is hidden from the installer's log").contains("<Property Id=\"" + p + "\" Secure=\"yes\" Hidden=\"yes\" />");
      }
    }
    assertThat(wxs).contains("HideTarget=\"yes\"");
  }
}
