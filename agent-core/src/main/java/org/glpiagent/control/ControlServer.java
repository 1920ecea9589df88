package org.glpiagent.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes control messages from {@code glpi-agent ctl}: on a Unix domain socket in {@code vardir} (mode 0600 in
 * a 0700 folder: only the agent's user reaches it), and, when {@code ctl-port} is set, on a loopback TCP port
 * whose messages must carry {@code api-token} in a {@code token} field.
 *
 * <p>A thread per listener accepts; each connection is served on a virtual thread, at most {@link #MAX_CLIENTS}
 * at once, and is closed after {@link #DEADLINE_SECONDS} seconds whatever it is doing.
 */
public final class ControlServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControlServer.class);
  static final int MAX_CLIENTS = 16;
  static final int DEADLINE_SECONDS = 10;
  /** The socket's name in vardir. */
  public static final String SOCKET = "glpi-agent.sock";

  private final ControlCommands commands;
  private final Optional<String> token;
  private final List<ServerSocketChannel> listeners = new ArrayList<>();
  private final Semaphore clients = new Semaphore(MAX_CLIENTS);
  private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "ctl-deadlines");
    t.setDaemon(true);
    return t;
  });
  private final Path socket;
  private volatile boolean closed;

  private ControlServer(ControlCommands commands, Optional<String> token, Path socket) {
    this.commands = commands;
    this.token = token;
    this.socket = socket;
  }

  /**
   * Opens the control channel.
   *
   * @param socket the Unix socket's path
   * @param tcpPort a loopback port to listen on as well; needs {@code token}
   */
  public static ControlServer start(Path socket, Optional<Integer> tcpPort, Optional<String> token, ControlCommands commands)
      throws IOException {
    if (tcpPort.isPresent() && token.isEmpty()) {
      throw new IllegalArgumentException("ctl-port needs api-token");
    }
    ControlServer s = new ControlServer(commands, token, socket);
    try {
      Files.deleteIfExists(socket); // left by an agent that did not stop cleanly
      ServerSocketChannel unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      unix.bind(UnixDomainSocketAddress.of(socket));
      try {
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        log.debug("no POSIX permissions here for {}", socket);
      }
      s.listen(unix, false, "ctl-unix");
      if (tcpPort.isPresent()) {
        ServerSocketChannel tcp = ServerSocketChannel.open();
        tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpPort.get()));
        s.listen(tcp, true, "ctl-tcp");
      }
    } catch (IOException e) {
      s.close();
      throw new IOException("cannot open the control channel " + socket + ": " + e.getMessage(), e);
    }
    log.info("control channel on {}{}", socket, tcpPort.map(p -> " and 127.0.0.1:" + p).orElse(""));
    return s;
  }

  /** The loopback TCP port listened on, when there is one. */
  public Optional<Integer> tcpPort() {
    return listeners.stream().skip(1).findFirst().map(l -> {
      try {
        return ((InetSocketAddress) l.getLocalAddress()).getPort();
      } catch (IOException e) {
        return -1;
      }
    });
  }

  private void listen(ServerSocketChannel server, boolean tcp, String name) {
    listeners.add(server);
    Thread.ofPlatform().daemon().name(name).start(() -> {
      while (!closed) {
        SocketChannel c;
        try {
          c = server.accept();
        } catch (IOException e) {
          if (!closed) {
            log.warn("control channel: {}", e.getMessage());
          }
          return;
        }
        if (!clients.tryAcquire()) {
          closeQuietly(c);
          continue;
        }
        Thread.ofVirtual().name("ctl-client").start(() -> {
          ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(c), DEADLINE_SECONDS, TimeUnit.SECONDS);
          try (c) {
            serve(c, tcp);
          } catch (IOException e) {
            log.debug("control client: {}", e.getMessage());
          } finally {
            deadline.cancel(false);
            clients.release();
          }
        });
      }
    });
  }

  /** Answers the messages of one connection until it closes or sends something that is not a message. */
  private void serve(SocketChannel c, boolean tcp) throws IOException {
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    ByteBuffer buf = ByteBuffer.allocate(8192);
    while (c.read(buf) >= 0) {
      buf.flip();
      pending.write(buf.array(), 0, buf.limit());
      buf.clear();
      while (true) {
        String text = pending.toString(StandardCharsets.UTF_8);
        int end = text.indexOf(ControlMessage.END);
        if (end < 0) {
          if (pending.size() > ControlMessage.MAX_BYTES) {
            reply(c, ControlMessage.of("invalid"));
            return;
          }
          break;
        }
        ControlMessage answer = answer(text.substring(0, end), tcp);
        reply(c, answer);
        if (answer.kind().equals("invalid")) {
          return;
        }
        byte[] rest = text.substring(end + ControlMessage.END.length()).getBytes(StandardCharsets.UTF_8);
        pending.reset();
        pending.write(rest, 0, rest.length);
      }
    }
  }

  private ControlMessage answer(String text, boolean tcp) {
    ControlMessage request;
    try {
      request = ControlMessage.parse(text, "command");
    } catch (ControlMessage.Invalid e) {
      log.info("control: invalid message: {}", e.getMessage());
      return ControlMessage.of("invalid");
    }
    if (tcp && !tokenMatches(request.field("token").orElse(""))) {
      log.warn("control: a message on the TCP port without the right token was refused");
      return ControlMessage.of("fail").with("error", "a valid token is needed on the TCP port");
    }
    return commands.answer(request);
  }

  private boolean tokenMatches(String given) {
    return token.isPresent() && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        token.get().getBytes(StandardCharsets.UTF_8));
  }

  private static void reply(SocketChannel c, ControlMessage m) throws IOException {
    ByteBuffer out = ByteBuffer.wrap(m.write("response").getBytes(StandardCharsets.UTF_8));
    while (out.hasRemaining()) {
      c.write(out);
    }
  }

  private static void closeQuietly(SocketChannel c) {
    try {
      c.close();
    } catch (IOException e) {
      // closing: nothing left to do
    }
  }

  @Override
  public void close() {
    closed = true;
    for (ServerSocketChannel l : listeners) {
      try {
        l.close();
      } catch (IOException e) {
        log.debug("control channel close: {}", e.getMessage());
      }
    }
    deadlines.shutdownNow();
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      log.debug("cannot remove {}: {}", socket, e.getMessage());
    }
  }
}
