/**
 * The agent's own SLF4J backend: one-line records to stderr, a size-rotated file and syslog, configured
 * once from {@code agent.cfg} by {@link org.glpiagent.logging.LogSetup}. It replaces logback because a
 * one-shot run paid about 90 ms and 350 classes for logback's start-up; what the agent needs of a logging
 * library is a level per logger prefix, the {@code target}/{@code task} context and three destinations.
 */
package org.glpiagent.logging;
