package org.glpiagent.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.glpiagent.protocol.Json;
import org.glpiagent.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

  @Test
  void writesVersionedJsonReadableOnlyByItsOwner() throws Exception {
    StateStore store = new StateStore(dir.resolve("var"), clock);
    ObjectNode n = Json.MAPPER.createObjectNode().put("a", 1);
    store.write("s.json", 3, n);
    assertThat(store.read("s.json", 3)).hasValueSatisfying(v -> assertThat(v.path("a").asInt()).isEqualTo(1));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("var/s.json"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("var"))))
        .isEqualTo("rwx------");
    try (var files = Files.list(dir.resolve("var"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s.json");
    }
  }

  @Test
  void corruptFileIsSetAsideNotSilentlyReset() throws Exception {
    StateStore store = new StateStore(dir, clock);
    Files.writeString(dir.resolve("s.json"), "{\"version\":1, \"a\":");
    assertThat(store.read("s.json", 1)).isEmpty();
    assertThat(dir.resolve("s.json")).doesNotExist();
    assertThat(dir.resolve("s.json.corrupt-20261122T100000")).hasContent("{\"version\":1, \"a\":");
  }

  @Test
  void unknownVersionIsSetAside() throws Exception {
    StateStore store = new StateStore(dir, clock);
    Files.writeString(dir.resolve("s.json"), "{\"version\":99}");
    assertThat(store.read("s.json", 1)).isEmpty();
    assertThat(dir.resolve("s.json.corrupt-20261122T100000")).exists();
  }

  @Test
  void missingFileIsEmpty() throws Exception {
    assertThat(new StateStore(dir, clock).read("none.json", 1)).isEmpty();
  }
}
