package org.glpiagent.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Sends one control message to a running agent and reads its answer: the client half of {@code glpi-agent ctl}. */
public final class ControlClient {
  private ControlClient() {}

  /** Over the agent's Unix socket. */
  public static ControlMessage send(Path socket, ControlMessage request) throws IOException {
    return send(UnixDomainSocketAddress.of(socket), StandardProtocolFamily.UNIX, request);
  }

  /** Over the agent's loopback TCP port. */
  public static ControlMessage send(int port, ControlMessage request) throws IOException {
    return send(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), StandardProtocolFamily.INET, request);
  }

  private static ControlMessage send(SocketAddress to, StandardProtocolFamily family, ControlMessage request)
      throws IOException {
    try (SocketChannel c = SocketChannel.open(family)) {
      c.connect(to);
      ByteBuffer out = ByteBuffer.wrap(request.write("command").getBytes(StandardCharsets.UTF_8));
      while (out.hasRemaining()) {
        c.write(out);
      }
      ByteArrayOutputStream in = new ByteArrayOutputStream();
      ByteBuffer buf = ByteBuffer.allocate(8192);
      while (c.read(buf) >= 0) {
        in.write(buf.array(), 0, buf.position());
        buf.clear();
        String text = in.toString(StandardCharsets.UTF_8);
        int end = text.indexOf(ControlMessage.END);
        if (end >= 0) {
          try {
            return ControlMessage.parse(text.substring(0, end), "response");
          } catch (ControlMessage.Invalid e) {
            throw new IOException("the agent's answer is not a control message: " + e.getMessage());
          }
        }
        if (in.size() > 16 * ControlMessage.MAX_BYTES) {
          throw new IOException("the agent's answer is too long");
        }
      }
      throw new IOException("the agent closed the connection without answering");
    }
  }
}
