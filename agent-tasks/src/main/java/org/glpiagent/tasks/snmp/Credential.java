package org.glpiagent.tasks.snmp;

import java.util.Locale;
import java.util.Objects;

/**
 * SNMP credentials as GLPI sends them: an id (the server's AUTHENTICATION id, reported back as
 * {@code AUTHSNMP}), a version, and a community (v1, v2c) or a v3 user with its protocols and passphrases.
 * {@link #toString()} masks every secret.
 */
public record Credential(
    String id,
    Version version,
    String community,
    String username,
    String authProtocol,
    String authPassphrase,
    String privProtocol,
    String privPassphrase) {

  /** SNMP versions. */
  public enum Version {
    V1,
    V2C,
    V3;

    /** {@code 1}, {@code 2c}, {@code 3} (and {@code v1}, {@code v2c}, {@code v3}). */
    public static Version of(String s) {
      return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replaceFirst("^v", "")) {
        case "1" -> V1;
        case "2c", "2" -> V2C;
        case "3" -> V3;
        default -> throw new IllegalArgumentException("SNMP version \"" + s + "\": expected 1, 2c or 3");
      };
    }
  }

  public Credential {
    Objects.requireNonNull(version, "version");
    if (version != Version.V3 && (community == null || community.isEmpty())) {
      throw new IllegalArgumentException("credential " + id + ": SNMP " + label(version) + " needs a community");
    }
    if (version == Version.V3 && (username == null || username.isEmpty())) {
      throw new IllegalArgumentException("credential " + id + ": SNMP v3 needs a user name");
    }
  }

  /**
   * A PROLOG {@code AUTHENTICATION} element (attributes or children: ID, VERSION, COMMUNITY, USERNAME,
   * AUTHPROTOCOL, AUTHPASSPHRASE, PRIVPROTOCOL, PRIVPASSPHRASE); refused with the reason when incomplete.
   */
  public static Credential fromProlog(com.fasterxml.jackson.databind.JsonNode a) {
    return new Credential(a.path("ID").asText(""), Version.of(a.path("VERSION").asText("")), field(a, "COMMUNITY"),
        field(a, "USERNAME"), field(a, "AUTHPROTOCOL"), field(a, "AUTHPASSPHRASE"), field(a, "PRIVPROTOCOL"), field(a, "PRIVPASSPHRASE"));
  }

  /**
   * A credential of the task scheduling protocol ({@code version}, {@code community}, {@code username},
   * {@code authprotocol}, {@code authpassword}, {@code privprotocol}, {@code privpassword}) under this id;
   * the version is {@code defaultVersion} when absent.
   */
  public static Credential fromTask(String id, com.fasterxml.jackson.databind.JsonNode c, String defaultVersion) {
    return new Credential(id, Version.of(c.path("version").asText(defaultVersion)), field(c, "community"),
        field(c, "username"), field(c, "authprotocol"), field(c, "authpassword"), field(c, "privprotocol"), field(c, "privpassword"));
  }

  private static String field(com.fasterxml.jackson.databind.JsonNode n, String name) {
    String v = n.path(name).asText("");
    return v.isEmpty() ? null : v;
  }

  /** A v1 or v2c credential. */
  public static Credential community(String id, Version version, String community) {
    return new Credential(id, version, community, null, null, null, null, null);
  }

  private static String label(Version v) {
    return v == Version.V1 ? "v1" : v == Version.V2C ? "v2c" : "v3";
  }

  /** {@code 1}, {@code 2c} or {@code 3}, as GLPI writes it. */
  public String versionText() {
    return version == Version.V1 ? "1" : version == Version.V2C ? "2c" : "3";
  }

  @Override
  public String toString() {
    return "Credential[id=" + id + ", version=" + versionText()
        + (version == Version.V3 ? ", user=" + username + ", auth=" + authProtocol + ", priv=" + privProtocol : ", community=****")
        + "]";
  }
}
