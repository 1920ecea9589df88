package org.glpiagent.tasks.inventory;

/**
 * One line of {@code /proc/<pid>/stat} (proc(5)): the fields the {@code processes} section needs. The command
 * name is in parentheses and may itself contain spaces and parentheses, so fields are counted from the last
 * {@code ')'}.
 */
record ProcStat(int pid, int ttyNr, long utimeTicks, long stimeTicks, long startTicks, long vsizeBytes, long rssPages) {

  /** Parses a stat line; null when it is not one. */
  static ProcStat parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 1 || close < open || close + 2 > line.length()) {
      return null;
    }
    String[] f = line.substring(close + 2).trim().split(" ");
    // f[0] is field 3 (state): field n is f[n - 3]
    if (f.length < 22) {
      return null;
    }
    try {
      return new ProcStat(
          Integer.parseInt(line.substring(0, open).trim()),
          Integer.parseInt(f[7 - 3]),
          Long.parseLong(f[14 - 3]),
          Long.parseLong(f[15 - 3]),
          Long.parseLong(f[22 - 3]),
          Long.parseLong(f[23 - 3]),
          Long.parseLong(f[24 - 3]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The controlling terminal's name from {@code tty_nr} ({@code pts/3}, {@code tty1}), or null for none. */
  String tty() {
    if (ttyNr == 0) {
      return null;
    }
    int major = (ttyNr >> 8) & 0xfff;
    int minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
    if (major >= 136 && major <= 143) {
      return "pts/" + ((major - 136) * 256 + minor);
    }
    if (major == 4 && minor < 64) {
      return "tty" + minor;
    }
    return null;
  }
}
