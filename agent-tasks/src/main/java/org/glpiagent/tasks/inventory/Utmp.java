package org.glpiagent.tasks.inventory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Linux's login records, {@code /run/utmp} (who is logged on) and {@code /var/log/wtmp} (who logged on
 * last), read directly: glibc's 384-byte {@code struct utmp} of 64-bit Linux, little-endian. Saves running
 * {@code who} and {@code last}.
 */
final class Utmp {
  static final int RECORD = 384;
  static final int USER_PROCESS = 7;

  /** One login: the user, the terminal, the remote host if any, and when (seconds since the epoch). */
  record Login(String user, String line, String host, long time) {}

  private Utmp() {}

  /** The user logins of a utmp or wtmp file's bytes, in file order; a partial last record is ignored. */
  static List<Login> logins(byte[] data) {
    List<Login> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    for (int at = 0; at + RECORD <= data.length; at += RECORD) {
      int type = b.getShort(at);
      if (type != USER_PROCESS) {
        continue;
      }
      String user = text(data, at + 44, 32);
      if (user.isEmpty() || user.equals("LOGIN") || user.equals("reboot")) {
        continue;
      }
      long seconds = Integer.toUnsignedLong(b.getInt(at + 340));
      out.add(new Login(user, text(data, at + 8, 32), text(data, at + 76, 256), seconds));
    }
    return out;
  }

  /** The most recent login of a wtmp file's bytes, if any. */
  static Optional<Login> last(byte[] data) {
    List<Login> all = logins(data);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  private static String text(byte[] data, int from, int max) {
    int end = from;
    while (end < from + max && data[end] != 0) {
      end++;
    }
    return new String(data, from, end - from, StandardCharsets.UTF_8).strip();
  }
}
