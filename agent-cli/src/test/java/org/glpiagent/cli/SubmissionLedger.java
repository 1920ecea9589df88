package org.glpiagent.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the fault tests write, per case, how many submissions the agent made and how many the server
 * accepted: {@code target/reliability/submissions.tsv}, summed by {@code bench/reliability.sh}.
 */
final class SubmissionLedger {
  private SubmissionLedger() {}

  static synchronized void record(String fault, int made, int accepted) {
    Path f = Path.of("target", "reliability", "submissions.tsv");
    try {
      Files.createDirectories(f.getParent());
      Files.writeString(f, fault + "\t" + made + "\t" + accepted + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
