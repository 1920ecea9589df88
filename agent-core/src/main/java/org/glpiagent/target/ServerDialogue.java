package org.glpiagent.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.glpiagent.client.Message;
import org.glpiagent.client.Reply;
import org.glpiagent.client.ServerClient;
import org.glpiagent.protocol.AnswerStatus;
import org.glpiagent.protocol.ContactAnswer;
import org.glpiagent.protocol.ContactRequest;
import org.glpiagent.protocol.Json;
import org.glpiagent.protocol.Prolog;
import org.glpiagent.protocol.ProtocolException;
import org.glpiagent.protocol.ServerAnswer;
import org.glpiagent.protocol.XmlTree;
import org.glpiagent.task.ServerInstructions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opening of a run with a server: CONTACT in JSON, or the legacy XML PROLOG when the server does not
 * speak it, and the extra PROLOG that fetches the glpiinventory plugin's jobs.
 *
 * <p>A server of unknown kind gets CONTACT first. An answer in no JSON dialect (an error page, XML, garbage)
 * makes the agent try the PROLOG; an XML PROLOG reply marks the server as {@link ServerKind#LEGACY}, which is
 * remembered. A legacy server whose PROLOG is answered in JSON has been upgraded and gets CONTACT again.
 */
public final class ServerDialogue {
  private static final Logger log = LoggerFactory.getLogger(ServerDialogue.class);

  private final ServerClient client;
  private final ContactRequest contact;
  private final String deviceId;
  private final ProtocolMode mode;

  /** Which dialect to use: found out ({@code auto}), or forced by the {@code server-protocol} option. */
  public enum ProtocolMode {
    AUTO,
    JSON,
    XML;

    /** The mode of an option value ({@code auto}, {@code json}, {@code xml}). */
    public static ProtocolMode of(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  /** How the opening ended. */
  public sealed interface Result {
    /** The server kind to remember. */
    ServerKind kind();
  }

  /**
   * Go on with the tasks.
   *
   * @param maxDelay the server's maximum delay between runs ({@code expiration} or {@code PROLOG_FREQ})
   * @param disabled tasks the server does not want run
   * @param inventoryWanted false when a legacy server's PROLOG did not say {@code SEND}
   */
  public record Proceed(
      ServerKind kind,
      ServerInstructions instructions,
      Optional<Duration> maxDelay,
      Set<String> disabled,
      boolean inventoryWanted)
      implements Result {}

  /** Stop this run with this outcome. */
  public record Stop(ServerKind kind, Outcome outcome) implements Result {}

  public ServerDialogue(ServerClient client, ContactRequest contact, String deviceId, ProtocolMode mode) {
    this.client = client;
    this.contact = contact;
    this.deviceId = deviceId;
    this.mode = mode;
  }

  /** Opens a run with the server at {@code url}, known so far as {@code known}. */
  public Result open(URI url, ServerKind known, boolean forced) throws InterruptedException {
    if (mode == ProtocolMode.XML) {
      return prolog(url, forced, false);
    }
    if (mode == ProtocolMode.AUTO && known == ServerKind.LEGACY) {
      return prolog(url, forced, true);
    }
    return contact(url, forced, true);
  }

  private Result contact(URI url, boolean forced, boolean mayFallBack) throws InterruptedException {
    Reply reply;
    try {
      reply = client.post(url, Message.json(Json.write(contact)));
    } catch (IOException e) {
      return new Stop(ServerKind.UNKNOWN, new Outcome.NetworkFailure("CONTACT: " + e.getMessage()));
    }
    checkInterrupt();
    Optional<Result> refused = refusal(reply);
    if (refused.isPresent()) {
      return refused.get();
    }
    String why;
    if (reply.isSuccess() && reply.looksLikeJson()) {
      try {
        ContactAnswer answer = ContactAnswer.parse(Json.readObject(reply.body(), "CONTACT answer"));
        answer.message().ifPresent(m -> log.info("server message: {}", m));
        return switch (answer.status()) {
          case ERROR ->
              new Stop(
                  ServerKind.GLPI,
                  new Outcome.ServerRejected(answer.message().orElse("error"), answer.expiration()));
          case PENDING ->
              new Stop(
                  ServerKind.GLPI,
                  new Outcome.ServerPending(answer.expiration().orElse(Duration.ZERO), "CONTACT pending"));
          case OK -> proceedAfterContact(url, answer, forced);
        };
      } catch (ProtocolException e) {
        why = e.getMessage();
      }
    } else {
      why = "answer " + reply.code() + " " + describe(reply);
    }
    if (mode == ProtocolMode.AUTO && mayFallBack) {
      log.info("server does not speak CONTACT ({}): trying the XML PROLOG", why);
      return prolog(url, forced, false);
    }
    return new Stop(ServerKind.UNKNOWN, new Outcome.NetworkFailure("CONTACT: " + why));
  }

  private Result proceedAfterContact(URI url, ContactAnswer answer, boolean forced) {
    List<JsonNode> options = List.of();
    if (answer.servedByPlugin()) {
      // glpiinventory still hands out network jobs only in the legacy PROLOG answer, and only when the
      // request has no GLPI-Agent-ID (with it, GLPI answers in JSON).
      try {
        Reply reply = client.post(url, Message.xml(Prolog.request(deviceId), false));
        if (reply.isSuccess() && reply.looksLikeXml()) {
          options = Prolog.Reply.parse(XmlTree.parse(reply.body())).options();
        } else {
          log.warn("plugin PROLOG answered {} {}: no plugin jobs this run", reply.code(), describe(reply));
        }
      } catch (IOException e) {
        log.warn("plugin PROLOG failed: {}; no plugin jobs this run", e.getMessage());
      }
    }
    ServerInstructions instructions =
        new ServerInstructions(answer.tasks(), options, answer.jobs(), answer.credentials(), forced);
    return new Proceed(ServerKind.GLPI, instructions, answer.expiration(), Set.copyOf(answer.disabled()), true);
  }

  private Result prolog(URI url, boolean forced, boolean mayTryContact) throws InterruptedException {
    Reply reply;
    try {
      reply = client.post(url, Message.xml(Prolog.request(deviceId), mode != ProtocolMode.XML));
    } catch (IOException e) {
      return new Stop(ServerKind.UNKNOWN, new Outcome.NetworkFailure("PROLOG: " + e.getMessage()));
    }
    checkInterrupt();
    Optional<Result> refused = refusal(reply);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (reply.isSuccess() && reply.looksLikeJson()) {
      // a GLPI server, or a proxy agent: it answers a PROLOG in JSON when GLPI-Agent-ID is sent
      if (mayTryContact && mode == ProtocolMode.AUTO) {
        log.info("server answers the PROLOG in JSON: switching to CONTACT");
        return contact(url, forced, false);
      }
      return new Stop(
          ServerKind.UNKNOWN,
          new Outcome.NetworkFailure("server answers neither CONTACT nor PROLOG usably: " + describe(reply)));
    }
    if (reply.isSuccess() && reply.looksLikeXml()) {
      try {
        Prolog.Reply p = Prolog.Reply.parse(XmlTree.parse(reply.body()));
        ServerInstructions instructions =
            new ServerInstructions(java.util.Map.of(), p.options(), null, null, forced);
        return new Proceed(ServerKind.LEGACY, instructions, p.frequency(), Set.of(), p.sendInventory());
      } catch (ProtocolException e) {
        return new Stop(ServerKind.UNKNOWN, new Outcome.NetworkFailure("PROLOG: " + e.getMessage()));
      }
    }
    return new Stop(ServerKind.UNKNOWN, new Outcome.NetworkFailure("PROLOG: answer " + reply.code() + " " + describe(reply)));
  }

  /** An answer that refuses the agent whatever the dialect: a GLPI error body, or GLPI 11's disabled page. */
  private static Optional<Result> refusal(Reply reply) {
    if (reply.isSuccess()) {
      return Optional.empty();
    }
    if (reply.looksLikeJson()) {
      try {
        ServerAnswer a = ServerAnswer.fromJson(Json.readObject(reply.body(), "error answer"));
        // a GLPI error body; GLPI even answers an unknown task name with status ok and HTTP 400
        String msg = "HTTP " + reply.code() + ": " + a.message().orElse(a.status().name().toLowerCase(Locale.ROOT));
        if (a.isBusy() || (reply.code() >= 500 && a.status() == AnswerStatus.PENDING)) {
          return Optional.of(
              new Stop(ServerKind.GLPI, new Outcome.ServerPending(a.expiration().orElse(Duration.ofHours(1)), msg)));
        }
        return Optional.of(new Stop(ServerKind.GLPI, new Outcome.ServerRejected(msg, a.expiration())));
      } catch (ProtocolException e) {
        return Optional.empty();
      }
    }
    if (reply.looksLikeXml()) {
      try {
        XmlTree t = XmlTree.parse(reply.body());
        if (t.text("ERROR").isPresent()) {
          return Optional.of(
              new Stop(
                  ServerKind.UNKNOWN,
                  new Outcome.ServerRejected("HTTP " + reply.code() + ": " + t.text("ERROR").get(), Optional.empty())));
        }
      } catch (ProtocolException e) {
        return Optional.empty();
      }
    }
    if (reply.code() == 403 && reply.text().toLowerCase(Locale.ROOT).contains("inventory is disabled")) {
      return Optional.of(
          new Stop(ServerKind.GLPI, new Outcome.ServerRejected("HTTP 403: Inventory is disabled", Optional.empty())));
    }
    return Optional.empty();
  }

  /** A short description of an answer for logs: its type and first bytes, never the whole body. */
  static String describe(Reply reply) {
    String text = reply.text().replaceAll("\\s+", " ").trim();
    String head = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    String printable = head.replaceAll("[^\\x20-\\x7E…]", "?");
    return "(" + (reply.contentType().isEmpty() ? "no content type" : reply.contentType()) + ", "
        + reply.body().length + " bytes: " + printable + ")";
  }

  private static void checkInterrupt() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("run interrupted");
    }
  }
}
