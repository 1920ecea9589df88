package org.glpiagent.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code agent.cfg} from any bytes: {@link ConfigLoader#load} returns a configuration or throws
 * {@link ConfigException} naming the option, nothing else. The file lies in a folder of its own beside a
 * {@code conf.d/} that it may include. Seeds: the sample {@code agent.cfg} and files of the loader's tests.
 */
class ConfigFileFuzzTest {
  private static final Path DIR = folder();

  private static Path folder() {
    try {
      Path d = Files.createTempDirectory("agent-cfg-fuzz");
      Files.createDirectories(d.resolve("conf.d"));
      Files.writeString(d.resolve("conf.d/10-server.cfg"), "server = https://glpi.example.test/\n");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d)));
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path d) {
    try (Stream<Path> s = Files.walk(d)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder left behind
    }
  }

  @FuzzTest
  void agentCfg(byte[] file) throws IOException {
    Path cfg = DIR.resolve("agent.cfg");
    Files.write(cfg, file);
    ConfigLoader loader = new ConfigLoader(DIR.resolve("absent.cfg"), DIR);
    try {
      loader.load(Map.of("conf-file", List.of(cfg.toString())), false);
    } catch (ConfigException refused) {
      // a clear refusal is a valid outcome
    }
  }
}
