package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    refused("--nodes must be at least 2 (was 1)", "sim", "small", "--nodes", "1");
  }

  @Test
  void nodesOverridesTheSizesCountAndEveryMessageIsAccountedFor() throws Exception {
    // The path a 10,000-node run takes, at 2,000 nodes: 10,000 messages a second for 2 s, all delivered.
    CliRunner.Outcome o = CliRunner.run("sim", "large", "--nodes", "2000", "--deterministic", "--duration", "2s",
        "--no-progress", "--out", dir.toString());
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCodes.PASSED);
    assertThat(o.out())
        .contains("\n  topology  2000 nodes, ")
        .contains("\n  delivery  20,000 of 20,000 (100%), 0 lost, 0 in flight at the end, 0 duplicates, 0 late");
    JsonNode delivery = new ObjectMapper().readTree(dir.resolve("result.json").toFile())
        .at("/sections/simulation/data/delivery");
    assertThat(delivery.get("delivered").asLong()).isEqualTo(20_000);
    assertThat(delivery.get("lost").asLong()).isZero();
    assertThat(delivery.get("inFlightAtEnd").asLong()).isZero();
  }

  @Test
  void lostMessagesFailTheErrorRateNotTheLatency() {
    // 3 % of messages lost: over the small size's 1 % error rate, but p95 stays the links' own.
    CliRunner.Outcome o = CliRunner.run("sim", "small", "--deterministic", "--duration", "20s", "--loss", "3%",
        "--no-progress", "--out", dir.toString());
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(o.out()).containsPattern("delivery.error_rate < 1% +[23](\\.\\d+)?% +FAIL")
        .containsPattern("delivery.p95 < 50ms +1[345](\\.\\d+)? ms +PASS")
        .contains("dev.plimsoll.sim.LostMessage")
        .contains(" in flight at the end");
  }

  @Test
  void aFilesDeterministicSettingStandsWithoutTheFlag() throws Exception {
    Path file = dir.resolve("det.yaml");
    Files.writeString(file, "nodes: 4\nconnectionsPerNode: 3\nrate: 20/s\nduration: 2s\ndeterministic: true\n");
    CliRunner.Outcome o = CliRunner.run("sim", file.toString(), "--no-progress", "--out", dir.resolve("o").toString());
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCodes.PASSED);
    assertThat(o.out()).contains("\n  seed      42, deterministic (");
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
  void aSweepPrintsOneRowPerSizeAndChartsThem() throws Exception {
    Path out = dir.resolve("sweep");
    CliRunner.Outcome o = CliRunner.run("sim", "small", "--sweep", "--deterministic", "--duration", "3s",
        "--out", out.toString());
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCodes.PASSED);
    assertThat(o.out().lines().filter(l -> l.matches(" +\\d+ +[0-9,]+ .*"))).hasSize(4); // 2, 4, 8, 10 nodes
    assertThat(o.out()).contains("sweep: " + out.resolve("sweep.html") + "  " + out.resolve("sweep.csv"));
    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    assertThat(csv).hasSize(5);
    assertThat(csv.get(0)).isEqualTo("nodes,delivered,delivered_per_second,error_rate,p50_ms,p95_ms,p99_ms,wall_s");
    assertThat(csv.subList(1, 5)).extracting(l -> l.substring(0, l.indexOf(','))).containsExactly("2", "4", "8", "10");
    // 100 messages a second for 3 s at every size: every one delivered.
    assertThat(csv.subList(1, 5)).allSatisfy(l -> assertThat(l.split(",")[1]).isEqualTo("300"));
    assertThat(Files.readString(out.resolve("sweep.json"))).contains("\"nodes\" : 10", "\"delivered\" : 300");
    assertThat(Files.readString(out.resolve("sweep.html")))
        .contains("\"id\":\"sweep-throughput\"", "\"id\":\"sweep-latency\"", "\"x\":[2,4,8,10]");
  }

  @Test
  void theDeterminismCheckRunsTheSeedTwice() {
    CliRunner.Outcome o = CliRunner.run("sim", "small", "--duration", "5s", "--check-determinism", "--seed", "3");
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(ExitCodes.PASSED);
    assertThat(o.out()).containsPattern("sim: deterministic: both runs had the same [0-9,]+ events");
  }
}
