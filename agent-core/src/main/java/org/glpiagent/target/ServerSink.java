package org.glpiagent.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.glpiagent.client.Message;
import org.glpiagent.client.Reply;
import org.glpiagent.client.ServerClient;
import org.glpiagent.inventory.PartialInventory;
import org.glpiagent.state.StateStore;
import org.glpiagent.protocol.AnswerStatus;
import org.glpiagent.protocol.InventoryMessage;
import org.glpiagent.protocol.Json;
import org.glpiagent.protocol.ProtocolException;
import org.glpiagent.protocol.ServerAnswer;
import org.glpiagent.protocol.XmlTree;
import org.glpiagent.task.ResultSink;
import org.glpiagent.task.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a task's documents to a server: JSON to GLPI, XML to a legacy server.
 *
 * <p>Every document is first written to {@link PendingSubmissions} and removed only once the server accepted
 * it. A busy server, a 5xx or no answer leave it there for the next run; a definitive refusal (a 4xx such as a
 * schema violation) moves it to {@code rejected/} with the server's message in the log.
 */
public final class ServerSink implements ResultSink {
  private static final Logger log = LoggerFactory.getLogger(ServerSink.class);

  private final ServerClient client;
  private final URI url;
  private final ServerKind kind;
  private final String deviceId;
  private final Optional<String> tag;
  private final PendingSubmissions pending;
  private final StateStore store;
  private final int postpone;
  private Optional<Outcome> trouble = Optional.empty();

  /**
   * @param store the target's folder, where the checksums of the last accepted inventory are kept
   * @param postpone {@code full-inventory-postpone}: partial inventories sent between two full ones (0: always
   *     full)
   */
  public ServerSink(
      ServerClient client,
      URI url,
      ServerKind kind,
      String deviceId,
      Optional<String> tag,
      PendingSubmissions pending,
      StateStore store,
      int postpone) {
    this.client = client;
    this.url = url;
    this.kind = kind;
    this.deviceId = deviceId;
    this.tag = tag;
    this.pending = pending;
    this.store = store;
    this.postpone = postpone;
  }

  /** The first delivery problem of this run, if any: what the run's outcome should say. */
  public Optional<Outcome> trouble() {
    return trouble;
  }

  @Override
  public synchronized void submit(Submission s) throws IOException {
    byte[] body;
    Message.Format format;
    if (kind == ServerKind.LEGACY) {
      body = InventoryMessage.xml(deviceId, tag, s.content());
      format = Message.Format.XML;
    } else {
      Optional<PartialInventory.Decision> d = Optional.empty();
      ObjectNode content = s.content();
      boolean partial = s.partial();
      if ("Computer".equals(s.itemtype()) && !s.partial()) {
        d = Optional.of(PartialInventory.decide(s.content(), store.read(LAST_STATE, 1), postpone));
        content = d.get().content();
        partial = d.get().partial();
        if (partial) {
          log.info("full inventory postponed: {}/{}", d.get().postponed(), postpone);
        }
      }
      ObjectNode m = InventoryMessage.json(s.action(), deviceId, s.itemtype(), partial, s.jobId(), tag, content);
      body = Json.write(m);
      format = Message.Format.JSON;
      PendingSubmissions.Entry entry = new PendingSubmissions.Entry(pending.keep(body, format), format);
      sendNow(entry);
      if (d.isPresent()) {
        store.write(LAST_STATE, 1, d.get().state()); // only once the server took it
      }
      return;
    }
    sendNow(new PendingSubmissions.Entry(pending.keep(body, format), format));
  }

  static final String LAST_STATE = "last_state.json";

  /**
   * Posts a network task message as glpi-agent does: XML, without {@code GLPI-Agent-ID}. The plugin answers
   * {@code <REPLY/>}; any 2xx is taken, anything else is an error for the task to handle.
   */
  @Override
  public void legacy(String query, ObjectNode content) throws IOException {
    ObjectNode r = Json.MAPPER.createObjectNode();
    r.set("CONTENT", content);
    r.put("DEVICEID", deviceId);
    r.put("QUERY", query);
    Reply reply = client.post(url, Message.xml(org.glpiagent.protocol.XmlWriter.request(r), false));
    if (!reply.isSuccess()) {
      throw new IOException(query + " message refused: HTTP " + reply.code() + " " + ServerDialogue.describe(reply));
    }
  }

  private void sendNow(PendingSubmissions.Entry entry) throws IOException {
    if (trouble.isPresent()) {
      throw new IOException("kept for later: the server did not take the previous document this run");
    }
    deliver(entry);
    if (trouble.isPresent()) {
      throw new IOException(describe(trouble.get()));
    }
  }

  /** Sends what earlier runs could not deliver, oldest first; stops at the first that fails again. */
  public synchronized void flush() throws InterruptedException {
    try {
      for (PendingSubmissions.Entry e : pending.list()) {
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        log.info("sending kept submission {}", e.file().getFileName());
        if (!deliver(e)) {
          return;
        }
      }
    } catch (IOException e) {
      trouble = Optional.of(new Outcome.NetworkFailure("cannot read kept submissions: " + e.getMessage()));
    }
  }

  /** Sends one kept message; true when the server took it or refused it for good. */
  private boolean deliver(PendingSubmissions.Entry e) throws IOException {
    byte[] body = e.body();
    Message m = e.format() == Message.Format.JSON ? Message.json(body) : Message.xml(body, true);
    Reply reply;
    try {
      reply = client.post(url, m);
    } catch (IOException ex) {
      trouble = Optional.of(new Outcome.NetworkFailure("inventory not sent: " + ex.getMessage()));
      return false;
    }
    Optional<ServerAnswer> answer = read(reply);
    if (reply.isSuccess() && answer.map(a -> a.status() == AnswerStatus.OK).orElse(false)) {
      pending.delivered(e);
      log.info("inventory accepted by the server");
      return true;
    }
    String msg = answer.flatMap(ServerAnswer::message).orElse(ServerDialogue.describe(reply));
    boolean busy = answer.map(ServerAnswer::isBusy).orElse(false)
        || reply.code() >= 500
        || answer.map(a -> a.status() == AnswerStatus.PENDING).orElse(false);
    if (busy || (reply.isSuccess() && answer.isEmpty())) {
      Duration retry = answer.flatMap(ServerAnswer::expiration).orElse(Duration.ofHours(1));
      log.warn("server did not take the inventory (HTTP {}: {}): kept, next try in {}", reply.code(), msg, retry);
      trouble = Optional.of(new Outcome.ServerPending(retry, "HTTP " + reply.code() + ": " + msg));
      return false;
    }
    var to = pending.reject(e);
    log.error("server refused the inventory (HTTP {}: {}): kept as {}", reply.code(), msg, to);
    trouble = Optional.of(new Outcome.ServerRejected("HTTP " + reply.code() + ": " + msg, answer.flatMap(ServerAnswer::expiration)));
    return true;
  }

  private static Optional<ServerAnswer> read(Reply reply) {
    try {
      if (reply.looksLikeJson()) {
        return Optional.of(ServerAnswer.fromJson(Json.readObject(reply.body(), "inventory answer")));
      }
      if (reply.looksLikeXml()) {
        return Optional.of(ServerAnswer.fromXml(XmlTree.parse(reply.body())));
      }
    } catch (ProtocolException e) {
      log.debug("unreadable inventory answer: {}", e.getMessage());
    }
    return Optional.empty();
  }

  static String describe(Outcome o) {
    return switch (o) {
      case Outcome.NetworkFailure f -> f.reason();
      case Outcome.RunFailed f -> f.reason();
      case Outcome.ServerPending p -> p.why() + ", kept for a retry in " + p.retryIn();
      case Outcome.ServerRejected r -> r.message();
      case Outcome.Completed c -> "completed";
    };
  }
}
