package org.glpiagent.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.glpiagent.protocol.JsonTree;
import org.glpiagent.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the agent is to its servers: the {@code GLPI-Agent-ID} UUID and the {@code deviceid}
 * ({@code hostname-YYYY-MM-DD-HH-MM-SS}), both made on first start and kept in {@code vardir} for good.
 *
 * <p>GLPI keys agents by {@code deviceid}; a new one would make a duplicate agent in GLPI, so it is never
 * regenerated while the state file exists.
 */
public record AgentIdentity(UUID agentId, String deviceId) {
  private static final Logger log = LoggerFactory.getLogger(AgentIdentity.class);
  static final String FILE = "agent.json";
  static final int VERSION = 1;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");

  public AgentIdentity {
    Objects.requireNonNull(agentId, "agentId");
    if (deviceId == null || deviceId.isBlank()) {
      throw new IllegalArgumentException("empty deviceid");
    }
  }

  /** Reads the identity from the store, or makes and saves a new one. */
  public static AgentIdentity loadOrCreate(StateStore store, String hostname, Clock clock, RandomGenerator random)
      throws IOException {
    var saved = store.read(FILE, VERSION);
    if (saved.isPresent()) {
      try {
        return new AgentIdentity(
            UUID.fromString(saved.get().path("agentid").asText()), saved.get().path("deviceid").asText());
      } catch (IllegalArgumentException e) {
        log.error("identity in {} is invalid ({}): making a new one", store.dir().resolve(FILE), e.getMessage());
      }
    }
    AgentIdentity created = create(hostname, clock, random);
    ObjectNode node = JsonTree.object();
    node.put("agentid", created.agentId().toString());
    node.put("deviceid", created.deviceId());
    store.write(FILE, VERSION, node);
    log.info("new agent identity: deviceid {}, agentid {}", created.deviceId(), created.agentId());
    return created;
  }

  /** A new identity for this host at this time. */
  static AgentIdentity create(String hostname, Clock clock, RandomGenerator random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
    b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (b[i] & 0xff);
      lo = (lo << 8) | (b[i + 8] & 0xff);
    }
    String host = hostname == null || hostname.isBlank() ? "localhost" : hostname.trim();
    return new AgentIdentity(new UUID(hi, lo), host + "-" + STAMP.format(LocalDateTime.now(clock)));
  }
}
