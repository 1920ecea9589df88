package org.glpiagent.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The CONTACT message that opens every run with a GLPI server.
 *
 * <p>{@code enabled-tasks} must hold only task names GLPI knows ({@link #KNOWN_TASKS}): GLPI answers any other
 * name with HTTP 400.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"action", "deviceid", "name", "version", "installed-tasks", "enabled-tasks", "tag", "httpd-port"})
public record ContactRequest(
    @JsonProperty("deviceid") String deviceId,
    @JsonProperty("name") String name,
    @JsonProperty("version") String version,
    @JsonProperty("installed-tasks") List<String> installedTasks,
    @JsonProperty("enabled-tasks") List<String> enabledTasks,
    @JsonProperty("tag") String tag,
    @JsonProperty("httpd-port") Integer httpdPort) {

  /** The task names GLPI 10/11 accept in {@code enabled-tasks}. */
  public static final List<String> KNOWN_TASKS =
      List.of("inventory", "netdiscovery", "netinventory", "esx", "collect", "deploy", "wakeonlan", "remoteinventory");

  public ContactRequest {
    installedTasks = List.copyOf(installedTasks);
    enabledTasks = enabledTasks.stream().filter(KNOWN_TASKS::contains).toList();
  }

  @JsonProperty("action")
  public String action() {
    return "contact";
  }
}
