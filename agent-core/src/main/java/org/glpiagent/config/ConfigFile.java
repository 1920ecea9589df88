package org.glpiagent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code agent.cfg} as glpi-agent does: {@code key = value} lines, {@code #} comments, quoted values,
 * and {@code include "conf.d/"} (a folder includes its {@code *.cfg} files in name order). Later values
 * override earlier ones.
 */
public final class ConfigFile {
  private static final Pattern LINE = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*=\\s*(.*?)\\s*$");
  private static final Pattern INCLUDE = Pattern.compile("^\\s*include\\s+(.+?)\\s*$");
  private static final int MAX_DEPTH = 8;

  private ConfigFile() {}

  /** The raw values of a file and what it includes, by key, before validation. */
  public static Map<String, String> read(Path file) throws ConfigException {
    Map<String, String> out = new LinkedHashMap<>();
    read(file.toAbsolutePath().normalize(), out, new HashSet<>(), 0);
    return out;
  }

  private static void read(Path file, Map<String, String> out, Set<Path> seen, int depth) throws ConfigException {
    if (depth > MAX_DEPTH || !seen.add(file)) {
      throw new ConfigException("include", file.toString(), "included again (include loop) or nested too deep");
    }
    List<String> lines;
    try {
      lines = text(Files.readAllBytes(file)).lines().toList();
    } catch (IOException e) {
      throw new ConfigException("conf-file", file.toString(), "cannot be read (" + e.getMessage() + ")");
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      Matcher inc = INCLUDE.matcher(trimmed);
      if (inc.matches() && !trimmed.contains("=")) {
        include(file, unquote(stripComment(inc.group(1))), out, seen, depth);
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new ConfigException(
            "conf-file", file + ":" + (i + 1), "line is not \"key = value\": " + trimmed);
      }
      out.put(m.group(1), unquote(stripComment(m.group(2))));
    }
  }

  private static void include(Path from, String target, Map<String, String> out, Set<Path> seen, int depth)
      throws ConfigException {
    Path p;
    try {
      p = from.getParent().resolve(target).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new ConfigException("include", target.replace('\0', '?'), "not a path (" + e.getReason() + ")");
    }
    if (Files.isDirectory(p)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(p)) {
        files = s.filter(f -> f.getFileName().toString().endsWith(".cfg")).filter(Files::isRegularFile).sorted().toList();
      } catch (IOException e) {
        throw new ConfigException("include", target, "folder cannot be read (" + e.getMessage() + ")");
      }
      for (Path f : files) {
        read(f, out, seen, depth + 1);
      }
    } else if (Files.isRegularFile(p)) {
      read(p, out, seen, depth + 1);
    } else {
      throw new ConfigException("include", target, "no such file or folder (" + p + ")");
    }
  }

  /** The file's text: UTF-8 (a byte-order mark dropped), or Latin-1 when it is not valid UTF-8, as old files are. */
  static String text(byte[] bytes) {
    try {
      String t =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      return t.startsWith("\uFEFF") ? t.substring(1) : t;
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** Drops a trailing comment: {@code " #"} outside quotes. */
  static String stripComment(String v) {
    char quote = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(v.charAt(i - 1)))) {
        return v.substring(0, i).strip();
      }
    }
    return v.strip();
  }

  static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  /** Splits a multi-valued option: comma separated, trimmed, empty parts dropped. */
  public static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    for (String s : value.split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }
}
