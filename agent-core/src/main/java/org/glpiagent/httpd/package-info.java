/**
 * The agent's own port (62354): the status page, {@code /status}, {@code /now} and the REST API of targets
 * and runs, with its trust and rate rules.
 */
package org.glpiagent.httpd;
