/**
 * REGISTER: the agent's half of the protocol's registration. {@link org.glpiagent.register.Registrar} runs the
 * exchange (first message, token-validation challenge, final challenge, communication key) and keeps its
 * outcome per server; {@link org.glpiagent.register.Handshake} holds the AES-128 steps of the specification;
 * {@link org.glpiagent.register.RegisterPolicy} is the pure rule of when to register again;
 * {@link org.glpiagent.register.SealingClient} encrypts every later exchange with the key (AES-128-GCM).
 *
 * <p>Tokens and keys live only in the configuration and in owner-readable state files; their
 * {@code toString} prints {@code ****} and no message or log line carries them.
 */
package org.glpiagent.register;
