/** The agent's identity: its {@code GLPI-Agent-ID} and {@code deviceid}, made once and kept. */
package org.glpiagent.identity;
