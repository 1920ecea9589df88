package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.glpiagent.agent.Daemon;
import org.glpiagent.agent.RunLog;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.httpd.HttpPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page of a real daemon (in this JVM, with a local target) as a person sees it: rendered by
 * Debian's headless Chromium (installed by .ci/run), its DOM read back and a screenshot taken.
 */
class StatusPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  @TempDir Path dir;

  private static String chromium(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox",
        "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory("chromium")));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void theStatusPageRendersTargetsAndRunsInABrowser() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install chromium)");
    AgentConfig config = AgentConfig.of(Map.of("local", List.of(dir.resolve("out").toString()), "vardir",
        List.of(dir.resolve("var").toString()), "json", List.of("1"), "httpd-ip", List.of("127.0.0.1"), "httpd-port",
        List.of("0"), "delaytime", List.of("3600")));
    try (AgentProcess p = AgentProcess.build(config, Launch.environment(new PrintStream(new ByteArrayOutputStream())))) {
      Daemon daemon = new Daemon(p.agent(), Clock.systemUTC(), Daemon.systemWaiter());
      Thread loop = Thread.ofPlatform().start(daemon::loop);
      try (HttpPort port = p.openPort(daemon).orElseThrow()) {
        String id = daemon.requestRun(Optional.of("local0"), RunLog.Trigger.API).get(0).id();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!daemon.runLog().run(id).orElseThrow().state().ended() && System.nanoTime() < end) {
          Thread.sleep(100); // a real inventory runs on real time
        }
        assertThat(daemon.runLog().run(id).orElseThrow().state()).isEqualTo(RunLog.State.FINISHED);
        String url = "http://127.0.0.1:" + port.port() + "/";
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(200);

        String dom = chromium("--dump-dom", url);
        assertThat(dom).contains("<h1>GLPI Agent ").contains("status: waiting").contains("<td>local0</td>")
            .contains("<td>api</td>").contains("<td>finished</td>").contains("<td>done</td>");

        Path shot = dir.resolve("status-page.png");
        chromium("--window-size=1000,700", "--screenshot=" + shot, url);
        BufferedImage img = ImageIO.read(shot.toFile());
        assertThat(img.getWidth()).isEqualTo(1000);
        assertThat(img.getHeight()).isEqualTo(700);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
          for (int x = 0; x < img.getWidth(); x += 4) {
            colours.add(img.getRGB(x, y));
          }
        }
        // text, the table's borders and header, the green "finished" row: not a blank page
        assertThat(colours.size()).isGreaterThan(20);
        if (System.getenv("GLPI_AGENT_KEEP_SCREENSHOT") != null) {
          Files.copy(shot, Path.of(System.getenv("GLPI_AGENT_KEEP_SCREENSHOT")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        daemon.stop();
        loop.join(Duration.ofSeconds(15));
      }
    }
  }
}
