package org.glpiagent.httpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.glpiagent.config.ConfigException;
import org.glpiagent.testing.MutableClock;
import org.junit.jupiter.api.Test;

class TrustTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final List<String> lookups = new ArrayList<>();

  private Trust trust(List<String> entries, List<String> servers) throws ConfigException {
    return Trust.of(entries, servers, h -> {
      lookups.add(h);
      return List.of(InetAddress.getByName(h.equals("glpi.example.test") ? "192.0.2.10" : "198.51.100.7"));
    }, clock);
  }

  private static InetAddress ip(String a) throws Exception {
    return InetAddress.getByName(a);
  }

  @Test
  void addressesBlocksAndLoopbackAreTrustedOthersNot() throws Exception {
    Trust t = trust(List.of("192.0.2.0/25", "203.0.113.9", "2001:db8::/32"), List.of());
    assertThat(t.trusts(ip("192.0.2.127"))).isTrue();
    assertThat(t.trusts(ip("192.0.2.128"))).isFalse();
    assertThat(t.trusts(ip("203.0.113.9"))).isTrue();
    assertThat(t.trusts(ip("203.0.113.10"))).isFalse();
    assertThat(t.trusts(ip("2001:db8:1::5"))).isTrue();
    assertThat(t.trusts(ip("2001:db9::5"))).isFalse();
    assertThat(t.trusts(ip("127.0.0.1"))).isTrue();
    assertThat(t.trusts(ip("::1"))).isTrue();
  }

  @Test
  void oddPrefixLengthsMaskTheRightBits() throws Exception {
    Trust t = trust(List.of("10.1.2.0/23"), List.of());
    assertThat(t.trusts(ip("10.1.3.200"))).isTrue();
    assertThat(t.trusts(ip("10.1.4.1"))).isFalse();
    assertThat(trust(List.of("0.0.0.0/0"), List.of()).trusts(ip("8.8.8.8"))).isTrue();
  }

  @Test
  void serverHostsAreResolvedAgainAfterAMinute() throws Exception {
    Trust t = trust(List.of(), List.of("glpi.example.test"));
    assertThat(t.trusts(ip("192.0.2.10"))).isTrue();
    assertThat(t.trusts(ip("192.0.2.11"))).isFalse();
    assertThat(lookups).hasSize(1);
    clock.advance(Duration.ofSeconds(59));
    t.trusts(ip("192.0.2.11"));
    assertThat(lookups).hasSize(1);
    clock.advance(Duration.ofSeconds(1));
    t.trusts(ip("192.0.2.11"));
    assertThat(lookups).hasSize(2);
  }

  @Test
  void badEntriesAreRefusedByName() {
    assertThatThrownBy(() -> trust(List.of("192.0.2.0/33"), List.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("httpd-trust").hasMessageContaining("192.0.2.0/33");
    assertThatThrownBy(() -> trust(List.of("10.0.0.0/x"), List.of())).hasMessageContaining("not a number");
    assertThatThrownBy(() -> trust(List.of("300.1.1.1"), List.of())).hasMessageContaining("300.1.1.1");
    assertThatThrownBy(() -> trust(List.of("bad host!"), List.of())).hasMessageContaining("bad host!");
  }

  @Test
  void aRateLimitSlidesItsWindow() {
    RateLimit l = new RateLimit(2, Duration.ofMinutes(1), clock);
    assertThat(l.acquire("a")).isEmpty();
    clock.advance(Duration.ofSeconds(30));
    assertThat(l.acquire("a")).isEmpty();
    assertThat(l.acquire("a")).contains(Duration.ofSeconds(30));
    assertThat(l.acquire("b")).isEmpty();
    clock.advance(Duration.ofSeconds(30));
    assertThat(l.acquire("a")).isEqualTo(Optional.empty());
  }
}
