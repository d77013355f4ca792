package dev.plimsoll.sim;

import dev.plimsoll.core.AsyncOperation;
import dev.plimsoll.core.Clock;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.OperationContext;
import dev.plimsoll.core.RunClockListener;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.result.ResultSection;
import dev.plimsoll.core.result.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * One run of a simulation: the nodes, the network between them and the load, wired into an
 * ordinary Plimsoll scenario. The scenario's open model calls {@code send} at the target rate; each
 * call makes one message of the load, whose deliveries are recorded as the operation
 * {@code delivery}. It is the scenario's listener, so it starts with the run's clock and stops with
 * the run.
 */
final class World implements RunClockListener {
  static final String SEND = "send";
  static final String DELIVERY = "delivery";
  private static final long SWEEP_NANOS = 10_000_000L;
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
  private static final LostMessage NO_SENDER = new LostMessage("no live node with a connection to send from");

  final Simulation sim;
  final Clock clock;
  final Counters counters;
  final Trace trace;
  private final EventLoop loop;
  private final SimNode[] nodes;
  private final List<int[]> edges;
  private final SplittableRandom random;
  private final AtomicLong sends = new AtomicLong();
  private final FaultSchedule faults;
  private volatile Deliveries deliveries;
  private volatile Timeline timeline;
  private volatile long originNanos;
  private final AtomicLong handlerFailures = new AtomicLong();
  private volatile String firstHandlerFailure;
  private final String[] sessionNames;
  private volatile boolean recorderSet;
  /** Bumped at every change of who is up in which session, so {@link #liveMembers} counts again. */
  private final AtomicLong membership = new AtomicLong();
  private long countedMembership = -1;
  private java.util.Map<String, Integer> liveCounts = java.util.Map.of();
  /** The real transport on loopback, or null for the in-memory network. */
  private final Wire wire;
  private volatile Thread loopThread;

  World(Simulation sim, Clock clock, boolean keepTrace) {
    this.sim = sim;
    this.clock = clock;
    this.counters = new Counters(sim.nodes());
    this.trace = sim.deterministic() ? Trace.of(clock, keepTrace) : Trace.OFF;
    this.loop = new EventLoop(clock, this::handlerFailed);
    this.random = new SplittableRandom(sim.seed());
    this.sessionNames = new String[sim.sessions()];
    for (int i = 0; i < sessionNames.length; i++) {
      sessionNames[i] = "s" + i;
    }
    this.nodes = new SimNode[sim.nodes()];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = new SimNode(i, this, sim.seed(), !sim.deterministic());
    }
    this.edges = Overlay.build(sim.nodes(), sim.connectionsPerNode(), random);
    this.faults = new FaultSchedule(this, random);
    this.wire = Wire.of(sim.transport(), this);
  }

  /** The run as an ordinary scenario on this world's clock. */
  Scenario scenario() {
    AsyncOperation send = this::send;
    Scenario.Builder b = Scenario.builder(sim.name())
        .clock(clock)
        .seed(sim.seed())
        .duration(sim.duration())
        .interval(sim.interval())
        // Long enough for the last messages' deliveries to be made or, at their timeout, lost.
        .gracefulStop(sim.deliveryTimeout().plusNanos(2 * SWEEP_NANOS))
        .workload(Workload.of(SEND, Mix.ofAsync(SEND, send), OpenModel.of(sim.rate()).arrivals(sim.arrivals())))
        .recordedOperation(DELIVERY)
        .listener(this);
    if (sim.rampUp().isPositive()) {
      b.warmUp(sim.rampUp());
    }
    sim.criteria().forEach(b::criterion);
    return b.build();
  }

  SimNode node(int id) {
    return nodes[id];
  }

  int size() {
    return nodes.length;
  }

  List<int[]> edges() {
    return edges;
  }

  // ---- the run's beginning and end

  /**
   * Everything starts with the run's clock, on the engine's collector thread, before the load's
   * first arrival: the nodes spawn, the connections open or are planned over the ramp-up, the
   * faults are planned, and the event loop starts, all from the run's own start. (Set up earlier,
   * at {@code runStarted}, the plan would be off by the engine's getting ready on the machine's
   * clock; on a virtual clock the loop could not wait for its first deadline without letting time
   * run ahead of the run's start, and events before the first arrival ran late.)
   */
  @Override
  public void runClockStarted(long origin) {
    originNanos = origin;
    long length = sim.duration().toNanos() + sim.deliveryTimeout().toNanos();
    timeline = new Timeline(origin, length);
    deliveries = new Deliveries(sim.deliveryTimeout().toNanos(), timeline, Checks.text(sim.deliveryTimeout()));
    loop.horizon(origin + length + SWEEP_NANOS);
    // What is due at the start happens now, before the load's first arrival can look for a sender;
    // nothing else runs yet, so on a virtual clock this is as deterministic as the loop.
    spawn();
    long ramp = sim.rampUp().toNanos();
    for (int i = 0; i < edges.size(); i++) {
      int[] e = edges.get(i);
      long at = origin + ramp * i / edges.size();
      if (at <= origin) {
        connect(e[0], e[1]);
      } else {
        later(at, () -> connect(e[0], e[1]));
      }
    }
    faults.schedule(origin);
    later(origin + SWEEP_NANOS, this::sweep);
    loopThread = loop.start(sim.deterministic()
        ? Thread.ofVirtual().name("plimsoll-sim").factory()
        : Thread.ofPlatform().daemon().name("plimsoll-sim-network").factory());
  }

  /** The simulation's record in the run's result: seed, topology, faults and the nodes they struck, recoveries, counters. */
  @Override
  public List<ResultSection> resultSections(RunResult run) {
    closeWire(); // the section comes before runCompleted: what the sockets lost is counted first
    return List.of(SimulationSection.of(result(run), edges, faults.struck()));
  }

  @Override
  public void runCompleted(RunResult result) {
    loop.stop();
    closeWire();
  }

  /** Ends a real transport once: the event loop first (it writes to the sockets, so no frame is half counted), then the sockets. */
  private void closeWire() {
    if (wire == null || wire.isClosed()) {
      return;
    }
    loop.stop();
    try {
      Thread t = loopThread;
      if (t != null) {
        t.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    wire.close();
  }

  /** The real transport, or null on the in-memory network. */
  Wire wire() {
    return wire;
  }

  /** The node starts: on a real transport it opens its sockets. */
  void nodeUp(int node) {
    if (wire != null) {
      wire.up(node);
    }
  }

  /** The node crashes: on a real transport its sockets close. */
  void nodeDown(int node) {
    if (wire != null) {
      wire.down(node);
    }
  }

  private void spawn() {
    for (SimNode node : nodes) {
      node.join(sessionOf(node.id()));
      node.start(sim.protocol().get());
    }
  }

  private void connect(int a, int b) {
    nodes[a].connect(b, sim.link(a, b));
    nodes[b].connect(a, sim.link(b, a));
  }

  private void sweep() {
    deliveries.sweep(clock.nanoTime());
    later(clock.nanoTime() + SWEEP_NANOS, this::sweep);
  }

  String sessionOf(int node) {
    return sessionNames[node % sessionNames.length];
  }

  // ---- the load

  /** The open model's operation: one message of the load, intended at the operation's intended start. */
  private CompletableFuture<Void> send(OperationContext ctx) {
    if (!recorderSet) {
      deliveries.recorder(ctx.recorder(DELIVERY));
      recorderSet = true;
    }
    long intended = ctx.intendedStartNanos();
    if (sim.deterministic()) {
      // Drawn on the event loop, in its order, so that thread timing cannot change the draws.
      loop.schedule(new EventLoop.Event(intended) {
        @Override
        void run() {
          originate(random, intended);
        }
      });
    } else {
      originate(ctx.random(), intended);
    }
    return DONE;
  }

  private void originate(RandomGenerator draw, long intended) {
    sends.incrementAndGet();
    long now = clock.nanoTime();
    SimNode origin = pickSender(draw);
    if (origin == null) {
      deliveries.lostNow(intended, 1, NO_SENDER);
      return;
    }
    Message message;
    if (sim.traffic() == Traffic.BROADCAST) {
      String session = sessionOf(origin.id());
      long id = deliveries.expect(intended, now, liveMembers(session) - 1);
      message = new Message(id, origin.id(), Message.SESSION, session, intended, 0, null);
    } else {
      int[] peers = origin.peerArray();
      int destination = peers[draw.nextInt(peers.length)];
      message = new Message(deliveries.expect(intended, now, 1), origin.id(), destination, null, intended, 0, null);
    }
    trace.record(Trace.SEND, origin.id(), message.destination(), message.id());
    origin.originate(message);
  }

  /** A live node with at least one connection, drawn at random; null if a few draws find none. */
  private SimNode pickSender(RandomGenerator draw) {
    for (int attempt = 0; attempt < 32; attempt++) {
      SimNode n = nodes[draw.nextInt(nodes.length)];
      if (n.isUp() && !n.isPaused() && n.peerArray().length > 0) {
        return n;
      }
    }
    return null;
  }

  /**
   * How many live nodes are in {@code session}: counted over every node only after a change (a
   * join, a leave, a crash, a start), not for every broadcast, which at 10,000 nodes would cost
   * more than the message.
   */
  private synchronized int liveMembers(String session) {
    long now = membership.get();
    if (now != countedMembership) {
      java.util.Map<String, Integer> counts = new java.util.HashMap<>();
      for (SimNode n : nodes) {
        if (n.isUp()) {
          for (String s : n.sessionSet()) {
            counts.merge(s, 1, Integer::sum);
          }
        }
      }
      liveCounts = counts;
      countedMembership = now;
    }
    return liveCounts.getOrDefault(session, 0);
  }

  /** A node joined or left a session, crashed or started: {@link #liveMembers} counts again. */
  void membershipChanged() {
    membership.incrementAndGet();
  }

  // ---- the network

  /** A copy of {@code message} reaches the far end of {@code link} at {@code at}, unless cut off by then. */
  void transmit(long at, Link link, Message message) {
    int from = link.from;
    int to = link.to;
    Runnable arrive = wire != null ? wire.prepare(link, message) : () -> {
      link.count(Link.ARRIVED);
      nodes[to].arrive(from, message);
    };
    loop.schedule(new EventLoop.Event(at) {
      @Override
      void run() {
        if (!faults.reachable(from, to)) {
          counters.add(from, Counters.LOST);
          link.count(Link.LOST);
          trace.record(Trace.DROP, from, to, message.id());
          return;
        }
        if (faults.held(from, to, arrive)) {
          counters.add(from, Counters.DELAYED);
          link.count(Link.DELAYED);
          return;
        }
        arrive.run();
      }
    });
  }

  boolean reachable(int from, int to) {
    return faults.reachable(from, to);
  }

  void delivered(int node, Message message) {
    counters.add(node, Counters.DELIVERED);
    trace.record(Trace.DELIVER, node, message.origin(), message.id());
    deliveries.delivered(node, message.id(), clock.nanoTime());
  }

  /** Runs {@code task} on the event loop at {@code at}. */
  void later(long at, Runnable task) {
    loop.schedule(new EventLoop.Event(at) {
      @Override
      void run() {
        task.run();
      }
    });
  }

  /** A protocol handler threw: counted, the first one kept (its class and message, never its data). */
  void handlerFailed(RuntimeException e) {
    if (handlerFailures.getAndIncrement() == 0) {
      firstHandlerFailure = e.getClass().getName() + ": " + e.getMessage();
    }
  }

  // ---- afterwards

  SimResult result(RunResult run) {
    List<NodeCounters> perNode = new ArrayList<>(nodes.length);
    for (int i = 0; i < nodes.length; i++) {
      perNode.add(counters.of(i));
    }
    List<LinkCounters> perLink = new ArrayList<>();
    for (SimNode node : nodes) {
      node.links().stream().map(Link::counters).sorted(java.util.Comparator.comparingInt(LinkCounters::to))
          .forEach(perLink::add);
    }
    Deliveries d = deliveries;
    List<Recovery> recoveries = timeline == null ? List.of()
        : new RecoveryAnalysis(timeline, sim).measure(faults.timings());
    return new SimResult(run, sim.seed(), sim.deterministic(), Topology.of(nodes.length, edges),
        sim.link().describe() + (wire == null ? "" : "; over " + wire.describe()),
        sim.faults().stream().map(Fault::describe).toList(), sim.faults(), recoveries,
        counters.total(), perNode, perLink, sends.get(), d == null ? 0 : d.expectedTotal(), d == null ? 0 : d.deliveredTotal(),
        d == null ? 0 : d.lostTotal(), d == null ? 0 : d.owed(),
        d == null ? 0 : d.duplicates(), d == null ? 0 : d.late(), handlerFailures.get(),
        java.util.Optional.ofNullable(firstHandlerFailure), trace.events());
  }

  long originNanos() {
    return originNanos;
  }

  Duration elapsed() {
    return Duration.ofNanos(clock.nanoTime() - originNanos);
  }
}
