package org.glpiagent.client;

import java.util.regex.Pattern;

/** Masks secrets in payloads before they reach a debug log: passwords, secrets, tokens, communities. */
public final class Redaction {
  private static final Pattern JSON_SECRET =
      Pattern.compile(
          "(\"(?:password|client_secret|access_token|token|community|authpassphrase|privpassphrase|passphrase|secret|crypto)\"\\s*:\\s*\")[^\"]*(\")",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_SECRET =
      Pattern.compile(
          "(<(PASSWORD|COMMUNITY|AUTHPASSPHRASE|PRIVPASSPHRASE|TOKEN)>)[^<]*(</\\2>)", Pattern.CASE_INSENSITIVE);

  private Redaction() {}

  /** The text with every secret value replaced by {@code ****}. */
  public static String mask(String text) {
    String s = JSON_SECRET.matcher(text).replaceAll("$1****$2");
    return XML_SECRET.matcher(s).replaceAll("$1****$3");
  }
}
