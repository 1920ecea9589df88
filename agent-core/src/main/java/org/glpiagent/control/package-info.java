/**
 * {@code glpi-agent ctl}: the control channel of a running agent (start, stop, kill, repair, status, list,
 * pull, push, delete, reload, restart) over a Unix domain socket only its user can open, and optionally a
 * loopback TCP port with a token.
 */
package org.glpiagent.control;
