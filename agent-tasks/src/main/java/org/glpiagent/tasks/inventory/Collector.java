package org.glpiagent.tasks.inventory;

import org.glpiagent.inventory.InventoryContent;

/** One source of inventory data, for one category, such as the BIOS or the network interfaces. */
interface Collector {
  /** The category it fills, as in {@code no-category}. */
  String category();

  /** Fills its sections of the content. May be interrupted when it takes too long. */
  void collect(InventoryContent content, Platform platform) throws Exception;
}
