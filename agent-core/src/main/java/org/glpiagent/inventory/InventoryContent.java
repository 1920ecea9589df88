package org.glpiagent.inventory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.glpiagent.protocol.JsonTree;

/**
 * The {@code content} of an inventory as collectors fill it: object sections ({@code hardware},
 * {@code bios}...) and list sections ({@code cpus}, {@code networks}...), with GLPI's lower-case field
 * names. Values go in through {@link Entry}, which drops empty values and placeholders, so a document never
 * carries a field the schema would refuse for its type.
 *
 * <p>Collectors may run on other threads: every method is synchronized.
 */
public final class InventoryContent {
  private final ObjectNode content = JsonTree.object();
  private final List<String> missing = new ArrayList<>();

  public InventoryContent(String versionClient) {
    content.put("versionclient", versionClient);
  }

  /** The object section of that name, made on first use. */
  public synchronized Entry section(String name) {
    ObjectNode n = content.has(name) ? (ObjectNode) content.get(name) : content.putObject(name);
    return new Entry(n, this);
  }

  /** A new element of the list section of that name. */
  public synchronized Entry add(String name) {
    ArrayNode a = content.has(name) ? (ArrayNode) content.get(name) : content.putArray(name);
    return new Entry(a.addObject(), this);
  }

  /** Records that a category could not be collected this run. */
  public synchronized void missing(String category) {
    missing.add(category);
  }

  /** The categories that could not be collected. */
  public synchronized List<String> missingCategories() {
    return List.copyOf(missing);
  }

  /**
   * The finished {@code content}: a copy without empty sections or entries, sections in name order after
   * {@code versionclient} (collectors run at once and finish in any order; the document must not).
   */
  public synchronized ObjectNode toJson() {
    ObjectNode copy = JsonTree.object();
    copy.set("versionclient", content.get("versionclient"));
    new java.util.TreeMap<>(content.properties().stream()
            .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)))
        .forEach((k, v) -> copy.set(k, v.deepCopy()));
    List<String> empty = new ArrayList<>();
    copy.properties()
        .forEach(
            e -> {
              if (e.getValue().isArray()) {
                ArrayNode a = (ArrayNode) e.getValue();
                for (int i = a.size() - 1; i >= 0; i--) {
                  if (a.get(i).isEmpty()) {
                    a.remove(i);
                  }
                }
              }
              if (e.getValue().isContainerNode() && e.getValue().isEmpty()) {
                empty.add(e.getKey());
              }
            });
    copy.remove(empty);
    return copy;
  }

  /** One section or list element being filled. */
  public static final class Entry {
    private final ObjectNode node;
    private final Object lock;

    Entry(ObjectNode node, Object lock) {
      this.node = node;
      this.lock = lock;
    }

    /** Sets a text field, trimmed; nothing when the value is empty or a vendor placeholder. */
    public Entry text(String field, String value) {
      String v = Names.clean(value);
      if (v != null) {
        synchronized (lock) {
          node.put(field, v);
        }
      }
      return this;
    }

    /** Sets a serial number or UUID; also nothing when it is all zeros or all F's. */
    public Entry serial(String field, String value) {
      return text(field, Names.serial(value));
    }

    /** Sets a manufacturer field, cleaned and normalised ("Dell Inc." → "Dell"). */
    public Entry manufacturer(String field, String value) {
      return text(field, Names.manufacturer(value));
    }

    /** Sets a whole-number field; nothing when negative (OSHI's "unknown"). */
    public Entry number(String field, long value) {
      if (value >= 0) {
        synchronized (lock) {
          node.put(field, value);
        }
      }
      return this;
    }

    /** Sets a whole-number field when it is positive (a size of 0 means "unknown" in OSHI). */
    public Entry positive(String field, long value) {
      return value > 0 ? number(field, value) : this;
    }

    /** Sets a text field exactly as given, even empty (an environment variable's value). */
    public Entry raw(String field, String value) {
      if (value != null) {
        synchronized (lock) {
          node.put(field, value);
        }
      }
      return this;
    }

    /** Sets a list of strings, such as a group's members. */
    public Entry strings(String field, java.util.List<String> values) {
      synchronized (lock) {
        var a = node.putArray(field);
        values.forEach(a::add);
      }
      return this;
    }

    /** Sets a boolean field. */
    public Entry flag(String field, boolean value) {
      synchronized (lock) {
        node.put(field, value);
      }
      return this;
    }

    /** A nested object, such as {@code operatingsystem.timezone}. */
    public Entry object(String field) {
      synchronized (lock) {
        return new Entry(node.has(field) ? (ObjectNode) node.get(field) : node.putObject(field), lock);
      }
    }
  }
}
