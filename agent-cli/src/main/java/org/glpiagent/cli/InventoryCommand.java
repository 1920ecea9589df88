package org.glpiagent.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.identity.AgentIdentity;
import org.glpiagent.target.DocumentFormat;
import org.glpiagent.task.ResultSink;
import org.glpiagent.task.ServerInstructions;
import org.glpiagent.task.Submission;
import org.glpiagent.task.TaskContext;
import org.glpiagent.task.TaskException;
import org.glpiagent.tasks.inventory.Categories;
import org.glpiagent.tasks.inventory.InventoryPlan;
import org.glpiagent.tasks.inventory.InventoryTask;

/**
 * {@code glpi-agent inventory}: the local inventory printed or written to a file, as glpi-agent's
 * {@code glpi-inventory} tool does, without any server. The {@code deviceid} is the agent's own (from
 * {@code vardir}), so an inventory injected later does not make a duplicate computer in GLPI.
 */
final class InventoryCommand {
  static final ArgParser PARSER =
      StandaloneTool.withCommonOptions(
          new ArgParser("glpi-agent inventory", "Inventories this computer and prints the result (JSON by default) or writes it to a file.")
              .flag("json", "JSON, as GLPI takes it (the default)", "--json")
              .flag("xml", "the legacy XML format", "--xml")
              .flag("html", "an HTML page a person can read", "--html")
              .value("output", "FILE", "write to this file instead of standard output", "-o", "--output")
              .value("partial", "CATEGORY", "only this category (with hardware and bios)", "--partial")
              .add("no-category", ArgParser.Arity.LIST, "LIST", "categories not to collect", "--no-category")
              .value("tag", "TAG", "tag to put in the inventory", "-t", "--tag")
              .value("backend-collect-timeout", "N", "seconds one collector may take (default: 180)", "--backend-collect-timeout"));

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, List<String>> given;

  private InventoryCommand(PrintStream out, PrintStream err, Map<String, List<String>> given) {
    this.out = out;
    this.err = err;
    this.given = given;
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return StandaloneTool.execute("inventory", PARSER, args, out, err, given -> new InventoryCommand(out, err, given).call());
  }

  int call() throws Exception {
    boolean json = given.containsKey("json");
    boolean xml = given.containsKey("xml");
    boolean html = given.containsKey("html");
    String partial = StandaloneTool.string(given, "partial");
    String tag = StandaloneTool.string(given, "tag");
    Path output = StandaloneTool.path(given, "output");
    long timeout = StandaloneTool.number(given, "backend-collect-timeout", 180);
    List<String> noCategory = StandaloneTool.list(given, "no-category");
    if ((json ? 1 : 0) + (xml ? 1 : 0) + (html ? 1 : 0) > 1) {
      err.println("glpi-agent inventory: choose one of --json, --xml, --html");
      return 2;
    }
    if (partial != null && !Categories.ALL.contains(partial)) {
      err.println("glpi-agent inventory: --partial " + partial + ": unknown category (see glpi-agent --list-categories)");
      return 2;
    }
    StandaloneTool.logging(StandaloneTool.debug(given));
    DocumentFormat format = html ? DocumentFormat.HTML : xml ? DocumentFormat.XML : DocumentFormat.JSON;
    Clock clock = Clock.systemDefaultZone();
    AgentIdentity id = StandaloneTool.identity(StandaloneTool.path(given, "vardir"), err);
    List<String> disabled = new ArrayList<>(noCategory);
    if (partial != null) {
      Categories.ALL.stream().filter(c -> !c.equals(partial) && !c.equals("hardware") && !c.equals("bios")).forEach(disabled::add);
    }
    AgentConfig config =
        AgentConfig.of(Map.of("no-category", disabled, "backend-collect-timeout", List.of(String.valueOf(timeout))));
    List<byte[]> written = new ArrayList<>();
    Optional<String> tagged = Optional.ofNullable(tag).filter(t -> !t.isBlank());
    ResultSink sink = s -> written.add(format.write(partial == null ? s
        : new Submission(s.action(), s.itemtype(), true, s.content(), s.jobId()), id.deviceId(), tagged));
    InventoryTask task = new InventoryTask();
    TaskContext context = new TaskContext(config, clock, sink, Path.of(System.getProperty("java.io.tmpdir")), id.deviceId(), tag == null ? "" : tag);
    try {
      InventoryPlan plan = task.plan(ServerInstructions.none(true), context).orElseThrow();
      task.run(plan, context);
    } catch (TaskException e) {
      err.println("glpi-agent inventory: " + e.getMessage());
      return 2;
    }
    for (byte[] doc : written) {
      if (output == null) {
        out.write(doc);
        out.flush();
      } else {
        write(output, doc);
      }
    }
    return 0;
  }

  private static void write(Path file, byte[] doc) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".inventory", ".tmp");
    try (OutputStream o = Files.newOutputStream(tmp)) {
      o.write(doc);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }
}
