package org.glpiagent.tasks.netinventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * HP/Aruba ProCurve switches (ArubaOS-Switch; {@code sysObjectID} under HP-ICF-OID's {@code hpEtherSwitch},
 * 1.3.6.1.4.1.11.2.3.7.11): serial, ROM and software versions from SEMI-MIB's {@code hpHttpMgNetCitizen}
 * group, or from NETSWITCH-MIB's {@code hpSwitchRomVersion} and {@code hpSwitchOsVersion} when the web agent
 * group is off; CPU load from STATISTICS-MIB's {@code hpSwitchCpuStat}; memory from NETSWITCH-MIB's
 * {@code hpLocalMemTable}.
 *
 * <p>As glpi-agent's HP module does, the ROM version is the device's firmware and the web management
 * software version a firmware of its own. Serial and firmware only fill what ENTITY-MIB left empty: on the
 * switches that have both, both say the same.
 */
final class HpSwitchSupport implements VendorSupport {
  static final String HP_ETHER_SWITCH = "1.3.6.1.4.1.11.2.3.7.11";
  /** SEMI-MIB hpHttpMgNetCitizen: .6 hpHttpMgVersion, .8 hpHttpMgROMVersion, .9 hpHttpMgSerialNumber (scalars). */
  static final String HTTP_MG = "1.3.6.1.4.1.11.2.36.1.1.2";
  /** NETSWITCH-MIB hpOpSystem: .3 hpSwitchOsVersion, .4 hpSwitchRomVersion (scalars). */
  static final String OP_SYSTEM = "1.3.6.1.4.1.11.2.14.11.5.1.1";
  /** NETSWITCH-MIB hpLocalMemTable, by slot: .5 total bytes, .6 free bytes. */
  static final String LOCAL_MEM = "1.3.6.1.4.1.11.2.14.11.5.1.1.2.1.1.1";
  /** STATISTICS-MIB hpSwitchCpuStat.0, in percent. */
  static final String CPU_STAT = "1.3.6.1.4.1.11.2.14.11.5.1.9.6.1";

  @Override
  public boolean supports(String sysObjectId, String sysDescr) {
    return VendorSupport.under(sysObjectId, HP_ETHER_SWITCH);
  }

  @Override
  public List<String> roots() {
    return List.of(HTTP_MG + ".6", HTTP_MG + ".8", HTTP_MG + ".9", OP_SYSTEM + ".3", OP_SYSTEM + ".4",
        LOCAL_MEM + ".5", CPU_STAT);
  }

  @Override
  public void apply(Tables t, DeviceModel m) {
    ObjectNode d = m.device;
    String serial = scalar(t, HTTP_MG + ".9");
    if (!d.has("serial") && serial != null) {
      d.put("serial", serial);
    }
    String rom = scalar(t, HTTP_MG + ".8");
    rom = rom != null ? rom : scalar(t, OP_SYSTEM + ".4");
    if (!d.has("firmware") && rom != null) {
      d.put("firmware", rom);
    }
    String web = scalar(t, HTTP_MG + ".6");
    String os = scalar(t, OP_SYSTEM + ".3");
    if (web != null) {
      firmware(m, "HP-HttpMg-Version", "HP Web Management Software version", web);
    } else if (os != null) {
      firmware(m, "HP-Switch-OS-Version", "HP switch operating system version", os);
    }
    Long cpu = Tables.number(t.column(CPU_STAT).get("0"));
    if (cpu != null && cpu >= 0 && cpu <= 100) {
      d.put("cpu", cpu); // the switch's own measure, over hrProcessorLoad where both answer
    }
    // slot 1 is the management module; a stack or chassis lists the others after it
    Map<String, String> total = t.column(LOCAL_MEM + ".5");
    total.values().stream().map(Tables::number).filter(b -> b != null && b > 0).findFirst()
        .ifPresent(bytes -> d.put("memory", bytes / 1024 / 1024));
  }

  private static void firmware(DeviceModel m, String name, String description, String version) {
    ObjectNode f = m.firmwares.addObject();
    f.put("name", name);
    f.put("description", description);
    f.put("type", "system");
    f.put("version", version);
    f.put("manufacturer", "HP");
  }

  private static String scalar(Tables t, String oid) {
    return Tables.text(t.column(oid).get("0"));
  }
}
