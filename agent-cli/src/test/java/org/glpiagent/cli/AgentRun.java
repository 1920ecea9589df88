package org.glpiagent.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real {@code glpi-agent} entry point in this JVM and keeps what it printed. */
final class AgentRun {
  final int code;
  final String out;
  final String err;

  private AgentRun(int code, String out, String err) {
    this.code = code;
    this.out = out;
    this.err = err;
  }

  /** Runs {@code glpi-agent args...} with no default configuration file, from {@code dir}. */
  static AgentRun run(Path dir, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream realErr = System.err;
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    System.setErr(errStream); // the stderr log sink writes to the current System.err
    try {
      int code =
          new Main(new PrintStream(out, true, StandardCharsets.UTF_8), errStream, dir.resolve("no-default.cfg"), dir)
              .run(args);
      return new AgentRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(realErr);
    }
  }

  /** The usual arguments of a one-shot run against a server, plus more. */
  static String[] forServer(String url, Path vardir, String... more) {
    List<String> a = new ArrayList<>(List.of("--server", url, "--force", "--no-httpd", "--vardir", vardir.toString(), "--timeout", "5"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
  }
}
