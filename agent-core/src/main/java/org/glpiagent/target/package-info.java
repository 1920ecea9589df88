/**
 * Targets and their runs: the dialogue with a GLPI server (CONTACT, PROLOG fallback), where results go
 * (server, folder, standard output), submissions kept on disk until delivered, and each target's state.
 */
package org.glpiagent.target;
