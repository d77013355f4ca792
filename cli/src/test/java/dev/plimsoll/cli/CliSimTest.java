package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plimsoll sim}: a simulated cluster from the command line, its bad input, its replay line. */
class CliSimTest {
  @TempDir Path dir;

  private static void refused(String message, String... args) {
    CliRunner.Outcome o = CliRunner.run(args);
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).isEqualTo("plimsoll: " + message + "\n");
  }

  @Test
  void badInputGetsOneLineAndExitTwo() {
    refused("sim.size: unknown size 'huge' (sizes: small, medium, large)", "sim", "huge");
    refused("--loss must be a share between 0 and 1, or a percentage (was '2')", "sim", "small", "--loss", "2");
    refused("--heal-at needs --partition-at", "sim", "small", "--heal-at", "5s");
    refused("--crash K and --at T go together", "sim", "small", "--crash", "3");
    refused("sim.faults: 'crash 10 nodes at 1s' would crash every node", "sim", "small", "--crash", "10", "--at", "1s");
    refused("latency: cannot read 'soon' (forms: 10ms, constant(10ms), uniform(5ms,15ms), normal(20ms,5ms),"
        + " exponential(10ms), pareto(5ms,1.5))", "sim", "small", "--latency", "soon");
  }

  @Test
  void aDeterministicRunReportsItsDeliveriesFaultsAndRecovery() throws Exception {
    CliRunner.Outcome o = CliRunner.run("sim", "small", "--deterministic", "--duration", "20s", "--seed", "7",
        "--latency", "uniform(2ms,8ms)", "--loss", "0.5%", "--partition-at", "5s", "--heal-at", "8s",
        "--no-progress", "--out", dir.toString());
    // Half the links are cut for 3 of 20 s: more than 1 % of deliveries fail, so the run fails.
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(o.out())
        .contains("delivery.error_rate < 1%")
        .contains("\nSimulation\n  seed      7, deterministic (")
        .contains("\n  links     uniform(2ms,8ms), loss random(0.005)\n")
        .contains("\n  fault     partition first half | rest at 5s, healed at 8s\n")
        .contains("\n  recovery  partition first half | rest at 5s, healed at 8s: recovered 0s after 8s\n")
        .contains("sim: seed 7; replay: plimsoll sim small --duration 20s --latency uniform(2ms,8ms) --loss 0.5%"
            + " --partition-at 5s --heal-at 8s --no-progress --out " + dir + " --seed 7 --deterministic");
    JsonNode sim = new ObjectMapper().readTree(dir.resolve("result.json").toFile()).at("/sections/simulation/data");
    assertThat(sim.get("seed").asLong()).isEqualTo(7);
    assertThat(sim.at("/topology/nodes").asInt()).isEqualTo(10);
    assertThat(sim.at("/topology/edges")).hasSize(25);
    assertThat(sim.at("/faults/0/kind").asText()).isEqualTo("partition");
    assertThat(sim.at("/faults/0/untilS").asDouble()).isEqualTo(8.0);
    assertThat(sim.at("/faults/0/nodes").toString()).isEqualTo("[0,1,2,3,4]");
    assertThat(sim.at("/recoveries/0/recoveredAfterS").asDouble()).isEqualTo(0.0);
    assertThat(Files.readString(dir.resolve("report.md"))).contains("## Simulation");
  }

  @Test
  void aSimulationFileRunsAndItsMistakesNameFileAndField() throws Exception {
    Path file = dir.resolve("cluster.yaml");
    Files.writeString(file, "nodes: 8\nrate: 50/s\nduration: 4s\ndeterministic: true\ncriteria: [delivery.p95 < 1s]\n");
    CliRunner.Outcome o = CliRunner.run("sim", file.toString(), "--no-progress", "--out", dir.resolve("out").toString());
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCodes.PASSED);
    assertThat(o.out()).contains("plimsoll: running 'cluster' for 4s").contains("  topology  8 nodes");
    Files.writeString(file, "nodes: 8\nlink: {los: 0.1}\n");
    refused(file + ": link.los: unknown setting (settings here: bandwidth, correlation, duplicate, jitter, latency, loss, queueLimit, reorder)",
        "sim", file.toString());
    refused("no simulation file at " + dir.resolve("none.yaml"), "sim", dir.resolve("none.yaml").toString());
  }

  @Test
  void aRealTransportRunsOverLoopbackAndRefusesVirtualTime() throws Exception {
    CliRunner.Outcome o = CliRunner.run("sim", "small", "--transport", "tcp", "--duration", "2s", "--no-progress",
        "--out", dir.toString());
    assertThat(o.out()).as(o.out() + o.err()).contains("plimsoll: running 'small' for 2s")
        .containsPattern("\n  links     uniform\\(5ms,15ms\\), loss none; over tcp on 127\\.0\\.0\\.1: [0-9,]+ frames written");
    refused("--transport must be memory, tcp or udp (was 'quic')", "sim", "small", "--transport", "quic");
    refused("--transport udp runs in real time only: it cannot be combined with --deterministic",
        "sim", "small", "--transport", "udp", "--deterministic");
    refused("--transport tcp runs in real time only: it cannot be combined with --check-determinism",
        "sim", "small", "--transport", "tcp", "--check-determinism");
    Path file = dir.resolve("sockets.yaml");
    Files.writeString(file, "nodes: 4\ntransport: carrier-pigeon\n");
    refused(file + ": transport: unknown transport 'carrier-pigeon' (transports: memory, tcp, udp)", "sim", file.toString());
    Files.writeString(file, "nodes: 4\ntransport: udp\ndeterministic: true\n");
    refused("sim.transport: udp sockets run in real time only: deterministic mode needs the in-memory network",
        "sim", file.toString());
  }

  @Test
  void aSweepPrintsOneRowPerSize() {
    CliRunner.Outcome o = CliRunner.run("sim", "small", "--sweep", "--deterministic", "--duration", "3s");
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCodes.PASSED);
    assertThat(o.out().lines().filter(l -> l.matches(" +\\d+ +[0-9,]+ .*"))).hasSize(4); // 2, 4, 8, 10 nodes
  }

  @Test
  void theDeterminismCheckRunsTheSeedTwice() {
    CliRunner.Outcome o = CliRunner.run("sim", "small", "--duration", "5s", "--check-determinism", "--seed", "3");
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCodes.PASSED);
    assertThat(o.out()).containsPattern("sim: deterministic: both runs had the same [0-9,]+ events");
  }
}
