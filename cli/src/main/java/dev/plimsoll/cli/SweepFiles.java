package dev.plimsoll.cli;

import dev.plimsoll.core.text.TerminalText;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.report.html.SweepReport;
import dev.plimsoll.sim.ScaleSweep;
import dev.plimsoll.sim.Simulation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A scale sweep's files: {@code sweep.csv}, {@code sweep.json} and the chart page {@code sweep.html}. */
final class SweepFiles {
  static final String CSV = "sweep.csv";
  static final String JSON = "sweep.json";
  static final String HTML = "sweep.html";

  private SweepFiles() {}

  /** Writes the three files into {@code folder} (made if missing) and prints their paths. */
  static void write(Path folder, Simulation base, List<ScaleSweep.Point> points, PrintStream out) {
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(CSV), ScaleSweep.csv(points), StandardCharsets.UTF_8);
      Files.writeString(folder.resolve(JSON), ScaleSweep.json(base, points), StandardCharsets.UTF_8);
      List<SweepReport.Point> charted = points.stream()
          .map(p -> new SweepReport.Point(p.nodes(), p.deliveredPerSecond(), p.errorRate(), p.p50Ms(), p.p95Ms(),
              p.p99Ms()))
          .toList();
      SweepReport.write(folder.resolve(HTML), "Scale sweep: " + base.name(),
          Units.formatDuration(base.duration()) + " at each size, "
              + (base.deterministic() ? "on virtual time" : "in real time") + "; " + base.describe(),
          "delivered", charted);
    } catch (IOException e) {
      throw new UserException("cannot write the sweep's files to " + folder + ": " + e.getMessage());
    }
    out.println("sweep: " + TerminalText.escape(folder.resolve(HTML) + "  " + folder.resolve(CSV) + "  "
        + folder.resolve(JSON)));
  }
}
