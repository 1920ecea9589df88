package org.glpiagent.register;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.glpiagent.client.Message;
import org.glpiagent.client.Reply;
import org.glpiagent.client.ServerClient;
import org.glpiagent.protocol.Json;
import org.glpiagent.protocol.ProtocolException;
import org.glpiagent.protocol.RegisterAnswer;
import org.glpiagent.protocol.RegisterRequest;
import org.glpiagent.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's REGISTER exchange with one server at the start of a run: sends it when {@link RegisterPolicy}
 * says it is due, answers a token-validation challenge at once, checks the final challenge, keeps the
 * communication key in the target's state and hands it to the {@link KeyRing}; otherwise applies what the
 * last exchange decided (silent after an {@code error}, unregistered after a 501).
 *
 * <p>Not thread-safe: the thread that runs a target calls it.
 */
public final class Registrar {
  private static final Logger log = LoggerFactory.getLogger(Registrar.class);

  /** What the run does after registration. */
  public sealed interface Decision {}

  /**
   * Go on with the run.
   *
   * @param encrypted whether the messages to that server are sealed with a key
   */
  public record Proceed(boolean encrypted) implements Decision {}

  /**
   * Send nothing else to that server this run.
   *
   * @param reason why, for the schedule
   * @param why a sentence naming the server and the reason
   * @param retryIn when the server or the rule allows the next message ({@link Reason#NO_ANSWER}: unused, the
   *     network back-off applies)
   */
  public record Hold(Reason reason, String why, Duration retryIn) implements Decision {}

  /** Why a run holds. */
  public enum Reason {
    /** The server waits for a validation, or registration is required and not there yet. */
    PENDING,
    /** The server refused (silent until the expiration), or it cannot register and registration is required. */
    REFUSED,
    /** No usable answer to REGISTER. */
    NO_ANSWER
  }

  private final ServerClient channel;
  private final KeyRing ring;
  private final RegisterSettings settings;
  private final RegisterRequest.First first;
  private final UUID agentId;
  private final Clock clock;
  private final RandomGenerator random;

  /**
   * @param channel the client messages go through: the {@link SealingClient} over {@code ring}
   * @param first the agent's first REGISTER message
   * @param random the agent secrets and the nonces (a {@code SecureRandom} outside tests)
   */
  public Registrar(
      ServerClient channel,
      KeyRing ring,
      RegisterSettings settings,
      RegisterRequest.First first,
      UUID agentId,
      Clock clock,
      RandomGenerator random) {
    this.channel = channel;
    this.ring = ring;
    this.settings = settings;
    this.first = first;
    this.agentId = agentId;
    this.clock = clock;
    this.random = random;
  }

  /** A registrar that never registers. */
  public static Registrar disabled() {
    return new Registrar(null, new KeyRing(), RegisterSettings.OFF, null, new UUID(0, 0), Clock.systemUTC(), null);
  }

  /**
   * Registers with the server at {@code url} when due, and says whether the run goes on.
   *
   * @param store the target's owner-only folder, where {@code register.json} lives
   */
  public Decision ensure(URI url, StateStore store) throws InterruptedException {
    if (settings.mode() == RegisterSettings.Mode.NO) {
      ring.remove(url);
      return new Proceed(false);
    }
    Instant now = clock.instant();
    RegistrationState state;
    try {
      state = RegistrationState.load(store, now);
    } catch (IOException e) {
      log.error("{}: registering afresh", e.getMessage());
      state = RegistrationState.none(now);
    }
    return state.isDue(now) ? exchange(url, store, state, now, true) : settle(url, store, state, now);
  }

  /** What a known state means for this run, without a message to the server. */
  private Decision settle(URI url, StateStore store, RegistrationState state, Instant now) {
    install(url, store, state, now);
    boolean required = settings.mode() == RegisterSettings.Mode.REQUIRED;
    Duration wait = Duration.between(now, state.nextAttempt());
    String msg = state.message().orElse("no reason given");
    return switch (state.status()) {
      case REFUSED ->
          new Hold(Reason.REFUSED, "registration refused by " + url + " (" + msg + "): nothing is sent to it before "
              + state.nextAttempt(), wait);
      case UNSUPPORTED ->
          required
              ? new Hold(Reason.REFUSED, "server " + url + " does not support REGISTER (" + msg
                  + ") and the configuration requires registration (register = required): nothing was sent to it", wait)
              : new Proceed(false);
      case PENDING ->
          required
              ? new Hold(Reason.PENDING, "registration with " + url + " is pending (" + msg
                  + ") and the configuration requires it: nothing else is sent", wait)
              : new Proceed(false);
      case REGISTERED, NONE -> {
        if (state.isRegistered(now)) {
          yield new Proceed(ring.get(url).isPresent());
        }
        yield required
            ? new Hold(Reason.NO_ANSWER, "not registered with " + url + " (" + msg
                + ") and the configuration requires registration: nothing else is sent", Duration.ZERO)
            : new Proceed(false);
      }
    };
  }

  private Decision exchange(URI url, StateStore store, RegistrationState state, Instant now, boolean mayRetry)
      throws InterruptedException {
    install(url, store, state, now); // a renewal goes sealed with the current key
    Reply reply;
    try {
      reply = channel.post(url, Message.json(Json.write(first)));
    } catch (KeyRefusedException e) {
      RegistrationState fresh = RegisterPolicy.forgotten(now, e.getMessage());
      if (mayRetry) {
        return exchange(url, store, fresh, now, false); // once, in the clear
      }
      return noAnswer(url, store, fresh, now, e.getMessage());
    } catch (IOException e) {
      return noAnswer(url, store, state, now, e.getMessage());
    }
    checkInterrupt();
    if (reply.code() >= 502 && reply.code() <= 504 && !reply.looksLikeJson()) {
      // a gateway's page (bad gateway, unavailable, time-out): no answer from the server itself yet
      return noAnswer(url, store, state, now, "HTTP " + reply.code() + " from a gateway");
    }
    if (reply.code() == 501 || !reply.looksLikeJson()) {
      // GLPI 10 and 11: 501 "Query 'register' is not supported."; a server that speaks no JSON: no REGISTER
      String why = "HTTP " + reply.code() + (reply.looksLikeJson() ? message(reply).map(m -> ": " + m).orElse("") : "");
      log.info("server {} does not support REGISTER ({}); remembered for {}", url, why, RegisterPolicy.UNSUPPORTED_RECHECK);
      return keep(url, store, RegisterPolicy.unsupported(now, why), now);
    }
    RegisterAnswer a;
    try {
      a = RegisterAnswer.parse(Json.readObject(reply.body(), "REGISTER answer"));
    } catch (ProtocolException e) {
      return unusable(url, store, state, now, e.getMessage());
    }
    return switch (a.status()) {
      case REGISTERED -> registered(url, store, now, a, state.usableKey(now), false);
      case ERROR -> refused(url, store, now, a);
      case PENDING -> {
        if (a.needs().orElse(null) == RegisterAnswer.Needs.TOKEN_VALIDATION) {
          yield validate(url, store, now, a);
        }
        String why = "waiting for " + a.needs().map(RegisterAnswer.Needs::wire).orElse("validation")
            + a.message().map(m -> ": " + m).orElse("");
        log.info("registration with {} pending, {}; asking again in {}", url, why,
            a.expiration().orElse(RegisterPolicy.MISSING_EXPIRATION));
        yield keep(url, store, RegisterPolicy.pending(now, a.expiration(), why), now);
      }
    };
  }

  /** Answers a token-validation challenge at once, then checks the server's final answer. */
  private Decision validate(URI url, StateStore store, Instant now, RegisterAnswer challenge) throws InterruptedException {
    if (settings.token().isEmpty()) {
      return fail(url, store, now, "the server asks for a token validation and no token is configured");
    }
    Handshake.Answer mine;
    try {
      mine = Handshake.answer(settings.token().get(), agentId, challenge.challenge().orElse(null), random);
    } catch (RegisterException e) {
      return fail(url, store, now, e.getMessage());
    }
    Reply reply;
    try {
      reply = channel.post(url, Message.json(Json.write(new RegisterRequest.Challenge(mine.wire()))));
    } catch (IOException e) {
      return noAnswer(url, store, RegistrationState.none(now), now, e.getMessage());
    }
    checkInterrupt();
    RegisterAnswer a;
    try {
      a = RegisterAnswer.parse(Json.readObject(reply.body(), "REGISTER challenge answer"));
    } catch (ProtocolException e) {
      return unusable(url, store, RegistrationState.none(now), now, "HTTP " + reply.code() + ": " + e.getMessage());
    }
    return switch (a.status()) {
      case ERROR -> refused(url, store, now, a);
      case PENDING -> {
        // a proxy relays the answer; the specification has it sent again at the expiration: this agent starts
        // the registration over then (proxies come with the agent's HTTP port)
        yield keep(url, store, RegisterPolicy.pending(now, a.expiration(), "challenge answer relayed by a proxy"), now);
      }
      case REGISTERED -> {
        Optional<byte[]> key = Optional.empty();
        try {
          if (a.challenge().isPresent()) {
            Handshake.verifyFinal(settings.token().get(), mine, a.challenge().get());
            if (a.crypto().isPresent()) {
              key = Optional.of(Handshake.key(settings.token().get(), a.crypto().get()));
            }
          } else if (a.crypto().isPresent()) {
            throw new RegisterException("the server sent a key without a final challenge: it has not shown it knows the token");
          }
        } catch (RegisterException e) {
          yield fail(url, store, now, e.getMessage());
        }
        if (key.isPresent() && !settings.encryption()) {
          log.info("encryption is off: the key from {} is not kept", url);
          key = Optional.empty();
        }
        yield registered(url, store, now, a, key, true);
      }
    };
  }

  private Decision registered(URI url, StateStore store, Instant now, RegisterAnswer a, Optional<byte[]> key, boolean validated) {
    if (a.expiration().isEmpty()) {
      log.warn("server {} registered this agent without an expiration: assuming {}", url, RegisterPolicy.MISSING_EXPIRATION);
    }
    RegistrationState s = RegisterPolicy.registered(now, a.expiration().orElse(RegisterPolicy.MISSING_EXPIRATION), key);
    log.info("registered with {}{} until {}{}", url, validated ? " (token validated)" : "", s.expiresAt().orElseThrow(),
        key.isPresent() ? ", exchanges encrypted" : "");
    return keep(url, store, s, now);
  }

  private Decision refused(URI url, StateStore store, Instant now, RegisterAnswer a) {
    String why = a.message().orElse("error");
    RegistrationState s = RegisterPolicy.refused(now, a.expiration(), why);
    log.error("server {} refused the registration ({}): silent until {}", url, why, s.nextAttempt());
    return keep(url, store, s, now);
  }

  /** Tells the server the challenge failed, and keeps silent for the expiration it gives. */
  private Decision fail(URI url, StateStore store, Instant now, String reason) throws InterruptedException {
    log.error("registration with {} failed: {}; answering failure", url, reason);
    Optional<Duration> expiration = Optional.empty();
    try {
      Reply reply = channel.post(url, Message.json(Json.write(RegisterRequest.Challenge.failure())));
      if (reply.looksLikeJson()) {
        expiration = RegisterAnswer.parse(Json.readObject(reply.body(), "REGISTER failure answer")).expiration();
      }
    } catch (IOException e) {
      log.debug("no answer to the failure message: {}", e.getMessage());
    }
    checkInterrupt();
    return keep(url, store, RegisterPolicy.refused(now, expiration, "challenge failed: " + reason), now);
  }

  private Decision unusable(URI url, StateStore store, RegistrationState state, Instant now, String why) {
    log.warn("unusable REGISTER answer from {}: {}", url, why);
    RegistrationState s = RegisterPolicy.noAnswer(state, now);
    save(store, s);
    install(url, store, s, now);
    return settings.mode() == RegisterSettings.Mode.REQUIRED
        ? new Hold(Reason.NO_ANSWER, "REGISTER with " + url + ": " + why, Duration.ZERO)
        : new Proceed(ring.get(url).isPresent());
  }

  private Decision noAnswer(URI url, StateStore store, RegistrationState state, Instant now, String why) {
    RegistrationState s = RegisterPolicy.noAnswer(state, now);
    save(store, s);
    install(url, store, s, now);
    return new Hold(Reason.NO_ANSWER, "REGISTER with " + url + ": " + why, Duration.ZERO);
  }

  private Decision keep(URI url, StateStore store, RegistrationState s, Instant now) {
    save(store, s);
    return settle(url, store, s, now);
  }

  /** Puts the state's key in the ring, or takes the URL out of it. */
  private void install(URI url, StateStore store, RegistrationState state, Instant now) {
    Optional<byte[]> key = state.usableKey(now).filter(k -> settings.encryption());
    if (key.isEmpty()) {
      ring.remove(url);
      return;
    }
    ring.put(url, new SessionKey(key.get(), agentId.toString(), random), why -> {
      log.warn("key for {} dropped: {}", url, why);
      save(store, RegisterPolicy.forgotten(clock.instant(), why));
    });
  }

  private static void save(StateStore store, RegistrationState s) {
    try {
      s.save(store);
    } catch (IOException e) {
      log.error("cannot save the registration state in {}: {}", store.dir(), e.getMessage());
    }
  }

  private static Optional<String> message(Reply reply) {
    try {
      return RegisterAnswer.parse(Json.readObject(reply.body(), "answer")).message();
    } catch (ProtocolException e) {
      return Optional.empty();
    }
  }

  private static void checkInterrupt() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("run interrupted");
    }
  }
}
