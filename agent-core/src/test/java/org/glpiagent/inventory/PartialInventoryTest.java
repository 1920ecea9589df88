package org.glpiagent.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.glpiagent.protocol.Json;
import org.junit.jupiter.api.Test;

class PartialInventoryTest {
  private static ObjectNode content(int softwareCount, boolean withPrinters) {
    ObjectNode c = Json.MAPPER.createObjectNode().put("versionclient", "v");
    c.putObject("hardware").put("name", "pc");
    c.putObject("bios").put("ssn", "S1");
    c.putObject("operatingsystem").put("name", "Debian");
    c.putArray("cpus").addObject().put("name", "cpu");
    var s = c.putArray("softwares");
    for (int i = 0; i < softwareCount; i++) {
      s.addObject().put("name", "pkg" + i);
    }
    if (withPrinters) {
      c.putArray("printers").addObject().put("name", "lp");
    }
    return c;
  }

  @Test
  void firstInventoryIsFullThenOnlyChangedSectionsGo() {
    var first = PartialInventory.decide(content(3, false), Optional.empty(), 14);
    assertThat(first.partial()).isFalse();
    var second = PartialInventory.decide(content(4, false), Optional.of(first.state()), 14);
    assertThat(second.partial()).isTrue();
    assertThat(second.postponed()).isEqualTo(1);
    assertThat(second.content().fieldNames()).toIterable()
        .containsExactlyInAnyOrder("versionclient", "hardware", "bios", "operatingsystem", "softwares");
  }

  @Test
  void everyPostponeThRunIsFull() {
    var state = PartialInventory.decide(content(3, false), Optional.empty(), 2).state();
    var a = PartialInventory.decide(content(3, false), Optional.of(state), 2);
    var b = PartialInventory.decide(content(3, false), Optional.of(a.state()), 2);
    var c = PartialInventory.decide(content(3, false), Optional.of(b.state()), 2);
    assertThat(a.partial()).isTrue();
    assertThat(b.partial()).isTrue();
    assertThat(c.partial()).isFalse();
    assertThat(c.state().path("postponed").asInt()).isZero();
  }

  @Test
  void aVanishedSectionForcesAFullInventory() {
    var state = PartialInventory.decide(content(3, true), Optional.empty(), 14).state();
    assertThat(PartialInventory.decide(content(3, false), Optional.of(state), 14).partial()).isFalse();
  }

  @Test
  void postponeZeroIsAlwaysFull() {
    var state = PartialInventory.decide(content(3, false), Optional.empty(), 0).state();
    assertThat(PartialInventory.decide(content(3, false), Optional.of(state), 0).partial()).isFalse();
  }
}
