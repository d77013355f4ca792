package dev.plimsoll.sim;

import dev.plimsoll.core.Arrivals;
import dev.plimsoll.core.Clock;
import dev.plimsoll.core.Defaults;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.VirtualClock;
import dev.plimsoll.core.result.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A simulated cluster under load: nodes running a {@link Protocol} over a simulated network with
 * {@link LinkConditions} and {@link Fault}s, sent messages at a rate by the core's open model. A run
 * is an ordinary Plimsoll run: each message delivery is a recorded operation {@code delivery}
 * (latency from the intended send; lost, that is failed without a latency, when not delivered
 * within the delivery timeout), so criteria such as {@code delivery.error_rate < 1%} (the share
 * lost) and {@code delivery.p95 < 50ms} (over the deliveries made) and every report work unchanged.
 *
 * <pre>{@code
 * SimResult result = Simulation.builder("gossip")
 *     .nodes(100).connectionsPerNode(10)
 *     .rate(1_000).duration(Duration.ofMinutes(5))
 *     .link(LinkConditions.of(Latency.uniform(Duration.ofMillis(5), Duration.ofMillis(15))).loss(Loss.random(0.01)))
 *     .fault(Fault.partition(Duration.ofMinutes(2), Duration.ofSeconds(150)))
 *     .criterion("delivery.error_rate < 2%").criterion("delivery.p95 < 100ms")
 *     .seed(7).deterministic(true)
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>In deterministic mode the whole run (load, network, every node's handlers) runs on one
 * thread on virtual time, so a seed gives the same run event for event, as fast as the machine
 * goes. In real time (the default) handlers run on virtual threads and the network delivers on
 * the machine's clock.
 */
public final class Simulation {
  private final Builder b;
  private final Map<Long, LinkConditions> links;
  private final List<Fault> faults;
  private final List<String> criteria;

  private Simulation(Builder builder) {
    this.b = builder.copy();
    this.links = Map.copyOf(builder.links);
    this.faults = List.copyOf(builder.faults);
    this.criteria = List.copyOf(builder.criteria);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A predefined size: {@code small}, {@code medium} or {@code large} (see {@link SimulationSize}). */
  public static Builder preset(String size) {
    return SimulationSize.named(size).builder();
  }

  // ---- settings

  public String name() {
    return b.name;
  }

  public int nodes() {
    return b.nodes;
  }

  public int connectionsPerNode() {
    return b.connectionsPerNode;
  }

  /** Over how long the connections open; the run's warm-up. */
  public Duration rampUp() {
    return b.rampUp;
  }

  public RateProfile rate() {
    return b.rate;
  }

  public Arrivals arrivals() {
    return b.arrivals;
  }

  public Duration duration() {
    return b.duration;
  }

  public Duration interval() {
    return b.interval;
  }

  public Traffic traffic() {
    return b.traffic;
  }

  /** How many sessions the nodes are spread over (node i is in session {@code s(i mod sessions)}). */
  public int sessions() {
    return b.sessions;
  }

  /** The conditions of every link without its own. */
  public LinkConditions link() {
    return b.link;
  }

  /** The conditions of the link from {@code from} to {@code to}. */
  public LinkConditions link(int from, int to) {
    return links.getOrDefault(key(from, to), b.link);
  }

  public List<Fault> faults() {
    return faults;
  }

  public long seed() {
    return b.seed;
  }

  public boolean deterministic() {
    return b.deterministic;
  }

  /** What carries the messages: the in-memory network (default), or TCP or UDP over loopback. */
  public Transport transport() {
    return b.transport;
  }

  /** How long a delivery may take before it counts as lost. */
  public Duration deliveryTimeout() {
    return b.deliveryTimeout;
  }

  public Supplier<? extends Protocol> protocol() {
    return b.protocol;
  }

  public List<String> criteria() {
    return criteria;
  }

  /** How long each message is on the wire, for links with a bandwidth. */
  public int messageBytes() {
    return b.messageBytes;
  }

  /** The largest clock offset of a node, either way; each node's is drawn from the seed. */
  public Duration clockSkew() {
    return b.clockSkew;
  }

  /** The window of messages that must all be delivered within tolerance for delivery to count as recovered. */
  public Duration recoveryWindow() {
    return b.recoveryWindow;
  }

  /** How far below its level before a fault the delivery ratio may stay and count as recovered. */
  public double recoveryRatioTolerance() {
    return b.recoveryRatioTolerance;
  }

  /** How many times its level before a fault the p95 latency may be and count as recovered. */
  public double recoveryLatencyFactor() {
    return b.recoveryLatencyFactor;
  }

  /** A builder holding these settings, to derive a changed copy. */
  public Builder toBuilder() {
    Builder copy = b.copy();
    copy.links.putAll(links);
    copy.faults.addAll(faults);
    copy.criteria.addAll(criteria);
    return copy;
  }

  // ---- running

  /** Runs the simulation to its end. */
  public SimResult run() {
    Prepared prepared = prepare();
    return prepared.finish(Plimsoll.run(prepared.scenario()));
  }

  /**
   * The run set up but not started, for running through a runner that adds reports, listeners and
   * signal handling: run {@link Prepared#scenario()}, then hand its result to {@link Prepared#finish}.
   * A prepared run is used once.
   */
  public Prepared prepare() {
    return new Prepared(new World(this, b.deterministic ? VirtualClock.startingAt(java.time.Instant.now()) : Clock.system(), false));
  }

  /**
   * Runs the simulation twice, deterministically, with its seed, and compares the two runs event
   * for event (as madsim's determinism check does): a difference means something in the protocol
   * or the simulation drew on a source other than the seed (the wall clock, a hash order, a thread).
   */
  public DeterminismCheck checkDeterminism() {
    Simulation deterministic = toBuilder().deterministic(true).build();
    World first = new World(deterministic, VirtualClock.startingAt(java.time.Instant.now()), true);
    SimResult firstResult = first.result(Plimsoll.run(first.scenario()));
    World second = new World(deterministic, VirtualClock.startingAt(java.time.Instant.now()), true);
    second.result(Plimsoll.run(second.scenario()));
    return new DeterminismCheck(b.seed, first.trace.events(), first.trace.firstDifference(second.trace), firstResult);
  }

  /** The settings in words, for reports. */
  public String describe() {
    return name() + ": " + nodes() + " nodes, " + connectionsPerNode() + " connections each, "
        + rate().describe() + " " + traffic().name().toLowerCase(java.util.Locale.ROOT) + " for "
        + Checks.text(duration()) + "; links " + link().describe()
        + (faults.isEmpty() ? "" : "; faults: " + String.join("; ", faults.stream().map(Fault::describe).toList()))
        + (clockSkew().isPositive() ? "; clock skew up to " + Checks.text(clockSkew()) : "")
        + (transport().real() ? "; over " + transport().label() + " on loopback" : "")
        + "; seed " + seed() + (deterministic() ? ", deterministic" : ", real time");
  }

  static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xFFFFFFFFL);
  }

  /** A run set up by {@link #prepare()}. */
  public static final class Prepared {
    private final World world;
    private final Scenario scenario;

    private Prepared(World world) {
      this.world = world;
      this.scenario = world.scenario();
    }

    /** The ordinary scenario the simulation runs as. */
    public Scenario scenario() {
      return scenario;
    }

    /** The simulation's result, from the scenario's. */
    public SimResult finish(RunResult result) {
      return world.result(result);
    }
  }

  /** Builds a {@link Simulation}; {@link #build()} checks every setting. */
  public static final class Builder {
    private String name;
    private int nodes = 10;
    private int connectionsPerNode = 5;
    private Duration rampUp = Duration.ZERO;
    private RateProfile rate = RateProfile.constant(100);
    private Arrivals arrivals = Arrivals.UNIFORM;
    private Duration duration = Duration.ofMinutes(1);
    private Duration interval = Defaults.INTERVAL;
    private Traffic traffic = Traffic.UNICAST;
    private int sessions = 1;
    private LinkConditions link = LinkConditions.DEFAULT;
    private final Map<Long, LinkConditions> links = new HashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private long seed = Defaults.SEED;
    private boolean deterministic;
    private Duration deliveryTimeout = Duration.ofSeconds(1);
    private Supplier<? extends Protocol> protocol = GossipRelay::new;
    private final List<String> criteria = new ArrayList<>();
    private Duration recoveryWindow = Duration.ofSeconds(1);
    private double recoveryRatioTolerance = 0.02;
    private double recoveryLatencyFactor = 1.5;
    private Duration clockSkew = Duration.ZERO;
    private int messageBytes = 1024;
    private Transport transport = Transport.MEMORY;

    private Builder(String name) {
      this.name = name;
    }

    private Builder copy() {
      Builder c = new Builder(name);
      c.nodes = nodes;
      c.connectionsPerNode = connectionsPerNode;
      c.rampUp = rampUp;
      c.rate = rate;
      c.arrivals = arrivals;
      c.duration = duration;
      c.interval = interval;
      c.traffic = traffic;
      c.sessions = sessions;
      c.link = link;
      c.seed = seed;
      c.deterministic = deterministic;
      c.deliveryTimeout = deliveryTimeout;
      c.protocol = protocol;
      c.recoveryWindow = recoveryWindow;
      c.recoveryRatioTolerance = recoveryRatioTolerance;
      c.recoveryLatencyFactor = recoveryLatencyFactor;
      c.clockSkew = clockSkew;
      c.messageBytes = messageBytes;
      c.transport = transport;
      return c;
    }

    public Builder name(String newName) {
      this.name = newName;
      return this;
    }

    public Builder nodes(int count) {
      this.nodes = count;
      return this;
    }

    public Builder connectionsPerNode(int count) {
      this.connectionsPerNode = count;
      return this;
    }

    /** Opens the connections gradually over {@code over}, which is also the run's warm-up. */
    public Builder rampUp(Duration over) {
      this.rampUp = over;
      return this;
    }

    /** A constant rate of messages per second. */
    public Builder rate(double perSecond) {
      return rate(RateProfile.constant(perSecond));
    }

    /** Messages per second following any of the core's rate profiles. */
    public Builder rate(RateProfile profile) {
      this.rate = Objects.requireNonNull(profile, "rate");
      return this;
    }

    public Builder arrivals(Arrivals spacing) {
      this.arrivals = Objects.requireNonNull(spacing, "arrivals");
      return this;
    }

    public Builder duration(Duration runLength) {
      this.duration = runLength;
      return this;
    }

    public Builder interval(Duration intervalLength) {
      this.interval = intervalLength;
      return this;
    }

    public Builder traffic(Traffic kind) {
      this.traffic = Objects.requireNonNull(kind, "traffic");
      return this;
    }

    public Builder sessions(int count) {
      this.sessions = count;
      return this;
    }

    /** The conditions of every link without its own. */
    public Builder link(LinkConditions conditions) {
      this.link = Objects.requireNonNull(conditions, "link");
      return this;
    }

    /** The conditions of the link from {@code from} to {@code to} (one direction). */
    public Builder link(int from, int to, LinkConditions conditions) {
      links.put(key(from, to), Objects.requireNonNull(conditions, "link"));
      return this;
    }

    /** This simulation at {@code count} nodes, for a sweep: its faults and per-link settings name other sizes. */
    Builder sized(int count) {
      nodes = count;
      connectionsPerNode = Math.min(connectionsPerNode, count - 1);
      name = name + "-" + count;
      faults.clear();
      links.clear();
      return this;
    }

    LinkConditions currentLink() {
      return link;
    }

    public Builder latency(Latency latency) {
      this.link = link.latency(latency);
      return this;
    }

    public Builder loss(Loss loss) {
      this.link = link.loss(loss);
      return this;
    }

    public Builder fault(Fault fault) {
      faults.add(Objects.requireNonNull(fault, "fault"));
      return this;
    }

    public Builder seed(long randomSeed) {
      this.seed = randomSeed;
      return this;
    }

    public Builder deterministic(boolean onVirtualTime) {
      this.deterministic = onVirtualTime;
      return this;
    }

    /**
     * What carries the messages (see {@link Transport}). On TCP or UDP over loopback the link
     * conditions still apply, before the socket write: a message leaves through a real socket when
     * the simulated network would have delivered it, so the same scenario compares like for like
     * (for plain sockets, give the links {@code Latency.constant(Duration.ZERO)} and no loss). Real
     * transports run in real time only.
     */
    public Builder transport(Transport kind) {
      this.transport = Objects.requireNonNull(kind, "transport");
      return this;
    }

    public Builder deliveryTimeout(Duration timeout) {
      this.deliveryTimeout = timeout;
      return this;
    }

    /** The protocol: a new instance per node, made at each start and restart. */
    public Builder protocol(Supplier<? extends Protocol> factory) {
      this.protocol = Objects.requireNonNull(factory, "protocol");
      return this;
    }

    /** Adds a criterion, e.g. {@code delivery.p95 < 50ms}; checked when the scenario is built. */
    public Builder criterion(String text) {
      criteria.add(Objects.requireNonNull(text, "criterion"));
      return this;
    }

    /**
     * Skews the nodes' clocks: each node's {@link Node#nanoTime()} is off by an amount drawn from
     * the seed, up to {@code maxOffset} either way. Latencies and deliveries are measured on the
     * run's own clock.
     */
    public Builder clockSkew(Duration maxOffset) {
      this.clockSkew = maxOffset;
      return this;
    }

    /** The size of every message on the wire (default 1024 bytes), for links with a bandwidth. */
    public Builder messageBytes(int bytes) {
      this.messageBytes = bytes;
      return this;
    }

    /** How recovery after a fault is judged; see {@link Recovery}. */
    public Builder recovery(Duration window, double ratioTolerance, double latencyFactor) {
      this.recoveryWindow = window;
      this.recoveryRatioTolerance = ratioTolerance;
      this.recoveryLatencyFactor = latencyFactor;
      return this;
    }

    public Simulation build() {
      Checks.require(name != null && !name.isBlank(), "sim.name", "is required");
      Checks.require(nodes >= 2, "sim.nodes", "must be >= 2 (was " + nodes + ")");
      Checks.require(connectionsPerNode >= 1, "sim.connectionsPerNode", "must be >= 1 (was " + connectionsPerNode + ")");
      Checks.require(sessions >= 1, "sim.sessions", "must be >= 1 (was " + sessions + ")");
      Checks.positive(duration, "sim.duration");
      Checks.nonNegative(rampUp, "sim.rampUp");
      Checks.require(rampUp.compareTo(duration) < 0, "sim.rampUp",
          "the ramp-up " + Checks.text(rampUp) + " must be shorter than the duration " + Checks.text(duration));
      Checks.positive(deliveryTimeout, "sim.deliveryTimeout");
      Checks.nonNegative(clockSkew, "sim.clockSkew");
      Checks.require(messageBytes > 0, "sim.messageBytes", "must be > 0 (was " + messageBytes + ")");
      Checks.require(!(transport.real() && deterministic), "sim.transport",
          transport.label() + " sockets run in real time only: deterministic mode needs the in-memory network");
      Checks.require(transport != Transport.UDP || messageBytes <= WireFormat.MAX_DATAGRAM, "sim.messageBytes",
          "must be <= " + WireFormat.MAX_DATAGRAM + " over udp, one datagram per message (was " + messageBytes + ")");
      Checks.positive(recoveryWindow, "sim.recoveryWindow");
      Checks.require(recoveryRatioTolerance >= 0 && recoveryRatioTolerance <= 1, "sim.recoveryRatioTolerance",
          "must be between 0 and 1 (was " + recoveryRatioTolerance + ")");
      Checks.require(recoveryLatencyFactor >= 1, "sim.recoveryLatencyFactor",
          "must be >= 1 (was " + recoveryLatencyFactor + ")");
      for (Fault f : faults) {
        Checks.require(f.at().compareTo(duration) < 0, "sim.faults",
            "'" + f.describe() + "' begins after the run ends (" + Checks.text(duration) + ")");
        if (f instanceof Fault.Crash c) {
          Checks.require(c.count() < nodes, "sim.faults", "'" + f.describe() + "' would crash every node");
        }
        if (f instanceof Fault.Pause p) {
          Checks.require(p.count() < nodes, "sim.faults", "'" + f.describe() + "' would pause every node");
        }
      }
      for (long k : links.keySet()) {
        int from = (int) (k >>> 32);
        int to = (int) k;
        Checks.require(from >= 0 && from < nodes && to >= 0 && to < nodes, "sim.links",
            "link " + from + "->" + to + " names a node outside 0.." + (nodes - 1));
      }
      Simulation sim = new Simulation(this);
      // The scenario's own checks (criteria, interval) run now rather than at the start of the run.
      new World(sim, Clock.system(), false).scenario();
      return sim;
    }
  }
}
