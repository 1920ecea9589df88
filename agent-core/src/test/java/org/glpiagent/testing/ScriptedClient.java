package org.glpiagent.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.glpiagent.client.Message;
import org.glpiagent.client.Reply;
import org.glpiagent.client.RequestOptions;
import org.glpiagent.client.ServerClient;

/** A server client that answers from a script and records what was sent. */
public final class ScriptedClient implements ServerClient {
  /** One scripted answer: a reply, or a failure to reach the server. */
  public sealed interface Step {}

  public record Answer(Reply reply) implements Step {}

  public record Fail(String why) implements Step {}

  private final Deque<Step> script = new ArrayDeque<>();
  private final Deque<Step> gets = new ArrayDeque<>();
  public final List<Message> sent = new ArrayList<>();
  public final List<URI> got = new ArrayList<>();

  /** The answer to the next GET (the tasks API); GETs beyond the script fail. */
  public ScriptedClient thenGetJson(int code, String body) {
    gets.add(new Answer(new Reply(code, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of())));
    return this;
  }

  public ScriptedClient then(int code, String contentType, String body) {
    script.add(new Answer(new Reply(code, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of())));
    return this;
  }

  public ScriptedClient thenJson(int code, String body) {
    return then(code, "application/json", body);
  }

  public ScriptedClient thenXml(int code, String body) {
    return then(code, "application/xml", body);
  }

  public ScriptedClient thenFail(String why) {
    script.add(new Fail(why));
    return this;
  }

  public String sentText(int i) {
    return new String(sent.get(i).body(), StandardCharsets.UTF_8);
  }

  @Override
  public Reply post(URI url, Message message) throws IOException {
    sent.add(message);
    Step s = script.poll();
    if (s == null) {
      throw new IOException("script exhausted");
    }
    return switch (s) {
      case Answer a -> a.reply();
      case Fail f -> throw new IOException(f.why());
    };
  }

  @Override
  public Reply get(URI url, RequestOptions options) throws IOException {
    got.add(url);
    Step s = gets.poll();
    if (s == null) {
      throw new IOException("not scripted");
    }
    return switch (s) {
      case Answer a -> a.reply();
      case Fail f -> throw new IOException(f.why());
    };
  }

  @Override
  public void close() {}
}
