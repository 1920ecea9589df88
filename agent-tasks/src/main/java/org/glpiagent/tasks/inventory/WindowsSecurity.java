package org.glpiagent.tasks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Windows Security Center's antivirus products, the firewall profiles and the software licences, read from
 * what PowerShell's {@code ConvertTo-Json} prints for the scripts below (one object, or an array of them).
 * Output that is not JSON gives nothing.
 */
final class WindowsSecurity {
  private static final String UTF8 = "[Console]::OutputEncoding=[Text.Encoding]::UTF8; ";

  /** Security Center's products, with the company and version of their signed executable. */
  static final String ANTIVIRUS_SCRIPT = UTF8
      + "$mp = $null; try { $mp = Get-MpComputerStatus -ErrorAction Stop } catch {}; "
      + "Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct | ForEach-Object { "
      + "$v = $null; try { $v = (Get-Item ([Environment]::ExpandEnvironmentVariables($_.pathToSignedProductExe)) -ErrorAction Stop).VersionInfo } catch {}; "
      + "$o = [ordered]@{ displayName = $_.displayName; instanceGuid = $_.instanceGuid; productState = $_.productState; "
      + "company = $v.CompanyName; version = $v.ProductVersion }; "
      + "if ($mp -and $_.displayName -like '*Defender*') { $o.signatureVersion = $mp.AntivirusSignatureVersion; "
      + "$o.signatureDate = $mp.AntivirusSignatureLastUpdated.ToString('yyyy-MM-dd') }; [pscustomobject]$o } | ConvertTo-Json -Compress";

  /** The three firewall profiles and whether each is on. */
  static final String FIREWALL_SCRIPT = UTF8 + "Get-NetFirewallProfile | Select-Object Name, Enabled | ConvertTo-Json -Compress";

  /** Products with an installed key (Windows, Office 2013 and later). */
  static final String LICENSE_SCRIPT = UTF8
      + "Get-CimInstance -ClassName SoftwareLicensingProduct -Filter 'PartialProductKey IS NOT NULL' | "
      + "Select-Object Name, Description, PartialProductKey, ProductKeyID, LicenseStatus | ConvertTo-Json -Compress";

  /** One antivirus product. */
  record Antivirus(String name, String guid, String company, String version, boolean enabled, boolean uptodate,
      String baseVersion, String baseCreation) {}

  /** One firewall profile: {@code Domain}, {@code Private} or {@code Public}; status {@code on} or {@code off}. */
  record Firewall(String profile, String status) {}

  /** One licensed product; only the last five characters of its key are ever known to Windows. */
  record License(String name, String fullname, String key, String productId, boolean trial) {}

  private WindowsSecurity() {}

  /**
   * The products of {@link #ANTIVIRUS_SCRIPT}. {@code productState} holds three bytes: the scanner's state in
   * the middle one (0x10 set: running) and the signatures' in the low one (0x10 set: out of date).
   */
  static List<Antivirus> antivirus(String output) {
    List<Antivirus> out = new ArrayList<>();
    for (JsonNode n : objects(output)) {
      String name = text(n, "displayName");
      if (name == null) {
        continue;
      }
      long state = n.path("productState").asLong(-1);
      boolean enabled = state >= 0 && (state & 0x1000) != 0;
      boolean uptodate = state >= 0 && (state & 0x10) == 0;
      out.add(new Antivirus(name, text(n, "instanceGuid"), text(n, "company"), text(n, "version"), enabled, uptodate,
          text(n, "signatureVersion"), text(n, "signatureDate")));
    }
    return out;
  }

  /**
   * The profiles of {@link #FIREWALL_SCRIPT}. {@code Enabled} is a {@code GpoBoolean}, which ConvertTo-Json
   * writes as its number (0 false, 1 true, 2 not configured, which Windows treats as on) or, with newer
   * PowerShell, as a boolean or a name.
   */
  static List<Firewall> firewalls(String output) {
    List<Firewall> out = new ArrayList<>();
    for (JsonNode n : objects(output)) {
      String profile = text(n, "Name");
      JsonNode e = n.path("Enabled");
      if (profile == null || e.isMissingNode() || e.isNull()) {
        continue;
      }
      boolean on = e.isBoolean() ? e.asBoolean()
          : e.isNumber() ? e.asInt() != 0
          : !e.asText().strip().toLowerCase(Locale.ROOT).matches("false|0|off");
      out.add(new Firewall(profile, on ? "on" : "off"));
    }
    return out;
  }

  /** The products of {@link #LICENSE_SCRIPT}; evaluation and time-limited channels count as trials. */
  static List<License> licenses(String output) {
    List<License> out = new ArrayList<>();
    for (JsonNode n : objects(output)) {
      String name = text(n, "Name");
      String partial = text(n, "PartialProductKey");
      if (name == null || partial == null) {
        continue;
      }
      String description = text(n, "Description");
      boolean trial = description != null && description.toUpperCase(Locale.ROOT).matches(".*(TIMEBASED_EVAL|EVAL|TRIAL|GRACE).*");
      out.add(new License(name, description, "XXXXX-XXXXX-XXXXX-XXXXX-" + partial, text(n, "ProductKeyID"), trial));
    }
    return out;
  }

  private static List<JsonNode> objects(String output) {
    JsonNode root;
    try {
      root = output == null || output.isBlank() ? null : org.glpiagent.protocol.JsonTree.read(output.strip());
    } catch (java.io.IOException e) {
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>();
    if (root != null && root.isArray()) {
      root.forEach(n -> {
        if (n.isObject()) {
          out.add(n);
        }
      });
    } else if (root != null && root.isObject()) {
      out.add(root);
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }
}
