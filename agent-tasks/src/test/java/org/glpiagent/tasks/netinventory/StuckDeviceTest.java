package org.glpiagent.tasks.netinventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.task.ResultSink;
import org.glpiagent.task.Submission;
import org.glpiagent.task.TaskContext;
import org.glpiagent.task.WorkBoard;
import org.glpiagent.tasks.snmp.Credential;
import org.glpiagent.tasks.snmp.SnmpClient;
import org.glpiagent.tasks.snmp.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device that takes requests and never answers is given up after its quiet time, and the job goes on. */
class StuckDeviceTest {
  @TempDir Path dir;

  @Test
  void aSilentDeviceIsReportedAndTheJobEndsWithoutWaitingForIt() throws Exception {
    List<ObjectNode> messages = new ArrayList<>();
    ResultSink sink = new ResultSink() {
      @Override
      public void submit(Submission s) {}

      @Override
      public synchronized void legacy(String query, ObjectNode content) {
        messages.add(content);
      }
    };
    WorkBoard board = new WorkBoard();
    TaskContext context = new TaskContext(AgentConfig.of(Map.of()), Clock.systemUTC(), sink, dir, "dev", "", board);
    try (DatagramSocket blackHole = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        SnmpClient snmp = new SnmpClient()) {
      QueryJob job = new QueryJob("12", 2, Duration.ofSeconds(20),
          List.of(new QueryJob.Device("5", "NETWORKING", "127.0.0.1", "1", blackHole.getLocalPort(), Transport.UDP)),
          Map.of("1", Credential.community("1", Credential.Version.V2C, "public")));
      long start = System.nanoTime();
      NetInventoryTask.runJob(job, snmp, 0, context, Duration.ofSeconds(1));
      // given up after about a second (the watchdog looks every second), not after the 20 s time-out
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }
    assertThat(messages).hasSize(3);
    assertThat(messages.get(1).path("DEVICE").path("ERROR").path("ID").asText()).isEqualTo("5");
    assertThat(messages.get(1).path("DEVICE").path("ERROR").path("MESSAGE").asText()).isEqualTo("No response from remote host");
    assertThat(board.progress()).singleElement().satisfies(p -> {
      assertThat(p.failed()).isEqualTo(1);
      assertThat(p.done()).isZero();
      assertThat(p.failures()).containsExactly("127.0.0.1: no progress for 1 s");
    });
  }
}
