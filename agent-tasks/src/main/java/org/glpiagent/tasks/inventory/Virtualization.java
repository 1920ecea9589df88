package org.glpiagent.tasks.inventory;

import java.util.Locale;

/**
 * Whether this system is a virtual machine or a container, and which: GLPI's {@code vmsystem} values
 * ({@code Physical}, {@code Docker}, {@code lxc}, {@code VMware}, {@code KVM}, {@code QEMU}, ...).
 */
final class Virtualization {
  private Virtualization() {}

  static String detect(Platform p) {
    if (p.exists("/.dockerenv")) {
      return "Docker";
    }
    String cgroup = p.file("/proc/1/cgroup").orElse("");
    if (cgroup.contains("docker")) {
      return "Docker";
    }
    if (cgroup.contains("lxc") || p.file("/proc/1/environ").orElse("").contains("container=lxc")) {
      return "lxc";
    }
    if (p.exists("/run/.containerenv")) {
      return "Podman";
    }
    String vendor = Dmi.first(p.dmi(), Dmi.SYSTEM)
        .map(s -> s.get("Manufacturer").orElse("") + " " + s.get("Product Name").orElse(""))
        .orElse("");
    return fromDmi(vendor, p.file("/proc/cpuinfo").orElse(""));
  }

  /** The hypervisor named by DMI vendor/product strings, or by the CPU's hypervisor flag. */
  static String fromDmi(String vendorAndProduct, String cpuinfo) {
    String v = vendorAndProduct.toLowerCase(Locale.ROOT);
    if (v.contains("vmware")) {
      return "VMware";
    }
    if (v.contains("virtualbox") || v.contains("innotek")) {
      return "VirtualBox";
    }
    if (v.contains("qemu")) {
      return "QEMU";
    }
    if (v.contains("kvm")) {
      return "KVM";
    }
    if (v.contains("microsoft") && v.contains("virtual")) {
      return "Hyper-V";
    }
    if (v.contains("xen")) {
      return "Xen";
    }
    if (v.contains("amazon ec2")) {
      return "KVM";
    }
    if (v.contains("google compute")) {
      return "KVM";
    }
    if (v.contains("parallels")) {
      return "Parallels";
    }
    if (v.contains("bochs")) {
      return "Bochs";
    }
    if (cpuinfo.contains(" hypervisor")) {
      return "Virtual Machine";
    }
    return "Physical";
  }
}
