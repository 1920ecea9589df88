package org.glpiagent.tasks.netinventory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ricoh printers and MFPs ({@code sysObjectID} under Ricoh-Private-MIB's {@code ricohAgentsID},
 * 1.3.6.1.4.1.367.1.1): the engine counter table ({@code ricohEngCounterTable}), whose rows say by a type code
 * which count they hold; the model from the Printer-MIB's {@code prtGeneralPrinterName}; the host name the
 * printer's network controller is given.
 */
final class RicohSupport implements VendorSupport {
  static final String AGENTS_ID = "1.3.6.1.4.1.367.1.1";
  /** ricohEngCounterEntry: .2 ricohEngCounterType, .9 ricohEngCounterValue, by row. */
  static final String COUNTER = "1.3.6.1.4.1.367.3.2.1.2.19.5.1";
  /** ricohNetCont host name, row 1. */
  static final String HOST_NAME = "1.3.6.1.4.1.367.3.2.1.6.1.1.7";
  static final String PRT_GENERAL_PRINTER_NAME = "1.3.6.1.2.1.43.5.1.1.16";

  /**
   * Counter type → GLPI's counter, as glpi-agent's Ricoh module reads them: 10 total, 200-203 copies (202 full
   * colour and 203 single colour add up), 300 fax, 400-403 prints (likewise), 870 and 871 scans (send and store).
   */
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("10", "total"), Map.entry("200", "copytotal"), Map.entry("201", "copyblack"),
      Map.entry("202", "copycolor"), Map.entry("203", "copycolor"), Map.entry("300", "faxtotal"),
      Map.entry("400", "printtotal"), Map.entry("401", "printblack"), Map.entry("402", "printcolor"),
      Map.entry("403", "printcolor"), Map.entry("870", "scanned"), Map.entry("871", "scanned"));
  private static final List<String> ADDED = List.of("202", "203", "402", "403", "870", "871");

  @Override
  public boolean supports(String sysObjectId, String sysDescr) {
    return VendorSupport.under(sysObjectId, AGENTS_ID);
  }

  @Override
  public List<String> roots() {
    return List.of(COUNTER + ".2", COUNTER + ".9", HOST_NAME, PRT_GENERAL_PRINTER_NAME);
  }

  @Override
  public void apply(Tables t, DeviceModel m) {
    String model = Tables.text(t.column(PRT_GENERAL_PRINTER_NAME).get("1"));
    DeviceModel.put(m.device, "model", model);
    // the controller's own name, unless it is only "RICOH <model>", which says nothing of this printer
    String host = Tables.text(t.column(HOST_NAME).get("1"));
    if (host != null && !host.equals("RICOH " + model)) {
      m.device.put("name", host);
    }
    Map<String, String> values = t.column(COUNTER + ".9");
    // a counter that adds is reset first: the Printer-MIB has no share in it
    Set<String> started = new HashSet<>();
    t.column(COUNTER + ".2").forEach((row, type) -> {
      String code = type.strip();
      String field = TYPES.get(code);
      if (field == null) {
        return;
      }
      if (ADDED.contains(code) && !started.add(field)) {
        PageCounters.add(m, field, values.get(row));
      } else {
        PageCounters.set(m, field, values.get(row));
      }
    });
  }
}
