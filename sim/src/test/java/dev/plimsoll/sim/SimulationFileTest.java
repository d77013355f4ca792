package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulations written in YAML: every setting read, every mistake named. */
class SimulationFileTest {
  @TempDir Path dir;

  private Simulation read(String yaml) throws IOException {
    Path file = dir.resolve("cluster.yaml");
    Files.writeString(file, yaml);
    return SimulationFile.read(file).build();
  }

  @Test
  void theTransportIsReadAndAMistakeNamesIt() throws IOException {
    assertThat(read("transport: tcp\n").transport()).isEqualTo(Transport.TCP);
    assertThat(read("transport: UDP\n").transport()).isEqualTo(Transport.UDP);
    assertThat(read("nodes: 4\n").transport()).isEqualTo(Transport.MEMORY);
    assertThatThrownBy(() -> read("transport: quic\n")).isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("transport: unknown transport 'quic' (transports: memory, tcp, udp)");
    assertThatThrownBy(() -> read("transport: [tcp]\n")).hasMessage("transport: is required as a value");
  }

  @Test
  void everySettingIsRead() throws IOException {
    Simulation sim = read("""
        name: gossip
        nodes: 50
        connectionsPerNode: 6
        rampUp: 2s
        rate: 300/s
        duration: 30s
        traffic: broadcast
        sessions: 2
        seed: 9
        deterministic: true
        deliveryTimeout: 500ms
        clockSkew: 5ms
        link:
          latency: normal(20ms,5ms)
          jitter: 2ms
          loss: {goodToBad: 0.05, badToGood: 0.25, lossInGood: 0, lossInBad: 0.9}
          duplicate: 0.001
          reorder: 0.01
        faults:
          - partition: {at: 10s, healAt: 15s, oneWay: true}
          - crash: {nodes: 5, at: 20s, restartAt: 25s}
          - pause: {nodes: 2, at: 26s, resumeAt: 27s}
        criteria:
          - delivery.p95 < 100ms
        """);
    assertThat(sim.describe()).isEqualTo("gossip: 50 nodes, 6 connections each, constant 300/s broadcast for 30s;"
        + " links normal(20ms,5ms) ±2ms, loss gilbert-elliott(0.05,0.25,0.0,0.9), duplicate 0.001, reorder 0.01;"
        + " faults: one-way partition first half | rest at 10s, healed at 15s; crash 5 nodes at 20s, restarted at 25s;"
        + " pause 2 nodes at 26s, resumed at 27s; clock skew up to 5ms; seed 9, deterministic");
    assertThat(sim.rampUp()).isEqualTo(Duration.ofSeconds(2));
    assertThat(sim.sessions()).isEqualTo(2);
    assertThat(sim.deliveryTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(sim.criteria()).containsExactly("delivery.p95 < 100ms");
  }

  @Test
  void aSizeIsTheStartingPoint() throws IOException {
    Simulation sim = read("""
        size: small
        duration: 10s
        link: {loss: 0.01}
        """);
    assertThat(sim.name()).isEqualTo("small");
    assertThat(sim.nodes()).isEqualTo(10);
    assertThat(sim.link().describe()).isEqualTo("uniform(5ms,15ms), loss random(0.01)");
    assertThat(sim.criteria()).containsExactly("delivery.error_rate < 1%", "delivery.p95 < 50ms");
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> read("nodez: 5\n")).isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("nodez: unknown setting (settings here: clockSkew, connectionsPerNode, criteria, deliveryTimeout,");
    assertThatThrownBy(() -> read("link: {latncy: 5ms}\n"))
        .hasMessage("link.latncy: unknown setting (settings here: bandwidth, correlation, duplicate, jitter, latency, loss, queueLimit, reorder)");
    assertThatThrownBy(() -> read("duration: soon\n")).hasMessageStartingWith("duration: ");
    assertThatThrownBy(() -> read("nodes: many\n")).hasMessage("nodes: must be a whole number (was \"many\")");
    assertThatThrownBy(() -> read("faults: [{quake: {at: 1s}}]\n"))
        .hasMessage("faults[0]: unknown fault 'quake' (faults: partition, crash, pause)");
    assertThatThrownBy(() -> read("faults: [{crash: {nodes: 2}}]\n")).hasMessage("faults[0].crash.at: is required as a value");
    assertThatThrownBy(() -> read("traffic: multicast\n")).hasMessageStartingWith("traffic: ");
    assertThatThrownBy(() -> read("- a\n- b\n")).hasMessageEndingWith("cluster.yaml: must be a YAML mapping of settings");
  }
}
