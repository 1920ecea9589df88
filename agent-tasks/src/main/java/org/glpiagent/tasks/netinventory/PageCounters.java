package org.glpiagent.tasks.netinventory;

/**
 * A printer's page counters in GLPI's {@code pagecounters} names ({@code total}, {@code black}, {@code color},
 * {@code duplex}, {@code printtotal}, {@code copytotal}, {@code scanned}, {@code faxtotal}...), as the vendors'
 * private MIBs give them. Only whole, non-negative numbers are kept: a printer that answers {@code -1}, an
 * empty string or {@code noSuchInstance} has no count to tell, and GLPI would store it as one.
 */
final class PageCounters {
  private PageCounters() {}

  /** A count, or null when the value is none. */
  static Long count(String value) {
    Long n = Tables.number(value);
    return n == null || n < 0 ? null : n;
  }

  /** Sets the counter, replacing what the Printer-MIB said. */
  static void set(DeviceModel m, String field, String value) {
    Long n = count(value);
    if (n != null) {
      m.pagecounters.put(field, n);
    }
  }

  /** Sets the counter unless the device already has it. */
  static void fill(DeviceModel m, String field, String value) {
    if (!m.pagecounters.has(field)) {
      set(m, field, value);
    }
  }

  /** Adds to the counter: some printers count colour pages in two rows (full colour and single colour). */
  static void add(DeviceModel m, String field, String value) {
    Long n = count(value);
    if (n != null) {
      m.pagecounters.put(field, m.pagecounters.path(field).asLong(0) + n);
    }
  }
}
