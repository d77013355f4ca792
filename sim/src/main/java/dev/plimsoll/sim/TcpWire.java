package dev.plimsoll.sim;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * TCP over loopback: each node listens on 127.0.0.1 (an ephemeral port, a new one at each start)
 * and accepts its peers' connections on a virtual thread; each accepted connection is read on a
 * virtual thread of its own. A node opens one connection per peer it sends to, on its first
 * message, with Nagle's algorithm off, and the event loop writes each message there as an int
 * length and the {@link WireFormat} body.
 *
 * <p>A crash closes the node's listener and every connection it accepted or opened; its peers
 * find out as real peers do, on a write that fails (they reconnect once, and count the message as
 * lost if the node is still down), and what they wrote into a connection the crash broke is
 * counted as lost at the end.
 */
final class TcpWire extends Wire {
  private static final int BACKLOG = 128;
  private static final int READ_BUFFER = 64 * 1024;

  private final AtomicReferenceArray<ServerSocketChannel> listeners;
  /** Where each node listens now; null while it is down. */
  private final AtomicReferenceArray<InetSocketAddress> addresses;
  /** The connections each node accepted; guarded by the set itself. */
  private final Set<SocketChannel>[] accepted;
  /** The connections each node opened, by peer. */
  private final Map<Integer, SocketChannel>[] opened;

  @SuppressWarnings("unchecked")
  TcpWire(World world) {
    super(world);
    int n = world.size();
    listeners = new AtomicReferenceArray<>(n);
    addresses = new AtomicReferenceArray<>(n);
    accepted = new Set[n];
    opened = new Map[n];
    for (int i = 0; i < n; i++) {
      accepted[i] = new java.util.HashSet<>();
      opened[i] = new ConcurrentHashMap<>();
    }
  }

  @Override
  String name() {
    return "tcp";
  }

  @Override
  byte[] frame(int from, int to, Message message) {
    byte[] frame = WireFormat.encode(from, to, message, world.sim.messageBytes(), Integer.BYTES);
    int body = frame.length - Integer.BYTES;
    if (body > WireFormat.MAX_FRAME) {
      throw new IllegalArgumentException("a message of " + body + " bytes is over the TCP frame limit of "
          + WireFormat.MAX_FRAME);
    }
    ByteBuffer.wrap(frame).putInt(0, body);
    return frame;
  }

  @Override
  void up(int node) {
    try {
      ServerSocketChannel server = ServerSocketChannel.open();
      if (!track(server)) {
        return;
      }
      server.bind(new InetSocketAddress(LOOPBACK, 0), BACKLOG);
      listeners.set(node, server);
      addresses.set(node, (InetSocketAddress) server.getLocalAddress());
      start("plimsoll-sim-tcp-accept-" + node, () -> accept(node, server));
    } catch (IOException e) {
      throw new UncheckedIOException("node " + node + " cannot listen on " + LOOPBACK.getHostAddress(), e);
    }
  }

  @Override
  void down(int node) {
    addresses.set(node, null);
    synchronized (accepted[node]) {
      quietly(listeners.getAndSet(node, null));
      accepted[node].forEach(this::quietly);
      accepted[node].clear();
    }
    for (Integer peer : Set.copyOf(opened[node].keySet())) {
      quietly(opened[node].remove(peer));
    }
  }

  @Override
  int openSockets(int node) {
    synchronized (accepted[node]) {
      return (listeners.get(node) == null ? 0 : 1) + accepted[node].size() + opened[node].size();
    }
  }

  /** Where the node listens now; null while it is down. */
  InetSocketAddress address(int node) {
    return addresses.get(node);
  }

  private void accept(int node, ServerSocketChannel server) {
    while (true) {
      SocketChannel connection;
      try {
        connection = server.accept();
        connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
      } catch (IOException e) {
        return; // the listener closed: the node crashed, or the run ended
      }
      boolean keep;
      synchronized (accepted[node]) {
        keep = listeners.get(node) == server && track(connection);
        if (keep) {
          accepted[node].add(connection);
        }
      }
      if (!keep) {
        quietly(connection);
        return;
      }
      start("plimsoll-sim-tcp-read-" + node, () -> read(node, connection));
    }
  }

  private void read(int node, SocketChannel connection) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(connection), READ_BUFFER))) {
      while (true) {
        int length = in.readInt();
        if (length < WireFormat.MIN_BODY || length > WireFormat.MAX_FRAME) {
          return; // not this format: drop the connection, as a real server would
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
          return;
        }
        arrived(node, WireFormat.decode(body, 0, length));
      }
    } catch (IOException e) {
      // the connection closed: the peer or this node crashed, or the run ended
    } finally {
      synchronized (accepted[node]) {
        accepted[node].remove(connection);
      }
      quietly(connection);
    }
  }

  @Override
  void write(Link link, byte[] frame) {
    for (int attempt = 0; attempt < 2; attempt++) {
      SocketChannel connection = connection(link.from, link.to);
      if (connection == null) {
        break;
      }
      try {
        ByteBuffer bytes = ByteBuffer.wrap(frame);
        while (bytes.hasRemaining()) {
          connection.write(bytes);
        }
        written(link);
        return;
      } catch (IOException e) {
        // A connection the peer's crash broke: drop it and connect once more, to its new port if it restarted.
        if (opened[link.from].remove(link.to, connection)) {
          quietly(connection);
        }
      }
    }
    refused(link);
  }

  /** The sender's connection to {@code to}, opened now if it has none; null when either end is down. */
  private SocketChannel connection(int from, int to) {
    SocketChannel existing = opened[from].get(to);
    if (existing != null) {
      return existing;
    }
    InetSocketAddress address = addresses.get(to);
    if (address == null || addresses.get(from) == null || isClosed()) {
      return null;
    }
    SocketChannel connection = null;
    try {
      connection = SocketChannel.open();
      if (!track(connection)) {
        return null;
      }
      connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
      connection.connect(address);
      opened[from].put(to, connection);
      return connection;
    } catch (IOException e) {
      quietly(connection);
      return null; // refused: the peer went down since
    }
  }
}
