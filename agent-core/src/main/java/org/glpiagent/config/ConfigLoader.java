package org.glpiagent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges the command line, the configuration file and the defaults (in that order of precedence) into a
 * checked {@link AgentConfig}. Every refusal names the option, the value and the reason.
 */
public final class ConfigLoader {
  private static final Set<String> LOGGERS = Set.of("stderr", "file", "syslog");
  private static final Set<String> COMPRESSIONS = Set.of("zlib", "gzip", "deflate", "br", "none");
  private static final Set<String> PROTOCOLS = Set.of("auto", "json", "xml");
  private static final Set<String> REGISTER = Set.of("no", "yes", "required", "0", "1", "off", "on", "false", "true");
  /** A whole UUID: {@code java.util.UUID} would also take a truncated one such as {@code 1-2-3-4-5}. */
  private static final java.util.regex.Pattern UUID_FORM =
      java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  /** Options that do not need a target to be useful. */
  private static final List<String> STANDALONE = List.of("version", "help", "setup", "list-tasks", "list-categories", "set-forcerun");

  private final Path defaultConfFile;
  private final Path workingDir;

  /**
   * @param defaultConfFile the file read when {@code --conf-file} is not given (if it exists), such as
   *     {@code /etc/glpi-agent/agent.cfg}
   * @param workingDir what relative paths are resolved against
   */
  public ConfigLoader(Path defaultConfFile, Path workingDir) {
    this.defaultConfFile = defaultConfFile;
    this.workingDir = workingDir;
  }

  /** The configuration file that would be read for these command-line values, if any. */
  public Optional<Path> confFile(Map<String, List<String>> commandLine) {
    List<String> backend = commandLine.getOrDefault("config", List.of("file"));
    if (!backend.isEmpty() && "none".equalsIgnoreCase(backend.get(0))) {
      return Optional.empty();
    }
    List<String> given = commandLine.getOrDefault("conf-file", List.of());
    if (!given.isEmpty()) {
      return Optional.of(workingDir.resolve(given.get(0)));
    }
    return Files.isRegularFile(defaultConfFile) ? Optional.of(defaultConfFile) : Optional.empty();
  }

  /** Loads and checks the configuration. */
  public AgentConfig load(Map<String, List<String>> commandLine) throws ConfigException {
    return load(commandLine, true);
  }

  /**
   * Loads and checks the configuration; {@code needTarget} false is for commands that talk to a running agent
   * ({@code glpi-agent ctl}) and need no target of their own.
   */
  public AgentConfig load(Map<String, List<String>> commandLine, boolean needTarget) throws ConfigException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (OptionDef d : Options.all()) {
      if (d.defaultValue().isPresent()) {
        values.put(d.name(), split(d, d.defaultValue().get()));
      }
    }
    String backend = commandLine.getOrDefault("config", List.of("file")).get(0).toLowerCase(Locale.ROOT);
    if (!backend.equals("file") && !backend.equals("none")) {
      throw new ConfigException("config", backend, "must be file or none (the registry backend is Windows only)");
    }
    Optional<Path> file = confFile(commandLine);
    if (file.isPresent()) {
      for (Map.Entry<String, String> e : ConfigFile.read(file.get()).entrySet()) {
        OptionDef d =
            Options.find(e.getKey())
                // the value is not shown: a mistyped "pasword" key would print the password
                .orElseThrow(() -> new ConfigException(e.getKey(), null, "unknown option in " + file.get()));
        if (d.cliOnly()) {
          throw new ConfigException(e.getKey(), e.getValue(), "can only be given on the command line, not in " + file.get());
        }
        if (e.getValue().isEmpty() && d.kind() != OptionKind.FLAG) {
          values.remove(d.name()); // "key =" unsets, as in glpi-agent's sample file
        } else {
          values.put(d.name(), split(d, e.getValue()));
        }
      }
    }
    for (Map.Entry<String, List<String>> e : commandLine.entrySet()) {
      OptionDef d =
          Options.find(e.getKey()).orElseThrow(() -> new ConfigException(e.getKey(), null, "unknown option"));
      List<String> v = new ArrayList<>();
      for (String s : e.getValue()) {
        v.addAll(split(d, s));
      }
      values.put(d.name(), v);
    }
    check(values, needTarget);
    return new AgentConfig(values);
  }

  private static List<String> split(OptionDef d, String value) {
    return d.kind() == OptionKind.LIST ? ConfigFile.split(value) : List.of(value.strip());
  }

  private void check(Map<String, List<String>> v, boolean needTarget) throws ConfigException {
    for (Map.Entry<String, List<String>> e : v.entrySet()) {
      OptionDef d = Options.find(e.getKey()).orElseThrow();
      for (String s : e.getValue()) {
        switch (d.kind()) {
          case FLAG -> {
            if (!OptionKind.isFlagValue(s)) {
              throw new ConfigException(d.name(), s, "expected yes/no, 1/0, true/false or on/off");
            }
          }
          case INTEGER -> {
            if (!s.matches("\\d{1,12}")) {
              throw new ConfigException(d.name(), s, "expected a whole number of zero or more");
            }
          }
          default -> {}
        }
      }
      if (d.kind() == OptionKind.PATH && !e.getValue().isEmpty() && !e.getValue().get(0).isEmpty()) {
        e.setValue(List.of(path(d.name(), e.getValue().get(0))));
      }
    }
    for (String l : v.getOrDefault("logger", List.of())) {
      if (!LOGGERS.contains(l.toLowerCase(Locale.ROOT))) {
        throw new ConfigException("logger", l, "expected stderr, file or syslog");
      }
    }
    oneOf(v, "compression", COMPRESSIONS);
    if (flag(v, "no-compression") && has(v, "compression") && !List.of("zlib", "none").contains(v.get("compression").get(0))) {
      throw new ConfigException("compression", v.get("compression").get(0), "contradicts no-compression");
    }
    if (has(v, "logfacility")) {
      String f = v.get("logfacility").get(0).toUpperCase(Locale.ROOT);
      f = f.startsWith("LOG_") ? f : "LOG_" + f;
      if (!f.matches("LOG_(USER|DAEMON|LOCAL[0-7]|SYSLOG|AUTH|AUTHPRIV|MAIL|NEWS|UUCP|CRON|FTP|LPR|KERN)")) {
        throw new ConfigException("logfacility", v.get("logfacility").get(0), "not a syslog facility (LOG_USER, LOG_DAEMON, LOG_LOCAL0..7...)");
      }
      v.put("logfacility", List.of(f));
    }
    oneOf(v, "server-protocol", PROTOCOLS);
    oneOf(v, "register", REGISTER);
    if (has(v, "token") && !UUID_FORM.matcher(v.get("token").get(0)).matches()) {
      throw new ConfigException("token", v.get("token").get(0),
          "expected a UUID: 32 hex digits in 8-4-4-4-12 groups, xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
    }
    long debug = integer(v, "debug").orElse(0L);
    if (debug > 2) {
      throw new ConfigException("debug", String.valueOf(debug), "expected 0, 1 or 2");
    }
    Optional<Long> port = integer(v, "httpd-port");
    if (port.isPresent() && (port.get() < 1 || port.get() > 65535)) {
      throw new ConfigException("httpd-port", port.get().toString(), "expected a port between 1 and 65535");
    }
    Optional<Long> reload = integer(v, "conf-reload-interval");
    if (reload.isPresent() && reload.get() > 0 && reload.get() < 60) {
      v.put("conf-reload-interval", List.of("60"));
    }
    if (has(v, "ca-cert-file") && has(v, "ca-cert-dir")) {
      throw new ConfigException("ca-cert-dir", v.get("ca-cert-dir").get(0), "cannot be used with ca-cert-file: choose one");
    }
    if (flag(v, "no-ssl-check") && has(v, "ssl-fingerprint")) {
      throw new ConfigException("ssl-fingerprint", v.get("ssl-fingerprint").get(0), "contradicts no-ssl-check: a pinned certificate is a check");
    }
    if (has(v, "oauth-client-id") != has(v, "oauth-client-secret")) {
      throw new ConfigException(has(v, "oauth-client-id") ? "oauth-client-secret" : "oauth-client-id", null, "is needed with the other OAuth2 option");
    }
    List<String> servers = new ArrayList<>();
    for (String s : v.getOrDefault("server", List.of())) {
      servers.add(serverUrl(s));
    }
    if (!servers.isEmpty()) {
      v.put("server", servers);
    }
    List<String> locals = new ArrayList<>();
    for (String l : v.getOrDefault("local", List.of())) {
      locals.add("-".equals(l) ? l : path("local", l));
    }
    if (!locals.isEmpty()) {
      v.put("local", locals);
    }
    if (flag(v, "daemon") && locals.contains("-")) {
      throw new ConfigException("local", "-", "a daemon cannot write inventories to standard output");
    }
    if (has(v, "proxy")) {
      String p = v.get("proxy").get(0);
      try {
        URI u = new URI(p.contains("://") ? p : "http://" + p);
        if (u.getHost() == null) {
          throw new URISyntaxException(p, "no host");
        }
        v.put("proxy", List.of(u.toString()));
      } catch (URISyntaxException e) {
        throw new ConfigException("proxy", p, "not a proxy URL (" + e.getReason() + ")");
      }
    }
    boolean standalone = STANDALONE.stream().anyMatch(o -> flag(v, o));
    if (needTarget && !standalone && servers.isEmpty() && locals.isEmpty() && !flag(v, "listen")) {
      throw new ConfigException("server", null, "no target: give --server URL or --local PATH (or set them in agent.cfg)");
    }
  }

  /** A path option resolved against the working folder; one the file system cannot name is a ConfigException. */
  private String path(String key, String value) throws ConfigException {
    try {
      return workingDir.resolve(value).normalize().toString();
    } catch (InvalidPathException e) {
      // a NUL byte in agent.cfg threw InvalidPathException out of the loader (found fuzzing)
      throw new ConfigException(key, value.replace('\0', '?'), "not a path (" + e.getReason() + ")");
    }
  }

  /** A server URL as glpi-agent accepts it: no scheme means {@code http://}; only http and https. */
  static String serverUrl(String s) throws ConfigException {
    // a scheme starts the URL: "://" further on (glpi.example/front?next=https://x) made the URL relative and
    // getScheme() null, a NullPointerException (found fuzzing)
    String withScheme = s.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*") ? s : "http://" + s;
    try {
      URI u = new URI(withScheme);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new ConfigException("server", s, "only http and https URLs are accepted");
      }
      if (u.getHost() == null || u.getHost().isBlank()) {
        throw new ConfigException("server", s, "no host in the URL");
      }
      if (u.getRawUserInfo() != null) {
        throw new ConfigException("server", s.replace(u.getRawUserInfo(), "****"), "put credentials in user/password, not in the URL");
      }
      return u.getPath() == null || u.getPath().isEmpty() ? withScheme + "/" : withScheme;
    } catch (URISyntaxException e) {
      throw new ConfigException("server", s, "not a URL (" + e.getReason() + ")");
    }
  }

  private static void oneOf(Map<String, List<String>> v, String key, Set<String> allowed) throws ConfigException {
    if (has(v, key) && !allowed.contains(v.get(key).get(0).toLowerCase(Locale.ROOT))) {
      throw new ConfigException(key, v.get(key).get(0), "expected one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
  }

  private static boolean has(Map<String, List<String>> v, String key) {
    List<String> l = v.get(key);
    return l != null && !l.isEmpty() && !l.get(0).isEmpty();
  }

  private static boolean flag(Map<String, List<String>> v, String key) {
    return has(v, key) && OptionKind.isTrue(v.get(key).get(0));
  }

  private static Optional<Long> integer(Map<String, List<String>> v, String key) {
    return has(v, key) ? Optional.of(Long.parseLong(v.get(key).get(0))) : Optional.empty();
  }
}
