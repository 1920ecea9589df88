/**
 * Network discovery: jobs from the glpiinventory plugin's PROLOG options (or the command line), address
 * ranges swept over one SNMP socket with as many probes in flight as the job allows, devices identified and
 * reported as the legacy NETDISCOVERY messages.
 */
package org.glpiagent.tasks.netdiscovery;
