/**
 * The HTTP client that carries the agent's messages to a GLPI server: {@link org.glpiagent.client.ServerClient}
 * and its message and answer types. The OkHttp implementation and its interceptors live in {@code internal}.
 */
package org.glpiagent.client;
