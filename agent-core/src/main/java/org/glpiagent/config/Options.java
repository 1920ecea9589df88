package org.glpiagent.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of every option the agent knows, in the order {@code --help} shows them. */
public final class Options {
  private static final Map<String, OptionDef> ALL = new LinkedHashMap<>();

  static {
    // name, short, kind, default, help, secret, command line only
    group("targets");
    add("server", "s", OptionKind.LIST, null, "GLPI server URLs, comma separated (http or https)", false, false);
    add("local", "l", OptionKind.LIST, null, "write inventories into this folder, or - for standard output", false, false);
    add("listen", null, OptionKind.FLAG, null, "listen for requests on the agent's port even without a target", false, false);
    group("scheduling");
    add("delaytime", null, OptionKind.INTEGER, "3600", "maximum delay in seconds before the first run", false, false);
    add("lazy", null, OptionKind.FLAG, null, "run only the targets that are due", false, false);
    add("wait", "w", OptionKind.INTEGER, null, "wait a random time up to this many seconds before running", false, true);
    add("set-forcerun", null, OptionKind.FLAG, null, "run every target at the next start of the daemon", false, true);
    add("remote-scheduling", null, OptionKind.FLAG, "0", "accepted for glpi-agent compatibility; no effect", false, false);
    group("tasks");
    add("tasks", null, OptionKind.LIST, null, "tasks to run, in order; ... adds every other task", false, false);
    add("no-task", null, OptionKind.LIST, null, "tasks not to run", false, false);
    add("list-tasks", null, OptionKind.FLAG, null, "list the tasks and exit", false, true);
    add("tasks-file", null, OptionKind.PATH, null, "JSON of the task scheduling protocol: network jobs to run at each run", false, false);
    group("inventory");
    add("force", "f", OptionKind.FLAG, null, "run every target now, whatever its schedule or the server says", false, true);
    add("tag", "t", OptionKind.STRING, null, "tag sent with every inventory", false, false);
    add("no-category", null, OptionKind.LIST, null, "inventory categories not to collect", false, false);
    add("list-categories", null, OptionKind.FLAG, null, "list the inventory categories and exit", false, true);
    add("scan-homedirs", null, OptionKind.FLAG, null, "look for software in home folders", false, false);
    add("scan-profiles", null, OptionKind.FLAG, null, "look for software in user profiles", false, false);
    add("json", null, OptionKind.FLAG, null, "write local inventories as JSON instead of XML", false, false);
    add("html", null, OptionKind.FLAG, null, "write local inventories as HTML", false, false);
    add("backend-collect-timeout", null, OptionKind.INTEGER, "180", "seconds one inventory collector may take", false, false);
    add("additional-content", null, OptionKind.PATH, null, "XML or JSON file merged into the inventory", false, false);
    add("assetname-support", null, OptionKind.INTEGER, "1", "1: short host name as asset name, 2: the FQDN", false, false);
    add("full-inventory-postpone", null, OptionKind.INTEGER, "14", "partial inventories sent before a full one", false, false);
    add("partial", null, OptionKind.STRING, null, "collect only this category", false, true);
    add("credentials", null, OptionKind.LIST, null, "credentials for database inventory", true, true);
    add("full", null, OptionKind.FLAG, null, "always send a full inventory", false, true);
    group("remote inventory");
    add("remote", null, OptionKind.LIST, null, "remote hosts to inventory", false, false);
    add("remote-workers", null, OptionKind.INTEGER, "1", "remote inventories run at once", false, false);
    add("no-p2p", null, OptionKind.FLAG, null, "no peer to peer download of deploy files", false, false);
    group("network");
    add("proxy", "P", OptionKind.STRING, null, "HTTP proxy URL", false, false);
    add("user", "u", OptionKind.STRING, null, "user for server authentication", false, false);
    add("password", "p", OptionKind.STRING, null, "password for server authentication", true, false);
    add("oauth-client-id", null, OptionKind.STRING, null, "OAuth2 client id (GLPI 11 client credentials)", false, false);
    add("oauth-client-secret", null, OptionKind.STRING, null, "OAuth2 client secret (GLPI 11)", true, false);
    add("ca-cert-dir", null, OptionKind.PATH, null, "folder of trusted CA certificates", false, false);
    add("ca-cert-file", null, OptionKind.PATH, null, "file of trusted CA certificates (PEM)", false, false);
    add("ssl-cert-file", null, OptionKind.PATH, null, "client certificate (PEM)", false, false);
    add("ssl-fingerprint", null, OptionKind.LIST, null, "trust only server certificates of these fingerprints", false, false);
    add("ssl-keystore", null, OptionKind.STRING, null, "accepted for glpi-agent compatibility (Windows/macOS keystore export); no effect", false, false);
    add("no-ssl-check", null, OptionKind.FLAG, null, "do not check server certificates (unsafe)", false, false);
    add("timeout", null, OptionKind.INTEGER, "180", "seconds to wait for a server answer", false, false);
    add("no-compression", "C", OptionKind.FLAG, null, "send messages uncompressed", false, false);
    add("compression", null, OptionKind.STRING, "zlib", "zlib, gzip, deflate, br or none", false, false);
    add("server-protocol", null, OptionKind.STRING, "auto", "auto, json (CONTACT only) or xml (PROLOG only)", false, false);
    add("snmp-retries", null, OptionKind.INTEGER, "0", "SNMP retries for network tasks", false, false);
    group("registration");
    add("register", null, OptionKind.STRING, "no", "REGISTER with servers first: no, yes (when the server supports it) or required (nothing unregistered)", false, false);
    add("token", null, OptionKind.STRING, null, "token shared with the servers (a UUID): proves the agent at registration and brings an encryption key", true, false);
    add("no-encryption", null, OptionKind.FLAG, null, "do not encrypt exchanges with the key a server issues at registration", false, false);
    group("agent port");
    add("no-httpd", null, OptionKind.FLAG, null, "do not listen on the agent's port", false, false);
    add("httpd-ip", null, OptionKind.STRING, null, "address the agent's port listens on (all by default)", false, false);
    add("httpd-port", null, OptionKind.INTEGER, "62354", "the agent's port", false, false);
    add("httpd-trust", null, OptionKind.LIST, null, "addresses or ranges trusted on the agent's port", false, false);
    add("api-token", null, OptionKind.STRING, null, "token the REST API's writes and the control port over TCP need", true, false);
    add("httpd-proxy", null, OptionKind.FLAG, null, "proxy mode: forward other agents' messages at /proxy/glpi to the server", false, false);
    add("httpd-proxy-max-pass-through", null, OptionKind.INTEGER, "5", "most proxies a message may have passed through", false, false);
    add("ctl-port", null, OptionKind.INTEGER, null, "also take control commands on this loopback TCP port (needs api-token)", false, false);
    group("logging");
    add("logger", null, OptionKind.LIST, "stderr", "log backends: stderr, file, syslog", false, false);
    add("logfile", null, OptionKind.PATH, null, "log file (implies the file backend)", false, false);
    add("logfile-maxsize", null, OptionKind.INTEGER, null, "MB before the log file is rotated", false, false);
    add("logfacility", null, OptionKind.STRING, "LOG_USER", "syslog facility", false, false);
    add("color", null, OptionKind.FLAG, null, "colour log lines on a terminal", false, false);
    add("debug", null, OptionKind.INTEGER, "0", "debug level: 1, or 2 for protocol payloads", false, false);
    group("execution");
    add("conf-file", null, OptionKind.PATH, null, "configuration file", false, true);
    add("config", null, OptionKind.STRING, "file", "configuration backend: file or none", false, true);
    add("conf-reload-interval", null, OptionKind.INTEGER, "0", "seconds between configuration reloads (0: never)", false, false);
    add("vardir", null, OptionKind.PATH, null, "folder for the agent's state", false, false);
    add("daemon", "d", OptionKind.FLAG, null, "run as a daemon", false, true);
    add("no-fork", null, OptionKind.FLAG, null, "stay in the foreground as a daemon", false, true);
    add("pidfile", null, OptionKind.STRING, null, "write the daemon's pid into this file", false, true);
    add("setup", null, OptionKind.FLAG, null, "print the agent's paths and exit", false, true);
    add("version", null, OptionKind.FLAG, null, "print the version and exit", false, true);
    add("help", "h", OptionKind.FLAG, null, "print this help and exit", false, true);
  }

  private static String currentGroup = "";

  private static void group(String name) {
    currentGroup = name;
  }

  private Options() {}

  private static void add(
      String name, String shortName, OptionKind kind, String def, String help, boolean secret, boolean cliOnly) {
    ALL.put(
        name,
        new OptionDef(
            name, Optional.ofNullable(shortName), kind, Optional.ofNullable(def), help, secret, cliOnly, currentGroup));
  }

  /** Every option, in help order. */
  public static List<OptionDef> all() {
    return List.copyOf(ALL.values());
  }

  /** The option of that name, if known. */
  public static Optional<OptionDef> find(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  /** Whether values of this option are secrets (passwords, tokens) to be printed as {@code ****}. */
  public static boolean isSecret(String name) {
    OptionDef d = ALL.get(name);
    return d != null && d.secret();
  }
}
