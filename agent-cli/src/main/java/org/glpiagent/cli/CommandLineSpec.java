package org.glpiagent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glpiagent.config.OptionDef;
import org.glpiagent.config.OptionKind;
import org.glpiagent.config.Options;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code glpi-agent} command line, built from the option registry so that {@code agent.cfg}, the
 * command line and {@code --help} always agree.
 */
final class CommandLineSpec {
  private CommandLineSpec() {}

  /** The picocli model of every option. */
  static CommandSpec spec() {
    CommandSpec spec = CommandSpec.create().name("glpi-agent");
    spec.usageMessage()
        .description(
            "GLPI agent: inventories this computer and runs the jobs of a GLPI server.",
            "Options may also be set in agent.cfg (key = value); the command line wins.")
        .sortOptions(false)
        .width(110);
    for (OptionDef d : Options.all()) {
      List<String> names = new ArrayList<>();
      d.shortName().ifPresent(s -> names.add("-" + s));
      names.add("--" + d.name());
      OptionSpec.Builder b = OptionSpec.builder(names.toArray(String[]::new));
      String def = d.secret() ? "" : d.defaultValue().map(v -> " (default: " + v + ")").orElse("");
      b.description("[" + d.group() + "] " + d.help() + def);
      if (d.name().equals("debug")) {
        b.type(boolean[].class).arity("0");
      } else if (d.kind() == OptionKind.FLAG) {
        b.type(boolean.class).arity("0");
      } else if (d.name().equals("pidfile")) {
        b.type(String.class).arity("0..1").paramLabel("FILE").fallbackValue("");
      } else if (d.kind() == OptionKind.LIST) {
        b.type(String[].class).paramLabel(label(d)).splitRegex(",");
      } else {
        b.type(String.class).paramLabel(label(d));
      }
      spec.addOption(b.build());
    }
    return spec;
  }

  private static String label(OptionDef d) {
    return switch (d.kind()) {
      case INTEGER -> "N";
      case PATH -> "PATH";
      case LIST -> "VALUE[,VALUE]";
      default -> "VALUE";
    };
  }

  /** The options the user gave, as registry name → values; flags as {@code "1"}. */
  static Map<String, List<String>> values(ParseResult result) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (OptionSpec o : result.matchedOptions()) {
      String name = o.longestName().substring(2);
      Object v = o.getValue();
      if (name.equals("debug")) {
        out.put(name, List.of(String.valueOf(Math.min(2, v instanceof boolean[] b ? b.length : 1))));
      } else if (v instanceof Boolean) {
        out.put(name, List.of("1"));
      } else if (v instanceof String[] arr) {
        out.put(name, List.of(arr));
      } else {
        out.put(name, List.of(v == null ? "" : v.toString()));
      }
    }
    return out;
  }

  /** The usage text. */
  static String usage() {
    return new CommandLine(spec()).getUsageMessage(CommandLine.Help.Ansi.OFF);
  }
}
