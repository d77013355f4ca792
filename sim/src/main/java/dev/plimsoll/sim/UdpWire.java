package dev.plimsoll.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * UDP over loopback: each node has one datagram socket on 127.0.0.1 (an ephemeral port, a new one
 * at each start), read on a virtual thread; the event loop sends each message from the sender's
 * socket as one datagram of the {@link WireFormat} body, at most {@value WireFormat#MAX_DATAGRAM}
 * bytes. The socket buffers are the kernel's defaults: a datagram the kernel drops (a full receive
 * buffer) is never read, and counted as lost when the run ends. A crash closes the node's socket.
 */
final class UdpWire extends Wire {
  private final AtomicReferenceArray<DatagramChannel> sockets;
  /** Where each node receives now; null while it is down. */
  private final AtomicReferenceArray<InetSocketAddress> addresses;

  UdpWire(World world) {
    super(world);
    sockets = new AtomicReferenceArray<>(world.size());
    addresses = new AtomicReferenceArray<>(world.size());
  }

  @Override
  String name() {
    return "udp";
  }

  @Override
  byte[] frame(int from, int to, Message message) {
    byte[] datagram = WireFormat.encode(from, to, message, world.sim.messageBytes(), 0);
    if (datagram.length > WireFormat.MAX_DATAGRAM) {
      throw new IllegalArgumentException("a message of " + datagram.length + " bytes is over the UDP datagram limit of "
          + WireFormat.MAX_DATAGRAM);
    }
    return datagram;
  }

  @Override
  void up(int node) {
    try {
      DatagramChannel socket = DatagramChannel.open(StandardProtocolFamily.INET);
      if (!track(socket)) {
        return;
      }
      socket.bind(new InetSocketAddress(LOOPBACK, 0));
      sockets.set(node, socket);
      addresses.set(node, (InetSocketAddress) socket.getLocalAddress());
      start("plimsoll-sim-udp-read-" + node, () -> read(node, socket));
    } catch (IOException e) {
      throw new UncheckedIOException("node " + node + " cannot open a UDP socket on " + LOOPBACK.getHostAddress(), e);
    }
  }

  @Override
  void down(int node) {
    addresses.set(node, null);
    quietly(sockets.getAndSet(node, null));
  }

  @Override
  int openSockets(int node) {
    return sockets.get(node) == null ? 0 : 1;
  }

  private void read(int node, DatagramChannel socket) {
    ByteBuffer buffer = ByteBuffer.allocate(WireFormat.MAX_DATAGRAM + 1);
    try {
      while (true) {
        buffer.clear();
        socket.receive(buffer);
        try {
          arrived(node, WireFormat.decode(buffer.array(), 0, buffer.position()));
        } catch (IOException notAFrame) {
          // a stray datagram: ignored, as a real node would
        }
      }
    } catch (IOException e) {
      // the socket closed: the node crashed, or the run ended
    } finally {
      quietly(socket);
    }
  }

  @Override
  void write(Link link, byte[] frame) {
    DatagramChannel socket = sockets.get(link.from);
    InetSocketAddress address = addresses.get(link.to);
    if (socket == null || address == null) {
      refused(link);
      return;
    }
    try {
      socket.send(ByteBuffer.wrap(frame), address);
      written(link);
    } catch (IOException e) {
      refused(link);
    }
  }
}
