package org.glpiagent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of a server that, for its first {@code resets} connections, passes the request
 * on and the answer's headers and first {@code keep} body bytes back, then resets the connection (RST, SO_LINGER 0).
 * Later connections pass through whole.
 */
final class ResettingRelay implements AutoCloseable {
  private final ServerSocket listen;
  private final InetSocketAddress upstream;
  private final int keep;
  private final AtomicInteger resetsLeft;
  final AtomicInteger resetsDone = new AtomicInteger();

  ResettingRelay(URI upstream, int resets, int keep) throws IOException {
    this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstream.getPort());
    this.keep = keep;
    this.resetsLeft = new AtomicInteger(resets);
    this.listen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("relay-accept").start(this::accept);
  }

  String url() {
    return "http://127.0.0.1:" + listen.getLocalPort() + "/";
  }

  private void accept() {
    while (!listen.isClosed()) {
      try {
        Socket client = listen.accept();
        boolean reset = resetsLeft.getAndDecrement() > 0;
        Thread.ofVirtual().start(() -> relay(client, reset));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void relay(Socket client, boolean reset) {
    try (client; Socket up = new Socket(upstream.getAddress(), upstream.getPort())) {
      Thread.ofVirtual().start(() -> pump(client, up));
      InputStream in = up.getInputStream();
      OutputStream out = client.getOutputStream();
      byte[] buf = new byte[1];
      int body = -1; // body bytes sent, once the headers ended
      int tail = 0; // the last four bytes, to spot CRLF CRLF
      int n;
      while ((n = in.read(buf)) > 0) {
        if (reset && body >= keep) {
          client.setSoLinger(true, 0); // close() now sends RST
          resetsDone.incrementAndGet();
          return;
        }
        out.write(buf, 0, n);
        out.flush();
        tail = (tail << 8) | (buf[0] & 0xff);
        if (body >= 0) {
          body++;
        } else if (tail == 0x0d0a0d0a) {
          body = 0;
        }
      }
    } catch (IOException e) {
      // one side went away
    }
  }

  private static void pump(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // closed
    }
  }

  @Override
  public void close() throws IOException {
    listen.close();
  }
}
