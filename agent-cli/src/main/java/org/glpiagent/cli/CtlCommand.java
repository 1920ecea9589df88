package org.glpiagent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glpiagent.config.AgentConfig;
import org.glpiagent.config.ConfigException;
import org.glpiagent.config.ConfigLoader;
import org.glpiagent.control.ControlClient;
import org.glpiagent.control.ControlMessage;
import org.glpiagent.control.ControlServer;
import org.glpiagent.protocol.Json;

/**
 * {@code glpi-agent ctl COMMAND [JOB]}: talks to the running daemon over its control socket in vardir, or its
 * loopback port with {@code --port} (the token then comes from agent.cfg's {@code api-token} or the
 * {@code GLPI_AGENT_API_TOKEN} variable, never from the command line, where {@code ps} would show it).
 * Exit codes: 0 done (or nothing to do), 1 refused or no agent, 2 bad arguments.
 */
final class CtlCommand {
  private CtlCommand() {}

  static final String USAGE = """
      usage: glpi-agent ctl [--vardir DIR] [--conf-file FILE] [--port N] COMMAND [JOB] [--data FILE]
        commands: start JOB, stop JOB, kill JOB, repair JOB, status [JOB], list, pull JOB, push JOB --data FILE,
                  delete JOB, reload, restart
        a JOB is one of the agent's targets: server0, local0, ... (see list)
      """;

  static int run(String[] args, Path defaultConf, PrintStream out, PrintStream err) {
    Map<String, String> opts = new HashMap<>();
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        out.print(USAGE);
        return 0;
      }
      if (a.startsWith("--")) {
        String name = a.substring(2);
        String value;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          return bad(err, "option --" + name + " needs a value");
        }
        if (!List.of("vardir", "conf-file", "port", "data").contains(name)) {
          return bad(err, "unknown option --" + name);
        }
        opts.put(name, value);
      } else {
        words.add(a);
      }
    }
    if (words.isEmpty() || words.size() > 2) {
      return bad(err, words.isEmpty() ? "a command is needed" : "one command and at most one job");
    }
    String command = words.get(0);
    if (!ControlMessage.COMMANDS.contains(command)) {
      return bad(err, "unknown command " + command);
    }
    AgentConfig config;
    try {
      Map<String, List<String>> given = new HashMap<>();
      Optional.ofNullable(opts.get("conf-file")).ifPresent(f -> given.put("conf-file", List.of(f)));
      Optional.ofNullable(opts.get("vardir")).ifPresent(v -> given.put("vardir", List.of(v)));
      config = new ConfigLoader(defaultConf, Path.of("").toAbsolutePath()).load(given, false);
    } catch (ConfigException e) {
      err.println("glpi-agent ctl: " + e.getMessage());
      return 2;
    }
    ControlMessage request = ControlMessage.of(command);
    if (words.size() == 2) {
      request = request.with("job", words.get(1));
    }
    if (opts.containsKey("data")) {
      try {
        request = request.with("data", Files.readString(Path.of(opts.get("data"))));
      } catch (IOException e) {
        err.println("glpi-agent ctl: cannot read " + opts.get("data") + ": " + e.getMessage());
        return 2;
      }
    }
    Path vardir = config.string("vardir").map(Path::of).orElse(Launch.defaultVardir());
    Path socket = vardir.resolve(ControlServer.SOCKET);
    ControlMessage answer;
    try {
      if (opts.containsKey("port")) {
        int port;
        try {
          port = Integer.parseInt(opts.get("port"));
        } catch (NumberFormatException e) {
          return bad(err, "--port must be a number, not " + opts.get("port"));
        }
        Optional<String> token = Optional.ofNullable(System.getenv("GLPI_AGENT_API_TOKEN")).or(() -> config.string("api-token"));
        if (token.isPresent()) {
          request = request.with("token", token.get());
        }
        answer = ControlClient.send(port, request);
      } else {
        answer = ControlClient.send(socket, request);
      }
    } catch (IOException e) {
      err.println("glpi-agent ctl: no agent answers on " + (opts.containsKey("port") ? "port " + opts.get("port") : socket)
          + ": " + e.getMessage());
      return 1;
    }
    return show(answer, out, err);
  }

  private static int show(ControlMessage answer, PrintStream out, PrintStream err) {
    switch (answer.kind()) {
      case "success" -> out.println("ok");
      case "redundant" -> out.println("nothing to do: it is so already");
      case "fail" -> {
        err.println("glpi-agent ctl: " + answer.field("error").orElse("refused"));
        return 1;
      }
      case "invalid" -> {
        err.println("glpi-agent ctl: the agent found the command invalid");
        return 2;
      }
      case "status", "file" -> out.println(pretty(answer.field("data").orElse("")));
      case "list" -> {
        try {
          for (JsonNode j : Json.MAPPER.readTree(answer.field("list").orElse("{}")).path("jobs")) {
            out.println(j.path("name").asText());
          }
        } catch (IOException e) {
          out.println(answer.field("list").orElse(""));
        }
      }
      default -> {
        err.println("glpi-agent ctl: unexpected answer " + answer.kind());
        return 1;
      }
    }
    return 0;
  }

  private static String pretty(String json) {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.readTree(json));
    } catch (IOException e) {
      return json;
    }
  }

  private static int bad(PrintStream err, String why) {
    err.println("glpi-agent ctl: " + why);
    err.print(USAGE);
    return 2;
  }
}
