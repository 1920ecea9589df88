package org.glpiagent.tasks.netdiscovery;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Whether a host is up when neither SNMP nor NetBIOS answered: an ICMP echo when the process may send one
 * (root, or CAP_NET_RAW), otherwise a TCP connection to the echo port, where a refusal also proves a live
 * host; both are what {@link InetAddress#isReachable(int)} does. The probe blocks in native code, so it runs
 * on 64 platform threads (gone after 30 idle seconds); a probe still queued when its time is up is not sent.
 * Loopback addresses are never probed: every one of them answers.
 */
final class AliveProbe {
  private static final ThreadPoolExecutor PROBES = probes();

  private static ThreadPoolExecutor probes() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(64, 64, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        Thread.ofPlatform().name("netdiscovery-ping-", 0).daemon().factory());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private AliveProbe() {}

  /** The probe of a sweep with this time-out. */
  static Function<InetAddress, CompletableFuture<Boolean>> of(Duration timeout) {
    return ip -> ip.isLoopbackAddress() ? CompletableFuture.completedFuture(false) : reachable(ip, timeout);
  }

  /** Asks the system whether the host answers, within the time-out; false when it does not or cannot be asked. */
  static CompletableFuture<Boolean> reachable(InetAddress ip, Duration timeout) {
    CompletableFuture<Boolean> f = new CompletableFuture<>();
    f.completeOnTimeout(false, timeout.toMillis() + 200, TimeUnit.MILLISECONDS);
    PROBES.execute(() -> {
      if (f.isDone()) {
        return;
      }
      try {
        f.complete(ip.isReachable((int) Math.max(1, timeout.toMillis())));
      } catch (IOException | RuntimeException e) {
        f.complete(false);
      }
    });
    return f;
  }
}
