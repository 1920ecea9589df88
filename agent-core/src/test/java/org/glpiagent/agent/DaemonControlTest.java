package org.glpiagent.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.identity.AgentIdentity;
import org.glpiagent.state.StateStore;
import org.glpiagent.target.Target;
import org.glpiagent.target.TargetRunner;
import org.glpiagent.task.ServerInstructions;
import org.glpiagent.task.Task;
import org.glpiagent.task.TaskContext;
import org.glpiagent.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's runs as its port and control command see them: asked for, done, canceled, missed. */
class DaemonControlTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  @TempDir Path vardir;
  private final MutableClock clock = new MutableClock(T0);
  private final AgentIdentity id = new AgentIdentity(java.util.UUID.randomUUID(), "host-2026-11-22-10-00-00");

  /** A local inventory task that counts its runs and, when told to, waits until interrupted. */
  static final class Counting implements Task<String> {
    volatile int runs;
    volatile CountDownLatch block;
    final CountDownLatch entered = new CountDownLatch(1);

    @Override
    public String id() {
      return "inventory";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public Optional<String> plan(ServerInstructions i, TaskContext c) {
      return Optional.of("go");
    }

    @Override
    public void run(String plan, TaskContext c) throws InterruptedException {
      runs++;
      entered.countDown();
      CountDownLatch b = block;
      if (b != null) {
        b.await();
      }
    }
  }

  private final Counting task = new Counting();

  private Agent agent(Target... targets) {
    TargetRunner runner = new TargetRunner(AgentConfig.of(Map.of()), id, List.of(task), clock, vardir,
        s -> { throw new AssertionError("no server here"); }, null, new ByteArrayOutputStream());
    return new Agent(List.of(targets), new StateStore(vardir, clock), runner, clock, new SplittableRandom(5), Duration.ofHours(1));
  }

  private Target.Local local(String id) {
    return new Target.Local(id, vardir.resolve("out-" + id).toString());
  }

  /** A waiter that stops the daemon at its first wait after {@code runs} runs. */
  private Daemon daemon(Agent a, int stopAfterRuns) {
    Daemon[] d = new Daemon[1];
    d[0] = new Daemon(a, clock, new Daemon.Waiter() {
      @Override
      public void await(Duration max) {
        if (task.runs >= stopAfterRuns) {
          d[0].stop();
        }
      }

      @Override
      public void wake() {}
    });
    return d[0];
  }

  @Test
  void aRequestedRunOfOneTargetRunsItAloneAndEndsFinished() throws Exception {
    Agent a = agent(local("local0"), local("local1"));
    Daemon d = daemon(a, 1);
    assertThat(d.status()).isEqualTo("waiting");
    List<RunLog.Run> asked = d.requestRun(Optional.of("local1"), RunLog.Trigger.API);
    assertThat(asked).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(RunLog.State.PENDING));
    d.loop();
    assertThat(task.runs).isEqualTo(1);
    RunLog.Run done = d.runLog().run(asked.get(0).id()).orElseThrow();
    assertThat(done.state()).isEqualTo(RunLog.State.FINISHED);
    assertThat(done.target()).isEqualTo("local1");
    assertThat(done.result()).isEqualTo("done");
    assertThat(d.targets()).extracting(Agent.TargetView::id, v -> v.lastOutcome().orElse("-"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("local0", "-"), org.assertj.core.groups.Tuple.tuple("local1", "done"));
    assertThat(d.targets().get(0).lastRun()).isEmpty();
  }

  @Test
  void twoRequestsForOneTargetAreServedByOneRun() throws Exception {
    Agent a = agent(local("local0"));
    Daemon d = daemon(a, 1);
    String first = d.requestRun(Optional.empty(), RunLog.Trigger.NOW).get(0).id();
    String second = d.requestRun(Optional.of("local0"), RunLog.Trigger.CONTROL).get(0).id();
    d.loop();
    assertThat(task.runs).isEqualTo(1);
    assertThat(d.runLog().run(first).orElseThrow().state()).isEqualTo(RunLog.State.FINISHED);
    assertThat(d.runLog().run(second).orElseThrow().result()).contains("served by run " + first);
  }

  @Test
  void aPendingRunCanceledInTimeNeverRuns() throws Exception {
    Agent a = agent(local("local0"));
    Daemon d = daemon(a, 0);
    String id = d.requestRun(Optional.of("local0"), RunLog.Trigger.API).get(0).id();
    assertThat(d.cancel(id)).isEqualTo(AgentControl.Cancel.CANCELED);
    assertThat(d.cancel(id)).isEqualTo(AgentControl.Cancel.ALREADY_ENDED);
    assertThat(d.cancel("999")).isEqualTo(AgentControl.Cancel.UNKNOWN);
    d.loop();
    assertThat(task.runs).isZero();
    assertThat(d.runLog().run(id).orElseThrow().state()).isEqualTo(RunLog.State.CANCELED);
  }

  @Test
  void aRunningRunIsInterruptedByCancelAndTheDaemonGoesOn() throws Exception {
    Agent a = agent(local("local0"));
    task.block = new CountDownLatch(1);
    Daemon d = daemon(a, 1);
    String id = d.requestRun(Optional.of("local0"), RunLog.Trigger.API).get(0).id();
    Thread loop = Thread.ofPlatform().start(d::loop);
    assertThat(task.entered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(d.status()).isEqualTo("running task inventory");
    assertThat(d.cancel(id)).isEqualTo(AgentControl.Cancel.STOPPING);
    loop.join(10_000);
    assertThat(loop.isAlive()).isFalse();
    RunLog.Run r = d.runLog().run(id).orElseThrow();
    assertThat(r.state()).isEqualTo(RunLog.State.CANCELED);
    assertThat(r.result()).isEqualTo("canceled while running");
    // planned again a full period later, not started again at once
    assertThat(a.state(a.targets().get(0)).schedule().nextRunDate()).isAfter(T0);
    assertThat(d.status()).isEqualTo("waiting");
  }

  @Test
  void aRunPlannedWhileTheAgentWasDownIsMissed() throws Exception {
    Target.Local t = local("local0");
    Agent first = agent(t);
    first.run(t, false); // saves the plan
    Instant next = first.state(t).schedule().nextRunDate();
    clock.set(next.plus(Duration.ofDays(3)));
    Daemon d = daemon(agent(t), 0);
    assertThat(d.runLog().runs(Optional.empty())).singleElement().satisfies(r -> {
      assertThat(r.state()).isEqualTo(RunLog.State.MISSED);
      assertThat(r.added()).isEqualTo(next);
    });
  }

  @Test
  void anUnknownTargetIsRefusedByName() {
    Daemon d = daemon(agent(local("local0")), 0);
    assertThatThrownBy(() -> d.requestRun(Optional.of("server7"), RunLog.Trigger.API))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("server7");
  }

  @Test
  void theRunLogKeepsItsBoundButNeverDropsWaitingRuns() {
    RunLog log = new RunLog(clock);
    String waiting = log.request("local0", RunLog.Trigger.API).id();
    for (int i = 0; i < RunLog.KEEP * 2; i++) {
      RunLog.Run r = log.start("local1");
      log.end(r.id(), RunLog.State.FINISHED, "done");
    }
    assertThat(log.runs(Optional.empty())).hasSize(RunLog.KEEP);
    assertThat(log.run(waiting)).isPresent();
  }
}
