package org.glpiagent.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.glpiagent.config.ConfigException;
import org.junit.jupiter.api.Test;

class TaskSelectionTest {
  private static final List<String> INSTALLED = List.of("inventory", "netdiscovery", "netinventory");

  @Test
  void allInstalledTasksByDefault() throws Exception {
    assertThat(TaskSelection.select(INSTALLED, List.of(), List.of())).isEqualTo(INSTALLED);
  }

  @Test
  void tasksGivesTheOrderAndEllipsisAppendsTheRest() throws Exception {
    assertThat(TaskSelection.select(INSTALLED, List.of("netinventory"), List.of())).containsExactly("netinventory");
    assertThat(TaskSelection.select(INSTALLED, List.of("NetInventory", "..."), List.of()))
        .containsExactly("netinventory", "inventory", "netdiscovery");
  }

  @Test
  void noTaskRemoves() throws Exception {
    assertThat(TaskSelection.select(INSTALLED, List.of(), List.of("netdiscovery")))
        .containsExactly("inventory", "netinventory");
  }

  @Test
  void unknownNamesAreConfigurationErrors() {
    assertThatThrownBy(() -> TaskSelection.select(INSTALLED, List.of("inventroy"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tasks")
        .hasMessageContaining("inventroy")
        .hasMessageContaining("unknown task");
    assertThatThrownBy(() -> TaskSelection.select(INSTALLED, List.of(), List.of("deploy")))
        .hasMessageContaining("no-task");
  }
}
