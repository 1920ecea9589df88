package org.glpiagent.tasks.netinventory;

import java.util.List;
import java.util.Map;

/**
 * Kyocera printers and MFPs (enterprise 1347, KYOCERA-MIB): the page counters glpi-agent reads of them (the
 * printer's own total, black and colour counts; an MFP's counts by function and colour; scans), the model,
 * serial and host name the printer keeps in its private tree.
 *
 * <p>The private total replaces the Printer-MIB's, as glpi-agent does, so that a printer's counter history in
 * GLPI does not jump when it changes agents; the two can differ (by misfed sheets, glpi-agent's notes say).
 */
final class KyoceraSupport implements VendorSupport {
  static final int KYOCERA = 1347;
  /** Total printed, row 1. */
  static final String TOTAL = "1.3.6.1.4.1.1347.43.10.1.1.12.1";
  /** A printer's black and colour counts, row 1. */
  static final String BLACK = "1.3.6.1.4.1.1347.42.2.2.1.1.3.1";
  static final String COLOR = "1.3.6.1.4.1.1347.42.2.1.1.1.8.1";
  /** An MFP's totals by function: row 1 printer, 2 copier, 4 fax. */
  static final String BY_FUNCTION = "1.3.6.1.4.1.1347.42.3.1.1.1.1";
  /** An MFP's counts by function.colour: function 1 printer, 2 copier; colour 1 black, 3 full colour. */
  static final String BY_FUNCTION_COLOR = "1.3.6.1.4.1.1347.42.3.1.2.1.1";
  /** Scans, row 3 the total. */
  static final String SCANS = "1.3.6.1.4.1.1347.46.10.1.1.5";
  /** kcprtGeneralModelName and kcprtSerialNumber, row 1. */
  static final String MODEL = "1.3.6.1.4.1.1347.43.5.1.1.1";
  static final String SERIAL = "1.3.6.1.4.1.1347.43.5.1.1.28";
  /** The host name set on the printer, row 1: its sysName is often only the model. */
  static final String HOST_NAME = "1.3.6.1.4.1.1347.40.10.1.1.5";

  @Override
  public boolean supports(String sysObjectId, String sysDescr) {
    return org.glpiagent.tasks.netdiscovery.Identification.enterprise(sysObjectId).filter(e -> e == KYOCERA).isPresent();
  }

  @Override
  public List<String> roots() {
    return List.of(TOTAL, BLACK, COLOR, BY_FUNCTION, BY_FUNCTION_COLOR, SCANS, MODEL, SERIAL, HOST_NAME);
  }

  @Override
  public void apply(Tables t, DeviceModel m) {
    DeviceModel.put(m.device, "name", Tables.text(t.column(HOST_NAME).get("1")));
    DeviceModel.put(m.device, "model", Tables.text(t.column(MODEL).get("1")));
    String serial = Tables.text(t.column(SERIAL).get("1"));
    if (!m.device.has("serial") && serial != null) {
      m.device.put("serial", serial);
    }
    PageCounters.set(m, "total", t.column(TOTAL).get("1"));
    PageCounters.set(m, "black", t.column(BLACK).get("1"));
    PageCounters.set(m, "color", t.column(COLOR).get("1"));
    Map<String, String> function = t.column(BY_FUNCTION);
    PageCounters.set(m, "printtotal", function.get("1"));
    PageCounters.set(m, "copytotal", function.get("2"));
    PageCounters.set(m, "faxtotal", function.get("4"));
    Map<String, String> color = t.column(BY_FUNCTION_COLOR);
    PageCounters.set(m, "printblack", color.get("1.1"));
    PageCounters.set(m, "printcolor", color.get("1.3"));
    PageCounters.set(m, "copyblack", color.get("2.1"));
    PageCounters.set(m, "copycolor", color.get("2.3"));
    PageCounters.set(m, "scanned", t.column(SCANS).get("3"));
  }
}
