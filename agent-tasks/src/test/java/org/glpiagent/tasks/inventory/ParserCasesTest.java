package org.glpiagent.tasks.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every parser on every captured case in {@code src/test/resources/inventory/parsers/<parser>/<case>}.
 * Set {@code -Dfixtures.write=true} once to write a missing {@code expected.json}, then review it.
 */
class ParserCasesTest {
  private static final Path ROOT = Path.of("src/test/resources/inventory/parsers");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Map<String, Function<String, Object>> PARSERS =
      Map.ofEntries(
          Map.entry("dpkg", Packages::dpkg),
          Map.entry("rpm", s -> Packages.rpm(s, ZoneOffset.UTC)),
          Map.entry("snap", Packages::snap),
          Map.entry("flatpak", Packages::flatpak),
          Map.entry("passwd", Accounts::passwd),
          Map.entry("group", Accounts::group),
          Map.entry("cups", Machines::cups),
          Map.entry("registry", RegistrySoftware::parse),
          Map.entry("docker", Machines::docker),
          Map.entry("virsh", Machines::virsh),
          Map.entry("teamviewer", s -> Machines.teamviewer(s).stream().toList()),
          Map.entry("anydesk", s -> Machines.anydesk(s).stream().toList()),
          Map.entry("pvs", Lvm::pvs),
          Map.entry("vgs", Lvm::vgs),
          Map.entry("lvs", Lvm::lvs),
          Map.entry("antivirus", WindowsSecurity::antivirus),
          Map.entry("firewall", WindowsSecurity::firewalls),
          Map.entry("licenseinfo", WindowsSecurity::licenses),
          Map.entry("vboxlist", Machines::virtualboxIds),
          Map.entry("vboxinfo", s -> Machines.virtualboxInfo(s).stream().toList()),
          Map.entry("lxc", Machines::lxc),
          Map.entry("macapps", Packages::macApplications),
          Map.entry("dmidecode", ParserCasesTest::dmiSections),
          Map.entry("cpuinfo", CpuInfo::packages),
          Map.entry("dhclient", s -> NetConfig.dhclientServer(s, "eth0").stream().toList()),
          Map.entry("networkd", s -> NetConfig.networkdServer(s).stream().toList()),
          Map.entry("iwlink", s -> NetConfig.iwLink(s).stream().toList()),
          Map.entry("route", s -> java.util.Optional.ofNullable(Subnets.defaultGateway(s)).stream().toList()));

  /** What the bios, hardware, memory and cpu collectors take from one dmidecode output. */
  private static Object dmiSections(String text) {
    List<Dmi.Structure> dmi = Dmi.parse(text);
    org.glpiagent.inventory.InventoryContent c = new org.glpiagent.inventory.InventoryContent("fixture");
    Dmi.bios(dmi, c.section("bios"));
    Dmi.hardware(dmi, c.section("hardware"));
    Dmi.memories(dmi, c);
    return Map.of("content", c.toJson(), "sockets", Dmi.sockets(dmi));
  }

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> s = Files.walk(ROOT, 2)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("input"))).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parserGivesTheExpectedResult(Path dir) throws Exception {
    String parser = dir.getParent().getFileName().toString();
    assertThat(PARSERS).as("a parser named " + parser).containsKey(parser);
    Object result = PARSERS.get(parser).apply(Files.readString(dir.resolve("input")));
    JsonNode actual = JSON.readTree(JSON.writeValueAsString(result)); // numbers typed as a file read back types them
    Path expected = dir.resolve("expected.json");
    if (!Files.exists(expected) && Boolean.getBoolean("fixtures.write")) {
      JSON.writeValue(expected.toFile(), actual);
    }
    assertThat(expected).as("expected result of " + dir).exists();
    assertThat(actual).isEqualTo(JSON.readTree(expected.toFile()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyCaseHasAtLeastOneEntry(Path dir) throws Exception {
    Object result = PARSERS.get(dir.getParent().getFileName().toString()).apply(Files.readString(dir.resolve("input")));
    if (dir.getParent().getFileName().toString().equals("cpuinfo") && dir.getFileName().toString().startsWith("arm")
        || dir.getFileName().toString().equals("not-connected")) {
      assertThat((List<?>) result).as("ARM names no model (OSHI's turn); a Wi-Fi card not connected").isEmpty();
    } else if (result instanceof Map<?, ?> m) {
      assertThat(m).isNotEmpty();
    } else {
      assertThat((List<?>) result).isNotEmpty();
    }
  }
}
