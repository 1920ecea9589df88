package org.glpiagent.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * {@code glpi-agent service [options]}: the daemon as a Windows service, which the MSI installs with
 * {@code java.exe} as its program. Windows starts it and waits for it to call the service control manager
 * back; this class does that through JNA ({@link Scm#windows}), runs the daemon ({@code --daemon --no-fork}
 * and the given options), and answers stop and shutdown controls by stopping the daemon as SIGTERM does,
 * reporting each state on the way. The state sequence is a seam ({@link Scm}), tested on any system.
 */
final class WindowsService {
  /** Windows' service states (winsvc.h). */
  static final int STOPPED = 1;
  static final int START_PENDING = 2;
  static final int STOP_PENDING = 3;
  static final int RUNNING = 4;
  /** How long Windows should wait for a pending state before it gives up on the service. */
  static final int WAIT_HINT_MS = 15_000;

  /** The service control manager, as far as this service speaks to it. */
  interface Scm {
    /** Reports the service's state (and, when stopped, its exit code). */
    void report(int state, int exitCode, int waitHintMs);

    /**
     * Hands the calling thread to Windows, which calls {@code serviceMain} on a thread of its own and
     * returns once the service has stopped; {@code onStop} is what a stop or shutdown control runs.
     */
    void dispatch(Runnable serviceMain, Runnable onStop);

    /** The real one, through JNA's Advapi32; only on Windows. */
    static Scm windows(String name) {
      return new JnaScm(name);
    }
  }

  private WindowsService() {}

  /** The daemon's own arguments: the service's, with {@code --daemon --no-fork} unless already there. */
  static String[] daemonArguments(String[] serviceArgs) {
    List<String> out = new ArrayList<>(List.of(serviceArgs));
    if (!out.contains("--daemon") && !out.contains("-d")) {
      out.add(0, "--daemon");
    }
    if (!out.contains("--no-fork")) {
      out.add(1, "--no-fork");
    }
    return out.toArray(String[]::new);
  }

  /** Runs the service: reports starting, runs {@code daemon} until it returns, reports stopped. */
  static int run(String[] args, Scm scm, ToIntFunction<String[]> daemon, Runnable stopDaemon) {
    int[] exit = {0};
    scm.dispatch(() -> {
      scm.report(START_PENDING, 0, WAIT_HINT_MS);
      scm.report(RUNNING, 0, 0);
      try {
        exit[0] = daemon.applyAsInt(daemonArguments(args));
      } catch (RuntimeException e) {
        exit[0] = 1;
      }
      scm.report(STOPPED, exit[0], 0);
    }, () -> {
      scm.report(STOP_PENDING, 0, WAIT_HINT_MS);
      stopDaemon.run();
    });
    return exit[0];
  }

  /** {@code glpi-agent service}: refuses to run anywhere but Windows, where the MSI starts it. */
  static int main(String[] args, Main main, PrintStream err) {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
      err.println("glpi-agent service: a Windows service only; use --daemon (systemd runs it so on Linux)");
      return 2;
    }
    return run(args, Scm.windows("glpi-agent"), main::run, Signals::stopFromService);
  }

  /** JNA's view of Advapi32's service functions. */
  private static final class JnaScm implements Scm {
    private final String name;
    private volatile com.sun.jna.platform.win32.Winsvc.SERVICE_STATUS_HANDLE handle;
    private Runnable onStop = () -> {};
    // kept reachable: Windows calls them back after the calls that registered them have returned
    private com.sun.jna.platform.win32.Winsvc.SERVICE_MAIN_FUNCTION main;
    private com.sun.jna.platform.win32.Winsvc.HandlerEx handler;

    JnaScm(String name) {
      this.name = name;
    }

    @Override
    public void report(int state, int exitCode, int waitHintMs) {
      if (handle == null) {
        return;
      }
      com.sun.jna.platform.win32.Winsvc.SERVICE_STATUS s = new com.sun.jna.platform.win32.Winsvc.SERVICE_STATUS();
      s.dwServiceType = com.sun.jna.platform.win32.WinNT.SERVICE_WIN32_OWN_PROCESS;
      s.dwCurrentState = state;
      s.dwControlsAccepted = state == RUNNING
          ? com.sun.jna.platform.win32.Winsvc.SERVICE_ACCEPT_STOP | com.sun.jna.platform.win32.Winsvc.SERVICE_ACCEPT_SHUTDOWN
          : 0;
      s.dwWin32ExitCode = exitCode == 0 ? 0 : com.sun.jna.platform.win32.WinError.ERROR_SERVICE_SPECIFIC_ERROR;
      s.dwServiceSpecificExitCode = exitCode;
      s.dwWaitHint = waitHintMs;
      com.sun.jna.platform.win32.Advapi32.INSTANCE.SetServiceStatus(handle, s);
    }

    @Override
    public void dispatch(Runnable serviceMain, Runnable onStop) {
      this.onStop = onStop;
      handler = (control, eventType, eventData, context) -> {
        if (control == com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_STOP
            || control == com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_SHUTDOWN) {
          this.onStop.run();
        }
        return com.sun.jna.platform.win32.WinError.NO_ERROR;
      };
      main = (argc, argv) -> {
        handle = com.sun.jna.platform.win32.Advapi32.INSTANCE.RegisterServiceCtrlHandlerEx(name, handler, null);
        serviceMain.run();
      };
      com.sun.jna.platform.win32.Winsvc.SERVICE_TABLE_ENTRY entry = new com.sun.jna.platform.win32.Winsvc.SERVICE_TABLE_ENTRY();
      entry.lpServiceName = name;
      entry.lpServiceProc = main;
      com.sun.jna.platform.win32.Winsvc.SERVICE_TABLE_ENTRY[] table =
          (com.sun.jna.platform.win32.Winsvc.SERVICE_TABLE_ENTRY[]) entry.toArray(2);
      com.sun.jna.platform.win32.Advapi32.INSTANCE.StartServiceCtrlDispatcher(table);
    }
  }
}
