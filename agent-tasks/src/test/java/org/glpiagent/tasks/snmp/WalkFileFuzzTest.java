package org.glpiagent.tasks.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A walk file ({@code snmpwalk -On} output, {@code --file}) from any text: {@link WalkFile#parse} skips what is not
 * a value and never throws; what it holds reads back through {@code get} and {@code walk} in OID order. Seeds: the
 * recorded walks of the test resources.
 */
class WalkFileFuzzTest {
  @FuzzTest
  void walkFile(byte[] bytes) {
    WalkFile walk = WalkFile.parse(new String(bytes, StandardCharsets.UTF_8));
    var all = walk.walk("1");
    assertThat(walk.walk("0").size() + all.size() + walk.walk("2").size()).isLessThanOrEqualTo(walk.size());
    assertThat(walk.get(List.copyOf(all.keySet()))).hasSameSizeAs(all);
    walk.walk(".1.3.6.1.2.1.1");
  }
}
