package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WindowsServiceTest {
  /** Windows' dispatcher as it behaves: service main on its own thread, controls on another. */
  private static final class FakeScm implements WindowsService.Scm {
    final List<Integer> states = new CopyOnWriteArrayList<>();
    final AtomicReference<Runnable> stop = new AtomicReference<>();
    volatile int exitCode = -1;

    @Override
    public void report(int state, int exitCode, int waitHintMs) {
      states.add(state);
      if (state == WindowsService.STOPPED) {
        this.exitCode = exitCode;
      }
    }

    @Override
    public void dispatch(Runnable serviceMain, Runnable onStop) {
      stop.set(onStop);
      Thread t = new Thread(serviceMain, "service-main");
      t.start();
      try {
        t.join(); // StartServiceCtrlDispatcher returns once the service has stopped
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void aStopControlStopsTheDaemonAndTheServiceReportsEachState() throws Exception {
    FakeScm scm = new FakeScm();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicReference<String[]> daemonArgs = new AtomicReference<>();
    Thread controls = new Thread(() -> {
      try {
        running.await(10, TimeUnit.SECONDS);
        scm.stop.get().run(); // Windows' SERVICE_CONTROL_STOP
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    controls.start();
    int code = WindowsService.run(new String[] {"--conf-file", "C:\\GLPI-Agent\\etc\\agent.cfg"}, scm, a -> {
      daemonArgs.set(a);
      running.countDown();
      try {
        return stopped.await(10, TimeUnit.SECONDS) ? 0 : 1; // the daemon loop until stopped
      } catch (InterruptedException e) {
        return 1;
      }
    }, stopped::countDown);
    controls.join();
    assertThat(code).isZero();
    assertThat(scm.states).containsExactly(WindowsService.START_PENDING, WindowsService.RUNNING,
        WindowsService.STOP_PENDING, WindowsService.STOPPED);
    assertThat(scm.exitCode).isZero();
    assertThat(daemonArgs.get()).containsExactly("--daemon", "--no-fork", "--conf-file", "C:\\GLPI-Agent\\etc\\agent.cfg");
  }

  @Test
  void aDaemonThatFailsIsReportedStoppedWithItsExitCode() {
    FakeScm scm = new FakeScm();
    int code = WindowsService.run(new String[0], scm, a -> 2, () -> {});
    assertThat(code).isEqualTo(2);
    assertThat(scm.states).containsExactly(WindowsService.START_PENDING, WindowsService.RUNNING, WindowsService.STOPPED);
    assertThat(scm.exitCode).isEqualTo(2);
    FakeScm crash = new FakeScm();
    assertThat(WindowsService.run(new String[0], crash, a -> { throw new IllegalStateException("boom"); }, () -> {})).isEqualTo(1);
    assertThat(crash.states).endsWith(WindowsService.STOPPED);
  }

  @Test
  void theDaemonFlagsAreAddedOnce() {
    assertThat(WindowsService.daemonArguments(new String[] {"--daemon", "--no-fork", "--debug"}))
        .containsExactly("--daemon", "--no-fork", "--debug");
    assertThat(WindowsService.daemonArguments(new String[] {"-d"})).containsExactly("-d", "--no-fork");
  }

  @Test
  void elsewhereTheServiceCommandRefusesToRun() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), java.nio.file.Path.of("/nonexistent"),
        java.nio.file.Path.of(".")).run(new String[] {"service"});
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("a Windows service only");
  }
}
