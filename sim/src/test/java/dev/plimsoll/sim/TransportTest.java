package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.Clock;
import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.metrics.OperationStats;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The real transports: TCP and UDP sockets on 127.0.0.1, short real-time runs. */
class TransportTest {

  /** A run through its world, to look at the transport afterwards. */
  private record Run(World world, SimResult result) {}

  private static Run run(Simulation sim) {
    World world = new World(sim, Clock.system(), false);
    return new Run(world, world.result(Plimsoll.run(world.scenario())));
  }

  /**
   * {@code perSecond} until half a second before the end of a run of {@code seconds}, then nothing:
   * the run's end cuts off no message on its way (the run ends with the load, not with the deliveries).
   */
  private static RateProfile quietAtTheEnd(double perSecond, double seconds) {
    return RateProfile.custom(perSecond + "/s, none in the last 0.5s", t -> t < seconds - 0.5 ? perSecond : 0);
  }

  private static OperationStats delivery(SimResult r) {
    return r.run().operation("delivery").orElseThrow();
  }

  /** The process's open sockets, from the kernel's view of its file descriptors; -1 where there is none. */
  private static long socketsOfThisProcess() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return -1;
    }
    try (Stream<Path> all = Files.list(fds)) {
      return all.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException gone) {
          return false; // closed while listed
        }
      }).count();
    }
  }

  @Test
  void theSmallScenarioOverTcpDeliversEverythingAndLeavesNothingOpen() throws IOException {
    long socketsBefore = socketsOfThisProcess();
    Run run = run(Simulation.preset("small").duration(Duration.ofSeconds(3))
        .rate(quietAtTheEnd(100, 3)).transport(Transport.TCP).build());
    SimResult r = run.result();
    assertThat(r.sends()).isBetween(240L, 250L);
    assertThat(r.delivered()).isEqualTo(r.expectedDeliveries()).isEqualTo(r.sends());
    assertThat(r.totals().lost()).isZero();
    assertThat(r.totals().received()).isEqualTo(r.totals().sent());
    assertThat(delivery(r).failed()).isZero();
    assertThat(r.describe()).anySatisfy(line -> assertThat(line)
        .startsWith("links: uniform(5ms,15ms), loss none; over tcp on 127.0.0.1: " + r.sends() + " frames written, " + r.sends()
            + " read, 0 lost in flight, 0 refused"));
    // The socket adds its own time to the simulated latency, never takes any away.
    assertThat(delivery(r).responseTime().stats().minMs()).isGreaterThanOrEqualTo(4.99);
    assertThat(run.world().wire().liveThreads()).isZero();
    assertThat(run.world().wire().openSockets()).isZero();
    if (socketsBefore >= 0) {
      assertThat(socketsOfThisProcess()).isEqualTo(socketsBefore);
    }
  }

  @Test
  void overUdpEveryMessageIsDeliveredOrCountedAsLost() throws IOException {
    long socketsBefore = socketsOfThisProcess();
    Run run = run(Simulation.builder("udp").nodes(10).connectionsPerNode(5).rate(quietAtTheEnd(200, 3))
        .duration(Duration.ofSeconds(3)).seed(5).loss(Loss.random(0.05)).transport(Transport.UDP)
        .deliveryTimeout(Duration.ofMillis(400)).build()); // every loss times out, and is recorded, before the end
    SimResult r = run.result();
    // Unicast to a peer: one datagram per message, so every message is one delivery or one loss.
    assertThat(r.delivered() + r.totals().lost()).isEqualTo(r.expectedDeliveries());
    assertThat(r.totals().sent()).isEqualTo(r.totals().received() + r.totals().lost());
    assertThat(delivery(r).succeeded()).isEqualTo(r.delivered());
    assertThat(delivery(r).failed()).isEqualTo(r.expectedDeliveries() - r.delivered());
    assertThat(r.totals().lost()).isBetween(r.sends() / 50, r.sends() / 8); // the simulated 5 %, and any the kernel dropped
    assertThat(run.world().wire().liveThreads()).isZero();
    assertThat(run.world().wire().openSockets()).isZero();
    if (socketsBefore >= 0) {
      assertThat(socketsOfThisProcess()).isEqualTo(socketsBefore);
    }
  }

  @Test
  void gossipOverTcpDeliversWhatTheInMemoryNetworkDelivers() {
    Simulation.Builder gossip = Simulation.builder("gossip").nodes(10).connectionsPerNode(4).rate(quietAtTheEnd(100, 2))
        .duration(Duration.ofSeconds(2)).seed(11).traffic(Traffic.BROADCAST)
        .link(LinkConditions.of(Latency.constant(Duration.ofMillis(10))));
    SimResult memory = gossip.build().run();
    SimResult tcp = gossip.transport(Transport.TCP).build().run();
    for (SimResult r : List.of(memory, tcp)) {
      // Every node hears every broadcast once and relays it once to all its peers but the one it
      // heard it from: 2 x connections - (nodes - 1) transmissions per message, whatever the order,
      // unless a busy machine made a node hear it first by a path of the hop limit (then it relays none).
      int perMessage = 2 * r.topology().connections() - (r.topology().nodes() - 1);
      assertThat(r.delivered()).as(String.join("; ", r.describe())).isEqualTo(r.expectedDeliveries()).isEqualTo(r.sends() * 9);
      assertThat(r.duplicates()).isZero();
      assertThat(r.totals().sent()).isBetween(r.sends() * perMessage * 99 / 100, r.sends() * perMessage);
      assertThat(r.totals().lost()).isZero();
    }
    assertThat(tcp.topology()).isEqualTo(memory.topology());
    assertThat(tcp.sends()).isCloseTo(memory.sends(), org.assertj.core.api.Assertions.within(10L));
  }

  @Test
  void aCrashClosesTheNodesSocketsAndDeliveryToItStops() throws Exception {
    Simulation sim = Simulation.builder("crash").nodes(6).connectionsPerNode(3).rate(quietAtTheEnd(300, 3))
        .duration(Duration.ofSeconds(3)).seed(2).transport(Transport.TCP)
        .fault(Fault.crash(2, Duration.ofSeconds(1))).build();
    World world = new World(sim, Clock.system(), false);
    TcpWire wire = (TcpWire) world.wire();
    CompletableFuture<SimResult> running = CompletableFuture.supplyAsync(
        () -> world.result(Plimsoll.run(world.scenario())), r -> Thread.ofPlatform().start(r));
    Map<Integer, InetSocketAddress> listening = new HashMap<>();
    List<Integer> crashed = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    // Before the crash every node listens; after it, two have no socket open at all.
    while (crashed.size() < 2 && System.nanoTime() < deadline && !running.isDone()) {
      crashed.clear();
      for (int n = 0; n < 6; n++) {
        InetSocketAddress address = wire.address(n);
        if (address != null) {
          listening.put(n, address);
        } else if (listening.containsKey(n) && wire.openSockets(n) == 0) {
          crashed.add(n);
        }
      }
      Thread.sleep(20);
    }
    assertThat(crashed).hasSize(2);
    AtomicLongArray arrivedBefore = arrivalsAt(world, crashed);
    for (int n : crashed) {
      // The kernel agrees: nothing listens on the crashed node's port.
      assertThatThrownBy(() -> SocketChannel.open(listening.get(n)).close()).isInstanceOf(ConnectException.class);
    }
    SimResult r = running.get(20, TimeUnit.SECONDS);
    AtomicLongArray arrivedAfter = arrivalsAt(world, crashed);
    for (int i = 0; i < arrivedBefore.length(); i++) {
      assertThat(arrivedAfter.get(i)).isEqualTo(arrivedBefore.get(i));
    }
    assertThat(r.totals().lost()).isPositive(); // the messages the live nodes sent them
    // A message the load gave a node just before it crashed never left it: neither sent nor lost.
    assertThat(r.delivered() + r.totals().lost()).isBetween(r.expectedDeliveries() - 3, r.expectedDeliveries());
    // The result's Simulation section was written after the sockets closed, their losses counted.
    assertThat(r.run().section(SimulationSection.KEY).orElseThrow().data("links")).isEqualTo(r.network());
    assertThat(wire.liveThreads()).isZero();
    assertThat(wire.openSockets()).isZero();
  }

  @Test
  void aRestartedNodeListensOnANewPortAndIsReachedAgain() throws Exception {
    Simulation sim = Simulation.builder("restart").nodes(6).connectionsPerNode(3).rate(quietAtTheEnd(300, 3))
        .duration(Duration.ofSeconds(3)).seed(4).transport(Transport.TCP)
        .fault(Fault.crash(1, Duration.ofMillis(800)).restartAt(Duration.ofMillis(1300))).build();
    World world = new World(sim, Clock.system(), false);
    TcpWire wire = (TcpWire) world.wire();
    CompletableFuture<SimResult> running = CompletableFuture.supplyAsync(
        () -> world.result(Plimsoll.run(world.scenario())), r -> Thread.ofPlatform().start(r));
    Map<Integer, InetSocketAddress> first = new HashMap<>();
    int restarted = -1;
    boolean sawItDown = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (restarted < 0 && System.nanoTime() < deadline && !running.isDone()) {
      for (int n = 0; n < 6; n++) {
        InetSocketAddress address = wire.address(n);
        if (address == null && first.containsKey(n)) {
          sawItDown = true;
        } else if (address != null && first.containsKey(n) && !address.equals(first.get(n))) {
          restarted = n;
        } else if (address != null) {
          first.putIfAbsent(n, address);
        }
      }
      Thread.sleep(10);
    }
    assertThat(restarted).isNotNegative();
    assertThat(sawItDown).isTrue();
    AtomicLongArray atRestart = arrivalsAt(world, List.of(restarted));
    SimResult r = running.get(20, TimeUnit.SECONDS);
    AtomicLongArray atEnd = arrivalsAt(world, List.of(restarted));
    long before = 0;
    long after = 0;
    for (int i = 0; i < atEnd.length(); i++) {
      before += atRestart.get(i);
      after += atEnd.get(i);
    }
    assertThat(after).isGreaterThan(before); // its peers reconnected to its new port
    // Only the messages of the half second it was down, and a few on broken connections, are lost.
    assertThat(r.deliveryRatio()).isGreaterThan(0.8).isLessThan(1.0);
    assertThat(r.delivered() + r.totals().lost()).isBetween(r.expectedDeliveries() - 3, r.expectedDeliveries());
    assertThat(wire.liveThreads()).isZero();
    assertThat(wire.openSockets()).isZero();
  }

  /** How many messages came out of a socket into each of {@code nodes}, link by link. */
  private static AtomicLongArray arrivalsAt(World world, List<Integer> nodes) {
    List<Long> counts = new ArrayList<>();
    for (int to : nodes) {
      for (int from = 0; from < world.size(); from++) {
        Link link = world.node(from).linkTo(to);
        counts.add(link == null ? 0 : link.counters().arrived());
      }
    }
    return new AtomicLongArray(counts.stream().mapToLong(Long::longValue).toArray());
  }

  @Test
  void aPartitionStopsDatagramsAcrossItUntilItHeals() {
    // Nodes 0-3 and 4-7 are cut apart from 1 s to 2 s; every message that crosses is noted by its intended send.
    java.util.Queue<Long> across = new java.util.concurrent.ConcurrentLinkedQueue<>();
    Simulation sim = Simulation.builder("partition").nodes(8).connectionsPerNode(3).rate(quietAtTheEnd(300, 3.5))
        .duration(Duration.ofMillis(3500)).seed(6).transport(Transport.UDP).deliveryTimeout(Duration.ofMillis(400))
        .fault(Fault.partition(Duration.ofSeconds(1), Duration.ofSeconds(2)))
        .protocol(() -> new Protocol() {
          @Override
          public void onSend(Node node, Message m) {
            node.send(m.destination(), m);
          }

          @Override
          public void onMessage(Node node, int from, Message m) {
            if ((from < 4) != (node.id() < 4)) {
              across.add(m.intendedNanos());
            }
            node.deliver(m);
          }
        }).build();
    Run run = run(sim);
    SimResult r = run.result();
    long origin = run.world().originNanos();
    long ms = 1_000_000L;
    // A message meant for the cut's last 100 ms may leave late enough, on a busy machine, to cross after the heal.
    assertThat(across).noneMatch(at -> at - origin >= 1_000 * ms && at - origin < 1_900 * ms);
    assertThat(across).anyMatch(at -> at - origin < 1_000 * ms);
    assertThat(across).anyMatch(at -> at - origin > 2_000 * ms);
    assertThat(r.totals().lost()).isPositive();
    assertThat(r.delivered() + r.totals().lost()).isEqualTo(r.expectedDeliveries());
  }

  @Test
  void aPayloadTheWireCannotCarryFailsTheHandlerAndIsLost() {
    SimResult r = Simulation.builder("payload").nodes(2).connectionsPerNode(1).rate(20)
        .duration(Duration.ofSeconds(1)).transport(Transport.UDP)
        .protocol(() -> new Protocol() {
          @Override
          public void onSend(Node node, Message m) {
            node.send(m.destination(), m.withPayload(new Object()));
          }

          @Override
          public void onMessage(Node node, int from, Message m) {
            node.deliver(m);
          }
        }).build().run();
    assertThat(r.delivered()).isZero();
    assertThat(r.totals().lost()).isEqualTo(r.sends());
    assertThat(r.handlerFailures()).isEqualTo(r.sends());
    assertThat(r.firstHandlerFailure()).hasValueSatisfying(f -> assertThat(f).isEqualTo(
        "java.lang.IllegalArgumentException: a payload of type java.lang.Object cannot cross a real transport"
            + " (payloads: null, String, byte[], Integer, Long, Double, Boolean)"));
  }

  @Test
  void realTransportsRefuseVirtualTimeAndOversizeDatagrams() {
    assertThatThrownBy(() -> Simulation.builder("t").transport(Transport.TCP).deterministic(true).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("sim.transport: tcp sockets run in real time only: deterministic mode needs the in-memory network");
    Simulation udp = Simulation.builder("u").transport(Transport.UDP).build();
    assertThatThrownBy(udp::checkDeterminism).isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("sim.transport: udp sockets run in real time only");
    assertThatThrownBy(() -> Simulation.builder("u").transport(Transport.UDP).messageBytes(70_000).build())
        .hasMessage("sim.messageBytes: must be <= 65507 over udp, one datagram per message (was 70000)");
    assertThat(Simulation.builder("t").transport(Transport.TCP).messageBytes(70_000).build().describe())
        .contains("; over tcp on loopback; seed 42, real time");
    assertThatThrownBy(() -> Transport.parse("quic"))
        .hasMessage("unknown transport 'quic' (transports: memory, tcp, udp)");
    assertThat(Transport.parse(" UDP ")).isEqualTo(Transport.UDP);
  }
}
