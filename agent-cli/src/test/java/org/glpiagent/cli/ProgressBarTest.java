package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void theLineShowsHowFarTheSweepIs() {
    assertThat(ProgressBar.line(0, 4096, 0, 0)).isEqualTo("[..............................]    0/4096 addresses  0 devices  0:00");
    assertThat(ProgressBar.line(2048, 4096, 1, 61_500)).isEqualTo("[###############...............] 2048/4096 addresses  1 device  1:01");
    assertThat(ProgressBar.line(4096, 4096, 12, 3_723_000)).startsWith("[##############################] 4096/4096").endsWith("12 devices  62:03");
    assertThat(ProgressBar.line(5, 0, 0, 0)).startsWith("[##############################]"); // an empty range does not divide by zero
  }

  @Test
  void itRedrawsOneLineAndEndsItWhenDone() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), System.nanoTime());
    for (int i = 1; i <= 100; i++) {
      bar.update(i, 100, i / 10);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("\r[").endsWith("100/100 addresses  10 devices  0:00" + System.lineSeparator());
    assertThat(text.chars().filter(c -> c == '\r').count()).as("throttled redraws").isLessThan(10);
  }
}
