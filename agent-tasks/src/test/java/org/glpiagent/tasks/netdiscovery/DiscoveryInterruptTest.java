package org.glpiagent.tasks.netdiscovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.task.ResultSink;
import org.glpiagent.task.Submission;
import org.glpiagent.task.TaskContext;
import org.glpiagent.tasks.snmp.Credential;
import org.glpiagent.tasks.snmp.SnmpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A discovery stopped mid-way (agent stopping, job cancelled) says EXIT and never END. */
class DiscoveryInterruptTest {
  @TempDir Path dir;

  @Test
  void anInterruptedSweepSendsExitNotEnd() throws Exception {
    List<ObjectNode> messages = new CopyOnWriteArrayList<>();
    CountDownLatch started = new CountDownLatch(2); // START and NBIP
    ResultSink sink = new ResultSink() {
      @Override
      public void submit(Submission s) {}

      @Override
      public void legacy(String query, ObjectNode content) {
        messages.add(content);
        started.countDown();
      }
    };
    TaskContext context = new TaskContext(AgentConfig.of(Map.of()), Clock.systemUTC(), sink, dir, "d", "");
    // 127.0.0.2-127.0.0.60 have no agent: each address waits out the 5 s time-out, 2 at a time
    DiscoveryJob job = new DiscoveryJob("77", 2, Duration.ofSeconds(5),
        List.of(new DiscoveryJob.Range("1", "0", IpRange.of("127.0.0.2", "127.0.0.60"), List.of(161))),
        List.of(Credential.community("1", Credential.Version.V2C, "public")));
    AtomicReference<Throwable> ended = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try (SnmpClient snmp = new SnmpClient()) {
        NetDiscoveryTask.runJob(job, snmp, 0, context);
      } catch (Throwable e) {
        ended.set(e);
      }
    });
    t.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    t.interrupt();
    t.join(10_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(ended.get()).isInstanceOf(InterruptedException.class);
    ObjectNode last = messages.get(messages.size() - 1);
    assertThat(last.path("AGENT").has("EXIT")).isTrue();
    assertThat(last.path("PROCESSNUMBER").asText()).isEqualTo("77");
    assertThat(messages).noneMatch(m -> m.path("AGENT").has("END"));
  }
}
