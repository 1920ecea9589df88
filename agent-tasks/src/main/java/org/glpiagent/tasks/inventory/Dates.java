package org.glpiagent.tasks.inventory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates in the formats GLPI's schema accepts: {@code YYYY-MM-DD} and {@code YYYY-MM-DD hh:mm:ss}. */
final class Dates {
  private static final Pattern MDY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern YMD = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2}).*");
  private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Dates() {}

  /** A firmware date ({@code 12/01/2006} as DMI writes it, or ISO) as {@code YYYY-MM-DD}; null otherwise. */
  static String biosDate(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    Matcher m = MDY.matcher(s);
    if (m.matches()) {
      return valid(m.group(3), m.group(1), m.group(2));
    }
    m = YMD.matcher(s);
    return m.matches() ? valid(m.group(1), m.group(2), m.group(3)) : null;
  }

  private static String valid(String y, String mo, String d) {
    int month = Integer.parseInt(mo);
    int day = Integer.parseInt(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    return y + "-" + String.format("%02d-%02d", month, day);
  }

  /** An instant as local {@code YYYY-MM-DD hh:mm:ss}. */
  static String datetime(Instant i, ZoneId zone) {
    return DATETIME.format(i.atZone(zone));
  }

  /** A zone's offset now, as the schema wants it: {@code +0100}. */
  static String offset(ZonedDateTime now) {
    ZoneOffset o = now.getOffset();
    int total = o.getTotalSeconds();
    int h = Math.abs(total) / 3600;
    int m = (Math.abs(total) % 3600) / 60;
    return (total < 0 ? "-" : "+") + String.format("%02d%02d", h, m);
  }
}
