package org.glpiagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgParserTest {
  private final ArgParser parser =
      new ArgParser("tool", "Does things.")
          .flag("force", "run now", "-f", "--force")
          .add("debug", ArgParser.Arity.COUNT, "", "more logs", "--debug")
          .value("server", "URL", "the server", "-s", "--server")
          .add("tasks", ArgParser.Arity.LIST, "LIST", "tasks to run", "--tasks")
          .add("credentials", ArgParser.Arity.REPEATED, "SPEC", "one credential", "--credentials")
          .add("pidfile", ArgParser.Arity.OPTIONAL_VALUE, "FILE", "pid file", "--pidfile")
          .value("local", "PATH", "where to write", "-l", "--local");

  @Test
  void everySpellingOfAValue() throws Exception {
    assertThat(parser.parse("--server", "http://a/")).isEqualTo(Map.of("server", List.of("http://a/")));
    assertThat(parser.parse("--server=http://a/?x=1")).isEqualTo(Map.of("server", List.of("http://a/?x=1")));
    assertThat(parser.parse("-s", "http://a/")).isEqualTo(Map.of("server", List.of("http://a/")));
    assertThat(parser.parse("-shttp://a/")).isEqualTo(Map.of("server", List.of("http://a/")));
    assertThat(parser.parse("-s=http://a/")).isEqualTo(Map.of("server", List.of("http://a/")));
    assertThat(parser.parse("--server", "a", "--server", "b")).isEqualTo(Map.of("server", List.of("b")));
  }

  @Test
  void aLoneDashAndNegativeNumbersAreValues() throws Exception {
    assertThat(parser.parse("--local", "-")).isEqualTo(Map.of("local", List.of("-")));
    assertThat(parser.parse("--local", "-5")).isEqualTo(Map.of("local", List.of("-5")));
  }

  @Test
  void flagsCountsListsAndRepeatedValues() throws Exception {
    Map<String, List<String>> got =
        parser.parse("-f", "--debug", "--debug", "--tasks", "inventory, netdiscovery", "--tasks=deploy",
            "--credentials", "version:3,username:u", "--credentials", "community:public");
    assertThat(got.get("force")).containsExactly("1");
    assertThat(got.get("debug")).containsExactly("2");
    assertThat(got.get("tasks")).containsExactly("inventory", "netdiscovery", "deploy");
    assertThat(got.get("credentials")).containsExactly("version:3,username:u", "community:public");
  }

  @Test
  void anOptionalValueTakesTheNextArgumentOnlyWhenItIsNotAnOption() throws Exception {
    assertThat(parser.parse("--pidfile", "--force")).isEqualTo(Map.of("pidfile", List.of(""), "force", List.of("1")));
    assertThat(parser.parse("--pidfile", "/run/a.pid")).isEqualTo(Map.of("pidfile", List.of("/run/a.pid")));
    assertThat(parser.parse("--pidfile")).isEqualTo(Map.of("pidfile", List.of("")));
  }

  @Test
  void badArgumentsAreRefusedNamingTheArgument() {
    assertThatThrownBy(() -> parser.parse("--frobnicate")).hasMessage("unknown option '--frobnicate'");
    assertThatThrownBy(() -> parser.parse("--frob=1")).hasMessage("unknown option '--frob'");
    assertThatThrownBy(() -> parser.parse("-x")).hasMessage("unknown option '-x'");
    assertThatThrownBy(() -> parser.parse("-fd")).hasMessage("option '-f' takes no value");
    assertThatThrownBy(() -> parser.parse("--force=yes")).hasMessage("option '--force' takes no value");
    assertThatThrownBy(() -> parser.parse("--server")).hasMessage("option '--server' needs a value (URL)");
    assertThatThrownBy(() -> parser.parse("--server", "--force")).hasMessage("option '--server' needs a value (URL)");
    assertThatThrownBy(() -> parser.parse("inventory")).hasMessage("unexpected argument 'inventory'");
    assertThatThrownBy(() -> parser.parse("--force", "--", "x")).hasMessage("unexpected argument 'x'");
    assertThatThrownBy(() -> new ArgParser("t").flag("a", "", "--a").flag("b", "", "--a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void usageListsEveryOptionWithItsValueLabelWrapped() {
    String usage =
        new ArgParser("tool", "Does things.")
            .value("server", "URL", "the server to send to; " + "a long explanation ".repeat(8), "-s", "--server")
            .usage();
    assertThat(usage).startsWith("Usage: tool [OPTIONS]\nDoes things.\n\n  -s, --server=URL");
    assertThat(usage.lines()).allMatch(l -> l.length() <= 110);
    assertThat(usage.lines().count()).isGreaterThan(4);
  }
}
