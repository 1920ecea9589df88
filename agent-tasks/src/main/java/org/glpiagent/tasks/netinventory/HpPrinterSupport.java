package org.glpiagent.tasks.netinventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * HP printers (JetDirect's {@code hp.nm.system.net-peripheral}, 1.3.6.1.4.1.11.2.3.9, and the LaserJet Pro
 * families glpi-agent also files under HP): model, serial and firmware from the netPML {@code system.id}
 * group of HP-LASERJET-COMMON-MIB, and the print engine's total, colour and duplex page counts.
 *
 * <p>The model is the one the printer names in its IEEE 1284 status string ({@code gdStatusId},
 * {@code MFG:HP;MODEL:HP LaserJet M507;...}), else its {@code model-name}. The engine's total only stands in
 * for a Printer-MIB that has none.
 */
final class HpPrinterSupport implements VendorSupport {
  static final String NET_PERIPHERAL = "1.3.6.1.4.1.11.2.3.9";
  /** Objects below these are the same netPML tree on LaserJet Pro (Marvell ASIC) and OfficeJet agents. */
  static final List<String> OTHER_IDS = List.of("1.3.6.1.4.1.11.1", "1.3.6.1.4.1.26696.1", "1.3.6.1.4.1.29999");
  /** JETDIRECT3-MIB gdStatusId.0. */
  static final String STATUS_ID = NET_PERIPHERAL + ".1.1.7";
  /** netPML device system.id: .2 model-name, .3 serial-number, .6 fw-rom (scalars). */
  static final String SYSTEM_ID = NET_PERIPHERAL + ".4.2.1.1.3";
  /** netPML status-prt-eng: .5 total-engine-page-count, .7 total-color-page-count, .22 duplex-page-count. */
  static final String PRINT_ENGINE = NET_PERIPHERAL + ".4.2.1.4.1.2";

  @Override
  public boolean supports(String sysObjectId, String sysDescr) {
    return VendorSupport.under(sysObjectId, NET_PERIPHERAL) || OTHER_IDS.stream().anyMatch(id -> VendorSupport.under(sysObjectId, id));
  }

  @Override
  public List<String> roots() {
    return List.of(STATUS_ID, SYSTEM_ID + ".2", SYSTEM_ID + ".3", SYSTEM_ID + ".6", PRINT_ENGINE + ".5",
        PRINT_ENGINE + ".7", PRINT_ENGINE + ".22");
  }

  @Override
  public void apply(Tables t, DeviceModel m) {
    ObjectNode d = m.device;
    String model = modelOfStatus(scalar(t, STATUS_ID));
    DeviceModel.put(d, "model", model != null ? model : scalar(t, SYSTEM_ID + ".2"));
    String serial = scalar(t, SYSTEM_ID + ".3");
    if (!d.has("serial") && serial != null) {
      d.put("serial", serial);
    }
    String firmware = scalar(t, SYSTEM_ID + ".6");
    if (!d.has("firmware")) {
      DeviceModel.put(d, "firmware", firmware != null ? firmware : eeprom(d.path("description").asText(null)));
    }
    PageCounters.fill(m, "total", t.column(PRINT_ENGINE + ".5").get("0"));
    PageCounters.fill(m, "color", t.column(PRINT_ENGINE + ".7").get("0"));
    PageCounters.fill(m, "duplex", t.column(PRINT_ENGINE + ".22").get("0"));
  }

  /** The {@code MODEL:} field of an IEEE 1284 device id, or null. */
  static String modelOfStatus(String status) {
    if (status == null) {
      return null;
    }
    for (String field : status.split(";")) {
      String f = field.strip();
      if (f.startsWith("MODEL:") && !f.substring(6).isBlank()) {
        return f.substring(6).strip();
      }
    }
    return null;
  }

  /** A JetDirect names its firmware in {@code sysDescr}: {@code ...,JD153,EEPROM JSI24090012}. */
  static String eeprom(String sysDescr) {
    if (sysDescr == null) {
      return null;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("EEPROM\\s+([^\\s,]+)").matcher(sysDescr);
    return m.find() ? m.group(1) : null;
  }

  private static String scalar(Tables t, String oid) {
    return Tables.text(t.column(oid).get("0"));
  }
}
