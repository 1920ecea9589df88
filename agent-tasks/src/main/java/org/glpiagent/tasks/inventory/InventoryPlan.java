package org.glpiagent.tasks.inventory;

import java.time.Duration;
import java.util.Set;

/**
 * What one inventory run collects.
 *
 * @param disabled categories not to collect (configuration and the server's {@code no-category} together)
 * @param collectorTimeout how long one collector may take
 * @param scanHomedirs look into users' home folders ({@code scan-homedirs})
 * @param scanProfiles read the registry of users who are not logged on ({@code scan-profiles})
 */
public record InventoryPlan(Set<String> disabled, Duration collectorTimeout, boolean scanHomedirs, boolean scanProfiles) {
  public InventoryPlan {
    disabled = Set.copyOf(disabled);
    if (collectorTimeout.isNegative() || collectorTimeout.isZero()) {
      throw new IllegalArgumentException("collector time-out must be positive");
    }
  }

  /** Whether a category is collected. */
  public boolean collects(String category) {
    return !disabled.contains(category);
  }
}
