package dev.plimsoll.sim;

import dev.plimsoll.core.units.Units;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A real transport on loopback: the last step of a message's journey, after the simulated link
 * has applied its conditions (loss, latency, duplication, order, bandwidth) and the partitions
 * have let it through. At the moment the simulated network would hand the message to its
 * receiver, the event loop writes it to a socket instead; the receiving node's reader hands it
 * back to the event loop, which delivers it to the node as the in-memory network does.
 *
 * <p>Every frame is accounted for: written by the sender, or refused (the receiver is down, the
 * sender's socket is closed, a write failed) and counted as lost at once; a frame written but never
 * read by the end of the run (the kernel dropped a datagram, a connection broke with it in flight)
 * is counted as lost when the transport closes. Nothing is retried except one reconnection when
 * a TCP connection turns out to be broken.
 */
abstract class Wire implements Closeable {
  static final InetAddress LOOPBACK = loopback();
  private static final int WRITTEN = 0;
  private static final int READ = 1;

  final World world;
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
  private final Map<Link, AtomicLongArray> tallies = new ConcurrentHashMap<>();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong lostInFlight = new AtomicLong();
  private volatile boolean closed;

  Wire(World world) {
    this.world = world;
  }

  /** The real transport {@code transport} names, or null for the in-memory network. */
  static Wire of(Transport transport, World world) {
    return switch (transport) {
      case MEMORY -> null;
      case TCP -> new TcpWire(world);
      case UDP -> new UdpWire(world);
    };
  }

  /** The node starts (at the run's start or a restart): it opens its socket on a new port. */
  abstract void up(int node);

  /** The node crashes: every socket it has closes; what it had not read is lost. */
  abstract void down(int node);

  /** Sends {@code frame} (made by {@link #frame}) over the link; on the event loop. */
  abstract void write(Link link, byte[] frame);

  /** How the messages are framed for this transport. */
  abstract byte[] frame(int from, int to, Message message);

  abstract String name();

  /** The sockets the node has open now (its listener or datagram socket, and its connections). */
  abstract int openSockets(int node);

  /**
   * What the event loop runs when the message is due at the far end: the write. The frame is made
   * now, on the sending node's thread, so a payload the wire cannot carry fails the handler that
   * sent it (and the message counts as lost).
   */
  final Runnable prepare(Link link, Message message) {
    byte[] frame;
    try {
      frame = frame(link.from, link.to, message);
    } catch (IllegalArgumentException e) {
      lost(link);
      throw e;
    }
    return () -> write(link, frame);
  }

  // ---- for the transports

  /** A frame went onto the socket. */
  final void written(Link link) {
    written.incrementAndGet();
    tally(link).incrementAndGet(WRITTEN);
  }

  /** A frame could not be written: lost at the sender. */
  final void refused(Link link) {
    refused.incrementAndGet();
    lost(link);
  }

  private void lost(Link link) {
    world.counters.add(link.from, Counters.LOST);
    link.count(Link.LOST);
  }

  /** A reader took {@code frame} off the socket of {@code node}: it arrives there, on the event loop. */
  final void arrived(int node, WireFormat.Frame frame) {
    if (frame.to() != node || frame.from() < 0 || frame.from() >= world.size()) {
      return; // not for this node: never read, so counted as lost at the end
    }
    world.later(world.clock.nanoTime(), () -> {
      Link link = world.node(frame.from()).linkTo(node);
      if (link == null) {
        return;
      }
      read.incrementAndGet();
      tally(link).incrementAndGet(READ);
      link.count(Link.ARRIVED);
      world.node(node).arrive(frame.from(), frame.message());
    });
  }

  private AtomicLongArray tally(Link link) {
    return tallies.computeIfAbsent(link, k -> new AtomicLongArray(2));
  }

  /** Starts {@code task} on a virtual thread this transport ends and waits for when it closes. */
  final void start(String name, Runnable task) {
    Thread t = Thread.ofVirtual().name(name).unstarted(() -> {
      try {
        task.run();
      } finally {
        threads.remove(Thread.currentThread());
      }
    });
    threads.add(t);
    t.start();
  }

  /** Remembers {@code socket} to close at the end; false (and closes it) when the transport is closed already. */
  final boolean track(Closeable socket) {
    open.add(socket);
    if (closed) {
      quietly(socket);
      return false;
    }
    return true;
  }

  final void quietly(Closeable socket) {
    if (socket == null) {
      return;
    }
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // closing at a crash or the end: nothing to do about it
    }
  }

  final boolean isClosed() {
    return closed;
  }

  /**
   * Closes every socket, waits for every thread of this transport to end, and counts each frame
   * written but never read as lost, on its link. After the event loop has stopped.
   */
  @Override
  public final synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Closeable socket : Set.copyOf(open)) {
      quietly(socket);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (Thread t : Set.copyOf(threads)) {
      try {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    tallies.forEach((link, t) -> {
      long missing = t.get(WRITTEN) - t.get(READ);
      for (long i = 0; i < missing; i++) {
        lostInFlight.incrementAndGet();
        lost(link);
      }
    });
    tallies.clear();
  }

  /** Threads of this transport still running: 0 once closed. */
  final int liveThreads() {
    return (int) threads.stream().filter(Thread::isAlive).count();
  }

  /** Sockets of this transport still open: 0 once closed. */
  final int openSockets() {
    return open.size();
  }

  /** The transport and what crossed it, in words. */
  final String describe() {
    return name() + " on " + LOOPBACK.getHostAddress() + ": " + Units.count(written.get()) + " frames written, "
        + Units.count(read.get()) + " read, " + Units.count(lostInFlight.get()) + " lost in flight, "
        + Units.count(refused.get()) + " refused";
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an address
    }
  }
}
