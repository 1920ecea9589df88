package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glpiagent.config.ConfigLoader;
import org.glpiagent.config.OptionDef;
import org.glpiagent.config.Options;
import org.junit.jupiter.api.Test;

/** The sample agent.cfg shipped in packaging/ is valid and names every option a file may set. */
class SampleConfigTest {
  private static final Path SAMPLE = Path.of("..", "packaging", "etc", "agent.cfg").toAbsolutePath().normalize();

  @Test
  void sampleLoadsAndListsEveryFileOption() throws Exception {
    String text = Files.readString(SAMPLE);
    for (OptionDef d : Options.all()) {
      if (!d.cliOnly()) {
        assertThat(text).as(d.name()).containsPattern("(?m)^#?" + java.util.regex.Pattern.quote(d.name()) + " =");
      }
    }
    var config = new ConfigLoader(SAMPLE, SAMPLE.getParent()).load(Map.of("local", List.of("-")));
    assertThat(config.integer("delaytime")).contains(3600L);
  }
}
