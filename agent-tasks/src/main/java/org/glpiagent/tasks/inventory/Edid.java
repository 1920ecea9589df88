package org.glpiagent.tasks.inventory;

import java.nio.charset.StandardCharsets;

/**
 * Reads a monitor's EDID block (VESA E-EDID 1.3/1.4, 128 bytes): the manufacturer's PNP id, the product code,
 * the serial number, the manufacture year, and the name and serial text descriptors.
 */
record Edid(String manufacturerId, int productCode, long serialNumber, int year, String name, String serialText) {

  /** Parses an EDID block; null when it is not one (wrong header or checksum). */
  static Edid parse(byte[] b) {
    if (b == null || b.length < 128) {
      return null;
    }
    byte[] header = {0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0};
    for (int i = 0; i < 8; i++) {
      if (b[i] != header[i]) {
        return null;
      }
    }
    int sum = 0;
    for (int i = 0; i < 128; i++) {
      sum += b[i] & 0xff;
    }
    if ((sum & 0xff) != 0) {
      return null;
    }
    int m = ((b[8] & 0xff) << 8) | (b[9] & 0xff);
    String id = "" + (char) ('A' - 1 + ((m >> 10) & 31)) + (char) ('A' - 1 + ((m >> 5) & 31)) + (char) ('A' - 1 + (m & 31));
    int product = (b[10] & 0xff) | ((b[11] & 0xff) << 8);
    long serial = (b[12] & 0xffL) | ((b[13] & 0xffL) << 8) | ((b[14] & 0xffL) << 16) | ((b[15] & 0xffL) << 24);
    int year = 1990 + (b[17] & 0xff);
    String name = null;
    String serialText = null;
    for (int d = 54; d <= 108; d += 18) {
      if (b[d] == 0 && b[d + 1] == 0 && b[d + 2] == 0) {
        int tag = b[d + 3] & 0xff;
        String text = new String(b, d + 5, 13, StandardCharsets.US_ASCII).split("\n")[0].strip();
        if (tag == 0xfc) {
          name = text;
        } else if (tag == 0xff) {
          serialText = text;
        }
      }
    }
    return new Edid(id, product, serial, year, name, serialText);
  }
}
