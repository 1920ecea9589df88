package org.glpiagent.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's options and how to read them, in the GNU style glpi-agent's users type: {@code --name value},
 * {@code --name=value}, {@code -s value}, {@code -svalue}, a list as {@code a,b} or by repeating the option,
 * {@code --} to end the options. Reading is a pure function of the arguments. It replaces picocli, whose
 * reflective set-up cost a one-shot run about 150 ms before any work began.
 */
final class ArgParser {
  /** What an option takes. */
  enum Arity {
    /** Nothing: present or not. */
    FLAG,
    /** Nothing, and counts its repetitions ({@code --debug --debug}). */
    COUNT,
    /** One value; given twice, the last one wins. */
    VALUE,
    /** A value when one follows that is not an option, else the empty string. */
    OPTIONAL_VALUE,
    /** Values split at commas, accumulated over repetitions. */
    LIST,
    /** Values accumulated over repetitions, each kept whole (commas included). */
    REPEATED
  }

  /** One option: the key its values are returned under, its spellings, what it takes and its help line. */
  record Opt(String key, List<String> names, Arity arity, String label, String help) {}

  /** Arguments that do not fit the command; the message says which argument and why. */
  static final class BadArguments extends Exception {
    private static final long serialVersionUID = 1L;

    BadArguments(String message) {
      super(message);
    }
  }

  private final String command;
  private final List<String> description;
  private final List<Opt> options = new ArrayList<>();
  private final Map<String, Opt> byName = new HashMap<>();

  ArgParser(String command, String... description) {
    this.command = command;
    this.description = List.of(description);
  }

  /** Adds an option; {@code names} are its spellings with their dashes ({@code "-s"}, {@code "--server"}). */
  ArgParser add(String key, Arity arity, String label, String help, String... names) {
    Opt o = new Opt(key, List.of(names), arity, label, help);
    for (String n : names) {
      if (!n.startsWith("-") || byName.putIfAbsent(n, o) != null) {
        throw new IllegalArgumentException("bad or duplicate option name " + n);
      }
    }
    options.add(o);
    return this;
  }

  ArgParser flag(String key, String help, String... names) {
    return add(key, Arity.FLAG, "", help, names);
  }

  ArgParser value(String key, String label, String help, String... names) {
    return add(key, Arity.VALUE, label, help, names);
  }

  List<Opt> options() {
    return List.copyOf(options);
  }

  /**
   * The options given, by key, in the order first given: flags as {@code ["1"]}, counts as their number,
   * lists with every value. An unknown option, a missing or unwanted value, or any argument that is not an
   * option is refused.
   */
  Map<String, List<String>> parse(String... args) throws BadArguments {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        if (i + 1 < args.length) {
          throw new BadArguments("unexpected argument '" + args[i + 1] + "'");
        }
        break;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        throw new BadArguments("unexpected argument '" + arg + "'");
      }
      String name;
      String inline = null;
      if (arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        name = eq < 0 ? arg : arg.substring(0, eq);
        inline = eq < 0 ? null : arg.substring(eq + 1);
      } else {
        name = arg.substring(0, 2);
        if (arg.length() > 2) {
          inline = arg.charAt(2) == '=' ? arg.substring(3) : arg.substring(2);
        }
      }
      Opt o = byName.get(name);
      if (o == null) {
        throw new BadArguments("unknown option '" + (arg.startsWith("--") ? name : arg) + "'");
      }
      switch (o.arity()) {
        case FLAG, COUNT -> {
          if (inline != null) {
            throw new BadArguments("option '" + name + "' takes no value");
          }
          int n = o.arity() == Arity.COUNT && out.containsKey(o.key()) ? Integer.parseInt(out.get(o.key()).get(0)) + 1 : 1;
          out.put(o.key(), List.of(String.valueOf(n)));
        }
        case VALUE, LIST, REPEATED -> {
          String v = inline;
          if (v == null) {
            if (i + 1 >= args.length || isOption(args[i + 1])) {
              throw new BadArguments("option '" + name + "' needs a value (" + o.label() + ")");
            }
            v = args[++i];
          }
          if (o.arity() == Arity.VALUE) {
            out.put(o.key(), List.of(v));
          } else if (o.arity() == Arity.REPEATED) {
            List<String> all = new ArrayList<>(out.getOrDefault(o.key(), List.of()));
            all.add(v);
            out.put(o.key(), List.copyOf(all));
          } else {
            List<String> all = new ArrayList<>(out.getOrDefault(o.key(), List.of()));
            for (String part : v.split(",", -1)) {
              all.add(part.trim());
            }
            out.put(o.key(), List.copyOf(all));
          }
        }
        case OPTIONAL_VALUE -> {
          String v = inline;
          if (v == null) {
            v = i + 1 < args.length && !args[i + 1].startsWith("-") ? args[++i] : "";
          }
          out.put(o.key(), List.of(v));
        }
      }
    }
    return out;
  }

  private boolean isOption(String arg) {
    if (!arg.startsWith("-") || arg.equals("-")) {
      return false;
    }
    int eq = arg.indexOf('=');
    String name = arg.startsWith("--") ? (eq < 0 ? arg : arg.substring(0, eq)) : arg.substring(0, 2);
    return byName.containsKey(name);
  }

  /** The help text: a usage line, the description, then one entry per option in the order added. */
  String usage() {
    StringBuilder b = new StringBuilder("Usage: ").append(command).append(" [OPTIONS]\n");
    description.forEach(d -> b.append(d).append('\n'));
    b.append('\n');
    int width = 110;
    int column = 34;
    for (Opt o : options) {
      StringBuilder names = new StringBuilder("  ");
      for (int n = 0; n < o.names().size(); n++) {
        names.append(n == 0 ? "" : ", ").append(o.names().get(n));
      }
      if (!o.label().isEmpty()) {
        names.append(o.arity() == Arity.OPTIONAL_VALUE ? "[=" + o.label() + "]" : "=" + o.label());
      }
      b.append(names);
      int at = names.length();
      if (at >= column) {
        b.append('\n');
        at = 0;
      }
      b.append(" ".repeat(column - at));
      at = column;
      for (String word : o.help().split(" ")) {
        if (at > column && at + 1 + word.length() > width) {
          b.append('\n').append(" ".repeat(column));
          at = column;
        } else if (at > column) {
          b.append(' ');
          at++;
        }
        b.append(word);
        at += word.length();
      }
      b.append('\n');
    }
    return b.toString();
  }
}
