package dev.plimsoll.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * A node: its connections, sessions, protocol instance and lifecycle (start, crash, restart). Its
 * handlers run inline on the event loop in deterministic mode, in its {@link Mailbox} in real time.
 */
final class SimNode implements Node {
  private final int id;
  private final World world;
  private final SplittableRandom random;
  private final Mailbox mailbox;
  /**
   * The links by peer, sorted by peer id for a binary search: no boxing and no hashing per message
   * (at 10,000 nodes most ids are past the JDK's small Integer cache). Replaced whole when a
   * connection opens, so any thread reads a consistent table.
   */
  private volatile LinkTable links = LinkTable.EMPTY;
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  /** The peers, replaced whole when a connection opens, so any thread reads a consistent list. */
  private volatile int[] peers = new int[0];
  private volatile boolean up;
  /** Bumped at each crash and start, so timers and messages queued for an earlier life are dropped. */
  private volatile int incarnation;
  private volatile boolean paused;
  /** What reached the node, or fell due on it, while it was paused: handled in order on resume. Loop thread only. */
  private final List<Runnable> held = new ArrayList<>();
  /** This node's clock offset: its nanoTime reads the run's clock plus this. */
  private final long skewNanos;
  private Protocol protocol;
  private Map<String, Object> state = new HashMap<>();

  SimNode(int id, World world, long seed, boolean realTime) {
    this.id = id;
    this.world = world;
    this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
    this.mailbox = realTime ? new Mailbox(world::handlerFailed) : null;
    long maxSkew = world.sim.clockSkew().toNanos();
    this.skewNanos = maxSkew == 0 ? 0 : new SplittableRandom(seed ^ 0x5DEECE66DL * (id + 1)).nextLong(-maxSkew, maxSkew + 1);
  }

  // ---- lifecycle, from the event loop

  /** Starts the node afresh: a new protocol instance, empty state; on the event loop. */
  void start(Protocol fresh) {
    int life = ++incarnation;
    world.nodeUp(id);
    up = true;
    world.membershipChanged();
    run(life, () -> {
      protocol = fresh;
      state = new HashMap<>();
      protocol.onStart(this);
    });
  }

  /** Stops the node where it stands: nothing it had queued runs, nothing reaches it. */
  void crash() {
    up = false;
    incarnation++;
    world.membershipChanged();
    world.nodeDown(id);
  }

  boolean isUp() {
    return up;
  }

  boolean isPaused() {
    return paused;
  }

  /** Freezes the node: from now on what reaches it waits; on the event loop. */
  void pause() {
    paused = true;
  }

  /** Handles, in order, what waited while the node was paused; on the event loop. */
  void resume() {
    paused = false;
    List<Runnable> waiting = new ArrayList<>(held);
    held.clear();
    waiting.forEach(Runnable::run);
  }

  /** Opens the link to {@code peer}; on the event loop. */
  void connect(int peer, LinkConditions conditions) {
    LinkTable table = links;
    int at = Arrays.binarySearch(table.peers, peer);
    if (at >= 0) {
      return;
    }
    links = table.with(-at - 1, new Link(id, peer, conditions));
    int[] now = Arrays.copyOf(peers, peers.length + 1);
    now[now.length - 1] = peer;
    peers = now;
  }

  /** This node's link to {@code peer}, or null when they are not connected. */
  Link linkTo(int peer) {
    return link(peer);
  }

  java.util.Collection<Link> links() {
    return List.of(links.links);
  }

  /** The link to {@code peer}, or null when there is none. */
  private Link link(int peer) {
    LinkTable table = links;
    int at = Arrays.binarySearch(table.peers, peer);
    return at >= 0 ? table.links[at] : null;
  }

  /** Links sorted by peer id, with the peer ids alongside. */
  private record LinkTable(int[] peers, Link[] links) {
    static final LinkTable EMPTY = new LinkTable(new int[0], new Link[0]);

    LinkTable with(int index, Link link) {
      int n = peers.length;
      int[] p = new int[n + 1];
      Link[] l = new Link[n + 1];
      System.arraycopy(peers, 0, p, 0, index);
      System.arraycopy(links, 0, l, 0, index);
      p[index] = link.to;
      l[index] = link;
      System.arraycopy(peers, index, p, index + 1, n - index);
      System.arraycopy(links, index, l, index + 1, n - index);
      return new LinkTable(p, l);
    }
  }

  int[] peerArray() {
    return peers;
  }

  /** The load asks this node to send {@code message}. */
  void originate(Message message) {
    run(incarnation, () -> protocol.onSend(this, message));
  }

  /** {@code message} from {@code from} arrives here; on the event loop. */
  void arrive(int from, Message message) {
    int life = incarnation;
    if (!up) {
      world.counters.add(from, Counters.LOST);
      return;
    }
    if (paused) {
      world.counters.add(from, Counters.DELAYED);
      held.add(() -> arrive(from, message));
      return;
    }
    world.trace.record(Trace.ARRIVE, from, id, message.id());
    Runnable handle = () -> {
      if (!up || incarnation != life) {
        world.counters.add(from, Counters.LOST); // crashed while the message waited in its mailbox
        return;
      }
      world.counters.add(id, Counters.RECEIVED);
      protocol.onMessage(this, from, message);
    };
    if (mailbox == null) {
      handle.run();
    } else {
      mailbox.post(handle);
    }
  }

  /** Runs a handler of life {@code life}, unless the node has crashed or restarted since. */
  private void run(int life, Runnable handler) {
    Runnable guarded = () -> {
      if (up && incarnation == life) {
        handler.run();
      }
    };
    if (mailbox == null) {
      guarded.run();
    } else {
      mailbox.post(guarded);
    }
  }

  // ---- the protocol's view

  @Override
  public int id() {
    return id;
  }

  @Override
  public List<Integer> peers() {
    int[] p = peers;
    List<Integer> list = new ArrayList<>(p.length);
    for (int peer : p) {
      list.add(peer);
    }
    return list;
  }

  @Override
  public boolean isPeer(int node) {
    return link(node) != null;
  }

  @Override
  public void send(int to, Message message) {
    world.counters.add(id, Counters.SENT);
    Link link = link(to);
    if (link != null) {
      link.count(Link.SENT);
    }
    if (link == null || !world.reachable(id, to) || link.drops(random)) {
      world.counters.add(id, Counters.LOST);
      if (link != null) {
        link.count(Link.LOST);
      }
      world.trace.record(Trace.DROP, id, to, message.id());
      return;
    }
    int copies = link.copies(random);
    if (copies > 1) {
      link.count(Link.SENT);
    }
    if (copies > 1) {
      world.counters.add(id, Counters.DUPLICATED);
    }
    long now = world.clock.nanoTime();
    for (int c = 0; c < copies; c++) {
      long departs = link.departure(now, world.sim.messageBytes());
      if (departs < 0) {
        link.count(Link.LOST);
        world.counters.add(id, Counters.LOST); // the link's queue is full
        world.trace.record(Trace.DROP, id, to, message.id());
        continue;
      }
      long wanted = departs + link.latencyNanos(random);
      long at = link.inOrder(wanted, link.overtakes(random));
      if (departs > now || at > wanted) {
        world.counters.add(id, Counters.DELAYED);
        link.count(Link.DELAYED);
      }
      world.transmit(at, link, message);
    }
  }

  @Override
  public void join(String session) {
    if (sessions.add(session)) {
      world.membershipChanged();
    }
  }

  @Override
  public void leave(String session) {
    if (sessions.remove(session)) {
      world.membershipChanged();
    }
  }

  @Override
  public Set<String> sessions() {
    return Set.copyOf(sessions);
  }

  /** The sessions as they stand, without a copy: for counting members. */
  Set<String> sessionSet() {
    return sessions;
  }

  boolean inSession(String session) {
    return sessions.contains(session);
  }

  @Override
  public boolean isMember(int node, String session) {
    return world.node(node).inSession(session);
  }

  @Override
  public void deliver(Message message) {
    world.delivered(id, message);
  }

  @Override
  public void after(Duration delay, Runnable task) {
    int life = incarnation;
    world.later(world.clock.nanoTime() + Math.max(0, delay.toNanos()), () -> due(life, task));
  }

  private void due(int life, Runnable task) {
    if (paused) {
      held.add(() -> due(life, task));
    } else {
      run(life, task);
    }
  }

  @Override
  public long nanoTime() {
    return world.clock.nanoTime() + skewNanos;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public Map<String, Object> state() {
    return state;
  }

  @Override
  public String toString() {
    return "node " + id + (up ? "" : " (down)");
  }
}
