/** The SNMP layer shared by network discovery and network inventory: credentials and an asynchronous client. */
package org.glpiagent.tasks.snmp;
