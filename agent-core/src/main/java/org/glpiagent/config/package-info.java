/**
 * The agent's configuration: the registry of options ({@link org.glpiagent.config.Options}), the
 * {@code agent.cfg} reader, and the loader that merges command line, file and defaults into an
 * {@link org.glpiagent.config.AgentConfig}.
 */
package org.glpiagent.config;
