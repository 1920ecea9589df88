package org.glpiagent.cli;

/** The agent's version, from the jar manifest ({@code Implementation-Version}), or {@code dev} in a build tree. */
public final class Version {
  private Version() {}

  /** The version string, such as {@code 0.1.0}. */
  public static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }
}
