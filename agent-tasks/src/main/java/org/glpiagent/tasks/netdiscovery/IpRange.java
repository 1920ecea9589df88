package org.glpiagent.tasks.netdiscovery;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A range of IPv4 or IPv6 addresses, from a first and a last address or a CIDR block, walked in order without
 * materialising it. Ranges larger than {@link #MAX_SIZE} are refused: a typo must not start a sweep of the
 * whole Internet.
 */
public record IpRange(BigInteger first, BigInteger last, int bytes) implements Iterable<InetAddress> {
  /** 2^24 addresses: a /8, or a /104 in IPv6. */
  public static final BigInteger MAX_SIZE = BigInteger.ONE.shiftLeft(24);

  public IpRange {
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("range ends before it starts");
    }
    if (last.subtract(first).add(BigInteger.ONE).compareTo(MAX_SIZE) > 0) {
      throw new IllegalArgumentException("range of more than " + MAX_SIZE + " addresses");
    }
  }

  /** {@code first}-{@code last}, both literal addresses of the same family. */
  public static IpRange of(String first, String last) {
    InetAddress a = literal(first);
    InetAddress b = literal(last);
    if (a.getAddress().length != b.getAddress().length) {
      throw new IllegalArgumentException(first + " and " + last + " are not of the same family");
    }
    return new IpRange(new BigInteger(1, a.getAddress()), new BigInteger(1, b.getAddress()), a.getAddress().length);
  }

  /** {@code 192.0.2.0/24}, {@code 2001:db8::/120}, or {@code first-last}. */
  public static IpRange parse(String network) {
    String n = network.trim();
    int slash = n.indexOf('/');
    if (slash < 0) {
      int dash = n.indexOf('-');
      if (dash > 0) {
        return of(n.substring(0, dash), n.substring(dash + 1));
      }
      return of(n, n);
    }
    InetAddress base = literal(n.substring(0, slash));
    int bits = base.getAddress().length * 8;
    int prefix;
    try {
      prefix = Integer.parseInt(n.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad prefix length in " + network);
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("bad prefix length in " + network);
    }
    BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
    BigInteger start = new BigInteger(1, base.getAddress()).divide(size).multiply(size);
    BigInteger end = start.add(size).subtract(BigInteger.ONE);
    if (bits == 32 && prefix <= 30) {
      start = start.add(BigInteger.ONE); // network and broadcast addresses answer nothing useful
      end = end.subtract(BigInteger.ONE);
    }
    return new IpRange(start, end, base.getAddress().length);
  }

  /** A literal address; host names are refused so that parsing never resolves anything. */
  static InetAddress literal(String s) {
    String t = s.trim();
    if (!t.matches("[0-9.]+") && !t.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("\"" + s + "\" is not an IP address");
    }
    try {
      return InetAddress.getByName(t);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("\"" + s + "\" is not an IP address");
    }
  }

  /** How many addresses. */
  public long size() {
    return last.subtract(first).longValueExact() + 1;
  }

  @Override
  public Iterator<InetAddress> iterator() {
    return new Iterator<>() {
      private BigInteger next = first;

      @Override
      public boolean hasNext() {
        return next.compareTo(last) <= 0;
      }

      @Override
      public InetAddress next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        byte[] raw = next.toByteArray();
        byte[] addr = new byte[bytes];
        int copy = Math.min(raw.length, bytes);
        System.arraycopy(raw, raw.length - copy, addr, bytes - copy, copy);
        next = next.add(BigInteger.ONE);
        try {
          return InetAddress.getByAddress(addr);
        } catch (UnknownHostException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
