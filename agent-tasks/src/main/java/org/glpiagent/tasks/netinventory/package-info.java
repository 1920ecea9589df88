/**
 * Network inventory: what a switch, router or printer says of itself over SNMP (identity, ports, their
 * addresses, VLANs, MAC tables and neighbours, components, printer counters and supplies), for the devices
 * GLPI names in its {@code SNMPQUERY} jobs, the task scheduling protocol's {@code netinventory} jobs and
 * {@code glpi-agent netinventory}.
 */
package org.glpiagent.tasks.netinventory;
