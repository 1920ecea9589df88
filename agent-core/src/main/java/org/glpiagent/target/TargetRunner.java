package org.glpiagent.target;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.glpiagent.client.ServerClient;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.identity.AgentIdentity;
import org.glpiagent.register.Registrar;
import org.glpiagent.state.StateStore;
import org.glpiagent.task.ResultSink;
import org.glpiagent.task.ServerInstructions;
import org.glpiagent.task.Task;
import org.glpiagent.task.TaskContext;
import org.glpiagent.task.TaskException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a target once: opens the dialogue with the server (or nothing, for a folder), sends what earlier runs
 * kept, then plans and runs each enabled task in order, and says how it went.
 */
public final class TargetRunner implements TargetRuns {
  private static final Logger log = LoggerFactory.getLogger(TargetRunner.class);
  /** The tasks a local target can run: the others need a server's jobs. */
  static final Set<String> LOCAL_TASKS = Set.of("inventory", "remoteinventory", "netdiscovery", "netinventory");

  private final AgentConfig config;
  private final AgentIdentity identity;
  private final List<Task<?>> tasks;
  private final Clock clock;
  private final Path vardir;
  private final Function<Target.Server, ServerDialogue> dialogues;
  private final ServerClient client;
  private final OutputStream stdout;
  private final Registrar registrar;
  private volatile String currentTask;
  private volatile org.glpiagent.task.WorkBoard currentBoard = new org.glpiagent.task.WorkBoard();

  /**
   * @param tasks the enabled tasks, in the order they run
   * @param dialogues makes the dialogue for a server (the CONTACT message depends on the configuration)
   * @param client the client results are posted with
   * @param stdout where {@code --local -} writes
   */
  public TargetRunner(
      AgentConfig config,
      AgentIdentity identity,
      List<Task<?>> tasks,
      Clock clock,
      Path vardir,
      Function<Target.Server, ServerDialogue> dialogues,
      ServerClient client,
      OutputStream stdout) {
    this(config, identity, tasks, clock, vardir, dialogues, client, stdout, Registrar.disabled());
  }

  /**
   * @param registrar registers with a server before anything else is sent to it (REGISTER)
   */
  public TargetRunner(
      AgentConfig config,
      AgentIdentity identity,
      List<Task<?>> tasks,
      Clock clock,
      Path vardir,
      Function<Target.Server, ServerDialogue> dialogues,
      ServerClient client,
      OutputStream stdout,
      Registrar registrar) {
    this.registrar = registrar;
    this.config = config;
    this.identity = identity;
    this.tasks = List.copyOf(tasks);
    this.clock = clock;
    this.vardir = vardir;
    this.dialogues = dialogues;
    this.client = client;
    this.stdout = stdout;
  }

  @Override
  public List<org.glpiagent.task.WorkItems.Progress> work() {
    return currentBoard.progress();
  }

  @Override
  public java.util.Optional<String> currentTask() {
    return java.util.Optional.ofNullable(currentTask);
  }

  /**
   * What a run did.
   *
   * @param outcome how it ended
   * @param kind what the server speaks, as far as this run found out
   * @param maxDelay the server's maximum delay between runs, when it said one
   * @param tasksContact when the server's tasks API asked to be contacted again ({@code nextContactTime})
   */
  public record Result(Outcome outcome, ServerKind kind, Optional<Duration> maxDelay, Optional<java.time.Instant> tasksContact) {
    public Result(Outcome outcome, ServerKind kind, Optional<Duration> maxDelay) {
      this(outcome, kind, maxDelay, Optional.empty());
    }
  }

  @Override
  public Result run(Target target, ServerKind known, boolean forced) throws InterruptedException {
    MDC.put("target", target.id());
    try {
      return switch (target) {
        case Target.Server s -> runServer(s, known, forced);
        case Target.Local l -> runLocal(l, forced);
      };
    } finally {
      MDC.remove("target");
    }
  }

  /**
   * Asks a server's tasks API only, at the {@code nextContactTime} it gave, and runs the jobs it answers: no
   * CONTACT, no inventory. A local target has nothing to ask.
   */
  @Override
  public Result runScheduledTasks(Target target, ServerKind known) throws InterruptedException {
    if (!(target instanceof Target.Server s)) {
      return new Result(new Outcome.Completed(List.of()), known, Optional.empty());
    }
    MDC.put("target", target.id());
    try {
      Optional<Outcome> held = register(s);
      if (held.isPresent()) {
        return new Result(held.get(), known, Optional.empty());
      }
      Path storage = storage(s);
      ServerSink sink = serverSink(s, known, storage);
      sink.flush();
      ScheduledTasks.Answer answer = askTasks(s);
      List<String> failed = runTasks(ServerInstructions.none(false).withScheduledTasks(answer.tasks()), sink, storage, Set.of(), false, false);
      return new Result(sink.trouble().orElse(new Outcome.Completed(failed)), known, Optional.empty(), answer.nextContact());
    } finally {
      MDC.remove("target");
    }
  }

  private ScheduledTasks.Answer askTasks(Target.Server target) {
    Optional<Task<?>> discovery = tasks.stream().filter(t -> t.id().equals("netdiscovery")).findFirst();
    if (discovery.isEmpty()) {
      return new ScheduledTasks.Answer(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode(), Optional.empty());
    }
    return ScheduledTasks.fromServer(client, target.url(), identity.deviceId(), java.util.Map.of("netdiscovery", discovery.get().version()));
  }

  private ServerSink serverSink(Target.Server target, ServerKind kind, Path storage) {
    return new ServerSink(
        client,
        target.url(),
        kind,
        identity.deviceId(),
        config.string("tag"),
        new PendingSubmissions(storage.resolve("pending"), clock),
        new StateStore(storage, clock),
        config.flag("full") ? 0 : config.integer("full-inventory-postpone").orElse(14L).intValue());
  }

  private Result runLocal(Target.Local target, boolean forced) throws InterruptedException {
    DocumentFormat format =
        config.flag("html") ? DocumentFormat.HTML : config.flag("json") ? DocumentFormat.JSON : DocumentFormat.XML;
    LocalSink sink = new LocalSink(target, identity.deviceId(), config.string("tag"), format, stdout);
    List<String> failed = new ArrayList<>();
    ServerInstructions instructions = ServerInstructions.none(forced);
    try {
      instructions = withTasksFile(instructions);
    } catch (IOException e) {
      log.error("{}", e.getMessage());
      failed.add("tasks-file");
    }
    failed.addAll(runTasks(instructions, sink, storage(target), Set.of(), true, true));
    return new Result(new Outcome.Completed(failed), ServerKind.UNKNOWN, Optional.empty());
  }

  private Result runServer(Target.Server target, ServerKind known, boolean forced) throws InterruptedException {
    Optional<Outcome> held = register(target);
    if (held.isPresent()) {
      return new Result(held.get(), known, Optional.empty());
    }
    ServerDialogue.Result opening = dialogues.apply(target).open(target.url(), known, forced);
    if (opening instanceof ServerDialogue.Stop stop) {
      ServerKind kind = stop.kind() == ServerKind.UNKNOWN ? known : stop.kind();
      return new Result(stop.outcome(), kind, Optional.empty());
    }
    ServerDialogue.Proceed go = (ServerDialogue.Proceed) opening;
    Path storage = storage(target);
    ServerSink sink = serverSink(target, go.kind(), storage);
    sink.flush();
    List<String> failed = new ArrayList<>();
    ServerInstructions instructions = go.instructions();
    try {
      instructions = withTasksFile(instructions);
    } catch (IOException e) {
      log.error("{}", e.getMessage());
      failed.add("tasks-file");
    }
    // the tasks API only when discovery can run here: installed and not disabled by the server's answer
    Optional<java.time.Instant> nextContact = Optional.empty();
    if (instructions.scheduledTasks().isEmpty() && !go.disabled().contains("netdiscovery")) {
      ScheduledTasks.Answer answer = askTasks(target);
      instructions = instructions.withScheduledTasks(answer.tasks());
      nextContact = answer.nextContact();
    }
    failed.addAll(runTasks(instructions, sink, storage, go.disabled(), go.inventoryWanted() || forced, false));
    Outcome outcome = sink.trouble().orElse(new Outcome.Completed(failed));
    return new Result(outcome, go.kind(), go.maxDelay(), nextContact);
  }

  /**
   * REGISTER with the server when it is due, so that what follows is sealed with its key; an outcome when the
   * run must send nothing else (silenced by an error, pending, or registration required and impossible).
   */
  private Optional<Outcome> register(Target.Server target) throws InterruptedException {
    if (!(registrar.ensure(target.url(), new StateStore(storage(target), clock)) instanceof Registrar.Hold hold)) {
      return Optional.empty();
    }
    return Optional.of(
        switch (hold.reason()) {
          case PENDING -> new Outcome.ServerPending(hold.retryIn(), hold.why());
          case REFUSED -> new Outcome.ServerRejected(hold.why(), Optional.of(hold.retryIn()));
          case NO_ANSWER -> new Outcome.NetworkFailure(hold.why());
        });
  }

  /** Adds the jobs of {@code tasks-file} and those pushed with {@code glpi-agent ctl push}. */
  private ServerInstructions withTasksFile(ServerInstructions i) throws IOException {
    com.fasterxml.jackson.databind.node.ArrayNode tasks = ScheduledTasks.fromPushed(vardir.resolve(ScheduledTasks.PUSHED));
    java.util.Optional<String> file = config.string("tasks-file");
    if (file.isPresent()) {
      com.fasterxml.jackson.databind.node.ArrayNode fromFile = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      ScheduledTasks.fromFile(Path.of(file.get())).forEach(fromFile::add);
      fromFile.addAll(tasks);
      tasks = fromFile;
    }
    return tasks.isEmpty() ? i : i.withScheduledTasks(tasks);
  }

  private List<String> runTasks(
      ServerInstructions instructions,
      ResultSink sink,
      Path storage,
      Set<String> disabled,
      boolean inventoryWanted,
      boolean local)
      throws InterruptedException {
    List<String> failed = new ArrayList<>();
    org.glpiagent.task.WorkBoard board = new org.glpiagent.task.WorkBoard();
    currentBoard = board;
    for (Task<?> task : tasks) {
      String id = task.id();
      if (local && !LOCAL_TASKS.contains(id)) {
        continue;
      }
      if (disabled.contains(id) && !(instructions.forced() && "inventory".equals(id))) {
        log.info("task {} disabled by the server", id);
        continue;
      }
      if ("inventory".equals(id) && !inventoryWanted) {
        log.info("server did not ask for an inventory this time");
        continue;
      }
      MDC.put("task", id);
      currentTask = id;
      try {
        TaskContext context =
            new TaskContext(config, clock, sink, storage, identity.deviceId(), config.string("tag").orElse(""), board);
        if (!runOne(task, instructions, context)) {
          failed.add(id);
        }
      } finally {
        MDC.remove("task");
        currentTask = null;
      }
    }
    return failed;
  }

  private static <P> boolean runOne(Task<P> task, ServerInstructions instructions, TaskContext context)
      throws InterruptedException {
    try {
      Optional<P> plan = task.plan(instructions, context);
      if (plan.isEmpty()) {
        log.debug("task {}: nothing to do", task.id());
        return true;
      }
      log.info("running task {}", task.id());
      task.run(plan.get(), context);
      return true;
    } catch (TaskException e) {
      log.error("task {} failed: {}", task.id(), e.getMessage());
      return false;
    } catch (RuntimeException e) {
      log.error("task {} failed: {}", task.id(), e.toString(), e);
      return false;
    }
  }

  private Path storage(Target target) {
    StateStore store = new StateStore(vardir.resolve(target.storageName()), clock);
    try {
      return store.ensureDir();
    } catch (IOException e) {
      log.warn("cannot create {}: {}", store.dir(), e.getMessage());
      return store.dir();
    }
  }
}
