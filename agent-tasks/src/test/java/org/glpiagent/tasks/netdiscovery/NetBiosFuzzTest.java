package org.glpiagent.tasks.netdiscovery;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A NetBIOS node status answer (UDP 137) from any bytes: {@link NetBios#parse} gives a status or nothing, never an
 * exception. Seed: the answer of Samba's nmbd that NetBiosTest builds (a machine, its workgroup, a user, its MAC).
 */
class NetBiosFuzzTest {
  @FuzzTest
  void nodeStatus(byte[] answer) {
    NetBios.parse(answer).ifPresent(s -> s.toString());
  }
}
