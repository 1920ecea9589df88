package org.glpiagent.tasks.snmp;

/**
 * TimeTicks (hundredths of a second) as the Perl agents print them, which is what GLPI has shown for
 * {@code sysUpTime} so far: {@code 80 days, 16:40:22.57}, {@code 1 hour, 46:22.39}, {@code 13 minutes, 47.95},
 * {@code 5.02 seconds}.
 */
public final class Ticks {
  private Ticks() {}

  public static String text(long ticks) {
    long t = Math.max(0, ticks);
    long hundredths = t % 100;
    long seconds = t / 100 % 60;
    long minutes = t / 6000 % 60;
    long hours = t / 360000 % 24;
    long days = t / 8640000;
    if (days > 0) {
      return String.format("%d day%s, %02d:%02d:%02d.%02d", days, days == 1 ? "" : "s", hours, minutes, seconds, hundredths);
    }
    if (hours > 0) {
      return String.format("%d hour%s, %02d:%02d.%02d", hours, hours == 1 ? "" : "s", minutes, seconds, hundredths);
    }
    if (minutes > 0) {
      return String.format("%d minute%s, %02d.%02d", minutes, minutes == 1 ? "" : "s", seconds, hundredths);
    }
    return String.format("%d.%02d second%s", seconds, hundredths, seconds == 1 ? "" : "s");
  }
}
