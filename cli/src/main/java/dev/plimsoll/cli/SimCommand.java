package dev.plimsoll.cli;

import dev.plimsoll.core.text.TerminalText;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.runner.Runner;
import dev.plimsoll.sim.DeterminismCheck;
import dev.plimsoll.sim.Fault;
import dev.plimsoll.sim.Latency;
import dev.plimsoll.sim.Loss;
import dev.plimsoll.sim.ScaleSweep;
import dev.plimsoll.sim.Simulation;
import dev.plimsoll.sim.SimulationFile;
import dev.plimsoll.sim.SimulationSize;
import dev.plimsoll.sim.Transport;
import dev.plimsoll.core.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    header = "Runs a simulated cluster: many nodes on a simulated network with faults.",
    description = {
        "Simulates nodes running a gossip/relay protocol on an in-memory network, sends messages at a",
        "rate and measures each delivery (latency from the intended send) as the operation 'delivery'.",
        "Sizes: small (10 nodes, 5 connections each, 100 msg/s, 60s), medium (100, 10, 1000 msg/s, 5m),",
        "large (1000, 20, 10000 msg/s, 10m), each with its criteria. Real time unless --deterministic.",
        "--transport tcp|udp carries the messages over real sockets on 127.0.0.1 instead (real time only)."
    })
final class SimCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SIZE|FILE.yaml", description = "small, medium or large, or a simulation file (sim/README.md).")
  String size;

  @Option(names = "--duration", paramLabel = "D", description = "The whole run (e.g. 30s, 5m).")
  Duration duration;

  @Option(names = "--nodes", paramLabel = "N", description = "How many nodes (at least 2), instead of the size's or the file's.")
  Integer nodes;

  @Option(names = "--latency", paramLabel = "DIST", description = "Every link's latency: " + Latency.FORMS + ".")
  String latency;

  @Option(names = "--loss", paramLabel = "P", description = "Every link drops this share of messages (0.01 or 1%%).")
  String loss;

  @Option(names = "--partition-at", paramLabel = "T", description = "Split the nodes in halves at this time.")
  Duration partitionAt;

  @Option(names = "--heal-at", paramLabel = "T", description = "Heal the partition at this time.")
  Duration healAt;

  @Option(names = "--crash", paramLabel = "K", description = "Crash K nodes (chosen with the seed) --at a time.")
  Integer crash;

  @Option(names = "--at", paramLabel = "T", description = "When the --crash nodes crash.")
  Duration crashAt;

  @Option(names = "--restart-at", paramLabel = "T", description = "When the crashed nodes restart.")
  Duration restartAt;

  @Option(names = "--seed", paramLabel = "N", description = "The seed every random draw comes from (default: 42).")
  Long seed;

  @Option(names = "--deterministic", description = "Run on virtual time, one thread: the same seed gives the same run.")
  boolean deterministic;

  @Option(names = "--check-determinism", description = "Run the seed twice deterministically and report the first difference.")
  boolean checkDeterminism;

  @Option(names = "--transport", paramLabel = "memory|tcp|udp",
      description = "What carries the messages: the in-memory network (default), or real TCP or UDP sockets on 127.0.0.1 (real time only).")
  String transport;

  @Option(names = "--sweep", description = "Run it at 2, 4, 8, ... nodes up to its own count, without faults, and print a table.")
  boolean sweep;

  @Mixin OutputOptions output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Simulation sim = simulation();
    PrintStream out = System.out;
    if (checkDeterminism) {
      return check(sim, out);
    }
    if (sweep) {
      out.println("plimsoll: sweeping '" + sim.name() + "' up to " + sim.nodes() + " nodes, "
          + Units.formatDuration(sim.duration()) + " each" + (sim.deterministic() ? " on virtual time" : ""));
      out.println(ScaleSweep.header());
      List<ScaleSweep.Point> points = ScaleSweep.run(sim, point -> out.println(ScaleSweep.row(point)));
      SweepFiles.write(sweepFolder(sim), sim, points, out);
      return ExitCodes.PASSED;
    }
    Simulation.Prepared prepared = sim.prepare();
    Runner.Builder runner = Runner.forScenario(prepared.scenario());
    int code = RunSession.run(runner, output, out);
    // The simulation's own facts (seed, topology, faults, recoveries) are the report's "Simulation" section.
    if (code != ExitCodes.PASSED) {
      out.println("sim: seed " + sim.seed() + "; replay: " + replay(sim.seed())
          + (sim.deterministic() ? "" : " (on virtual time: a real-time run also depends on thread timing)"));
    }
    return code;
  }

  /** Where the sweep's files go: {@code --out}, else a folder of its own under the results folder. */
  private Path sweepFolder(Simulation sim) {
    if (output.out != null) {
      return output.out;
    }
    String safe = sim.name().replaceAll("[^A-Za-z0-9_.-]", "-");
    return OutputOptions.DEFAULT_PARENT.resolve(safe + "-sweep-"
        + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
  }

  private int check(Simulation sim, PrintStream out) {
    out.println("plimsoll: running '" + sim.name() + "' twice with seed " + sim.seed() + " on virtual time");
    DeterminismCheck check = sim.checkDeterminism();
    if (check.deterministic()) {
      out.println("sim: deterministic: both runs had the same " + Units.count(check.events()) + " events");
      return ExitCodes.PASSED;
    }
    out.println("sim: NOT deterministic: " + check.difference().orElseThrow());
    out.println("sim: seed " + sim.seed() + "; replay: " + replay(sim.seed()));
    return ExitCodes.FAILED;
  }

  /** The simulation the arguments ask for; every mistake is reported before anything runs. */
  Simulation simulation() {
    Simulation.Builder b;
    String lower = size.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      Path file = Path.of(size);
      if (!Files.isRegularFile(file)) {
        throw new UserException("no simulation file at " + file);
      }
      try {
        b = SimulationFile.read(file);
      } catch (InvalidConfigurationException e) {
        throw new UserException(file + ": " + e.getMessage());
      }
    } else {
      b = SimulationSize.named(size).builder();
    }
    if (duration != null) {
      b.duration(duration);
    }
    if (nodes != null) {
      if (nodes < 2) {
        throw new UserException("--nodes must be at least 2 (was " + nodes + ")");
      }
      b.nodes(nodes);
    }
    if (latency != null) {
      b.latency(Latency.parse(latency));
    }
    if (loss != null) {
      b.loss(Loss.random(probability(loss)));
    }
    if (healAt != null && partitionAt == null) {
      throw new UserException("--heal-at needs --partition-at");
    }
    if (partitionAt != null) {
      b.fault(Fault.partition(partitionAt, healAt));
    }
    if ((crash == null) != (crashAt == null)) {
      throw new UserException("--crash K and --at T go together");
    }
    if (restartAt != null && crash == null) {
      throw new UserException("--restart-at needs --crash and --at");
    }
    if (crash != null) {
      b.fault(new Fault.Crash(crash, crashAt, restartAt));
    }
    if (seed != null) {
      b.seed(seed);
    }
    if (transport != null) {
      b.transport(transport(transport));
    }
    if (deterministic || checkDeterminism) {
      b.deterministic(true); // without the flags, a file's own 'deterministic' stands
    }
    return b.build();
  }

  /** The transport asked for; a real one refuses the virtual-time options before anything runs. */
  private Transport transport(String text) {
    Transport t;
    try {
      t = Transport.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserException("--transport must be memory, tcp or udp (was '" + text + "')");
    }
    if (t.real() && (deterministic || checkDeterminism)) {
      throw new UserException("--transport " + t.label() + " runs in real time only: it cannot be combined with "
          + (checkDeterminism ? "--check-determinism" : "--deterministic"));
    }
    return t;
  }

  private static double probability(String text) {
    String t = text.strip();
    try {
      double p = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
      if (p >= 0 && p <= 1) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserException("--loss must be a share between 0 and 1, or a percentage (was '" + text + "')");
  }

  /** This command line again, with the seed and on virtual time. */
  private String replay(long runSeed) {
    List<String> args = new ArrayList<>(List.of("plimsoll", "sim"));
    List<String> all = spec.commandLine().getParseResult().originalArgs();
    // The original arguments are the whole command line's: this command's follow its name.
    List<String> given = all.subList(all.indexOf(spec.name()) + 1, all.size());
    for (int i = 0; i < given.size(); i++) {
      String a = given.get(i);
      if (a.equals("--seed") || a.equals("--transport")) {
        i++; // the replay runs on virtual time, over the in-memory network
      } else if (!a.startsWith("--seed=") && !a.startsWith("--transport=") && !a.equals("--deterministic") && !a.equals("--check-determinism")) {
        args.add(a);
      }
    }
    args.add("--seed");
    args.add(Long.toString(runSeed));
    args.add("--deterministic");
    return TerminalText.escape(String.join(" ", args));
  }
}
