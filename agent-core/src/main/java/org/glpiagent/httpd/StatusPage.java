package org.glpiagent.httpd;

import java.util.List;
import java.util.Optional;
import org.glpiagent.agent.Agent;
import org.glpiagent.agent.AgentControl;
import org.glpiagent.agent.RunLog;

/** The HTML page at {@code /}: version and state for everyone, targets and runs for trusted callers. */
final class StatusPage {
  private StatusPage() {}

  static String render(HttpPort.Settings s, AgentControl control, boolean trusted) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>GLPI Agent</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}th{background:#eef}")
        .append(".finished{color:#070}.failed,.canceled{color:#a00}.running,.pending{color:#05a}</style></head><body>\n")
        .append("<h1>GLPI Agent ").append(esc(s.version())).append("</h1>\n")
        .append("<p>This is the GLPI Agent on ").append(esc(s.hostname())).append(".</p>\n")
        .append("<p id=\"status\">status: ").append(esc(control.status())).append("</p>\n");
    if (!trusted) {
      return b.append("</body></html>\n").toString();
    }
    b.append("<h2>Targets</h2>\n<table id=\"targets\"><tr><th>target</th><th>where</th><th>next run</th>")
        .append("<th>last run</th><th>outcome</th></tr>\n");
    for (Agent.TargetView t : control.targets()) {
      b.append("<tr><td>").append(esc(t.id())).append("</td><td>").append(esc(t.address())).append("</td><td>")
          .append(time(t.nextRun())).append("</td><td>")
          .append(t.lastRun().map(StatusPage::time).orElse("-")).append("</td><td>")
          .append(esc(t.lastOutcome().orElse("-"))).append("</td></tr>\n");
    }
    b.append("</table>\n");
    List<org.glpiagent.task.WorkItems.Progress> work = control.work();
    if (!work.isEmpty()) {
      b.append("<h2>Running jobs</h2>\n<table id=\"work\"><tr><th>job</th><th>done</th><th>failed</th><th>in progress</th>")
          .append("<th>last failures</th></tr>\n");
      for (org.glpiagent.task.WorkItems.Progress p : work) {
        b.append("<tr><td>").append(esc(p.job())).append("</td><td>").append(p.done()).append(" / ").append(p.total())
            .append("</td><td>").append(p.failed()).append("</td><td>").append(p.running()).append("</td><td>")
            .append(esc(String.join("; ", p.failures().subList(Math.max(0, p.failures().size() - 3), p.failures().size()))))
            .append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
    b.append("<h2>Runs</h2>\n<table id=\"runs\"><tr><th>run</th><th>target</th><th>asked by</th>")
        .append("<th>state</th><th>started</th><th>ended</th><th>result</th></tr>\n");
    List<RunLog.Run> runs = control.runLog().runs(Optional.empty());
    for (int i = runs.size() - 1; i >= 0 && i >= runs.size() - 30; i--) {
      RunLog.Run r = runs.get(i);
      b.append("<tr class=\"").append(r.state().wire()).append("\"><td>").append(esc(r.id())).append("</td><td>")
          .append(esc(r.target())).append("</td><td>").append(r.trigger().wire()).append("</td><td>")
          .append(r.state().wire()).append("</td><td>").append(r.started().map(StatusPage::time).orElse("-"))
          .append("</td><td>").append(r.ended().map(StatusPage::time).orElse("-")).append("</td><td>")
          .append(esc(r.result())).append("</td></tr>\n");
    }
    return b.append("</table>\n<p><a href=\"/api/\">REST API</a> · <a href=\"/status\">/status</a></p>\n</body></html>\n")
        .toString();
  }

  /** A moment as people read it: to the second, in UTC. */
  static String time(java.time.Instant t) {
    if (t.equals(java.time.Instant.MAX)) {
      return "-";
    }
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", " UTC");
  }

  static String esc(String v) {
    StringBuilder b = new StringBuilder(v.length());
    for (char c : v.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
