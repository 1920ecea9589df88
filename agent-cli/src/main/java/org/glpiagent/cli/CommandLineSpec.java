package org.glpiagent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glpiagent.config.OptionDef;
import org.glpiagent.config.OptionKind;
import org.glpiagent.config.Options;

/**
 * The {@code glpi-agent} command line, built from the option registry so that {@code agent.cfg}, the
 * command line and {@code --help} always agree.
 */
final class CommandLineSpec {
  private CommandLineSpec() {}

  /** Every option of the registry. */
  static ArgParser parser() {
    ArgParser p =
        new ArgParser(
            "glpi-agent",
            "GLPI agent: inventories this computer and runs the jobs of a GLPI server.",
            "Options may also be set in agent.cfg (key = value); the command line wins.");
    for (OptionDef d : Options.all()) {
      List<String> names = new ArrayList<>();
      d.shortName().ifPresent(s -> names.add("-" + s));
      names.add("--" + d.name());
      String def = d.secret() ? "" : d.defaultValue().map(v -> " (default: " + v + ")").orElse("");
      String help = "[" + d.group() + "] " + d.help() + def;
      ArgParser.Arity arity;
      String label;
      if (d.name().equals("debug")) {
        arity = ArgParser.Arity.COUNT;
        label = "";
      } else if (d.kind() == OptionKind.FLAG) {
        arity = ArgParser.Arity.FLAG;
        label = "";
      } else if (d.name().equals("pidfile")) {
        arity = ArgParser.Arity.OPTIONAL_VALUE;
        label = "FILE";
      } else {
        arity = d.kind() == OptionKind.LIST ? ArgParser.Arity.LIST : ArgParser.Arity.VALUE;
        label = label(d);
      }
      p.add(d.name(), arity, label, help, names.toArray(String[]::new));
    }
    return p;
  }

  private static String label(OptionDef d) {
    return switch (d.kind()) {
      case INTEGER -> "N";
      case PATH -> "PATH";
      case LIST -> "VALUE[,VALUE]";
      default -> "VALUE";
    };
  }

  /** The options the user gave, as registry name → values; flags as {@code "1"}, {@code debug} at most 2. */
  static Map<String, List<String>> values(String... args) throws ArgParser.BadArguments {
    Map<String, List<String>> given = new LinkedHashMap<>(parser().parse(args));
    given.computeIfPresent("debug", (k, v) -> List.of(String.valueOf(Math.min(2, Integer.parseInt(v.get(0))))));
    return given;
  }

  /** The usage text. */
  static String usage() {
    return parser().usage() + COMMANDS;
  }

  /** The other commands, listed after the options. */
  static final String COMMANDS = """

      Commands (each with its own --help):
        glpi-agent inventory [OPTIONS]      the inventory of this computer only, as glpi-inventory
        glpi-agent netdiscovery [OPTIONS]   discover network devices, as glpi-netdiscovery
        glpi-agent netinventory [OPTIONS]   inventory network devices, as glpi-netinventory
        glpi-agent ctl COMMAND [JOB]        drive a running daemon: start, stop, status, list, reload, ...
      """;
}
