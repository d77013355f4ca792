package dev.plimsoll.cli;

import dev.plimsoll.dashboard.Dashboard;
import dev.plimsoll.prometheus.PrometheusAddress;
import dev.plimsoll.prometheus.PrometheusEndpoint;
import dev.plimsoll.report.Reports;
import dev.plimsoll.results.ResultFiles;
import dev.plimsoll.runner.ResultsFolderException;
import dev.plimsoll.runner.Runner;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a run's result files go, which are written, what is served live, and whether progress is shown. */
final class OutputOptions {
  /** Where runs without {@code --out} put their results, each in a folder of its own. */
  static final Path DEFAULT_PARENT = Path.of("plimsoll-results");

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Directory for result.json and the report files (default: plimsoll-results/<name>-<timestamp>).")
  Path out;

  @Option(names = "--no-progress", description = "Do not show live progress.")
  boolean noProgress;

  @Option(
      names = "--report",
      paramLabel = "NAMES",
      split = ",",
      completionCandidates = ReportNames.class,
      description = "The report files to write, comma-separated, from: ${COMPLETION-CANDIDATES}"
          + " (default: all). " + ResultFiles.FILE_NAME + " is always written: it is the record every"
          + " report can be rendered from again (plimsoll report).")
  List<String> reports;

  @Option(
      names = "--prometheus",
      paramLabel = "[HOST:]PORT",
      description = "Serve live metrics for Prometheus at http://HOST:PORT/metrics while the run goes"
          + " (HOST: " + PrometheusAddress.DEFAULT_HOST + " unless given; docs/outputs.md lists the metrics).")
  String prometheus;

  @Option(
      names = "--dashboard",
      paramLabel = "[HOST:]PORT",
      description = "Serve a live dashboard at http://HOST:PORT/ while the run goes, and its report when it ends"
          + " (HOST: " + PrometheusAddress.DEFAULT_HOST + " unless given; docs/dashboard.md).")
  String dashboard;

  /** The names {@code --report} accepts, for its help: every reporter found, and their aliases. */
  static final class ReportNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Reports.knownNames().iterator();
    }
  }

  /**
   * Starts serving metrics for Prometheus if {@code --prometheus} asks for it, before anything is
   * sent, so that a port already taken stops the run from starting; null otherwise.
   */
  PrometheusEndpoint startPrometheus() {
    if (prometheus == null) {
      return null;
    }
    PrometheusAddress address;
    try {
      address = PrometheusAddress.parse(prometheus);
    } catch (IllegalArgumentException e) {
      throw new UserException("--prometheus " + e.getMessage());
    }
    try {
      return PrometheusEndpoint.start(address);
    } catch (UncheckedIOException e) {
      throw new UserException("--prometheus: " + e.getMessage());
    }
  }

  /**
   * Starts the live dashboard if {@code --dashboard} asks for it, before anything is sent, so that
   * a port already taken stops the run from starting; null otherwise.
   */
  Dashboard startDashboard() {
    if (dashboard == null) {
      return null;
    }
    // The same [host:]port, loopback by default, as --prometheus.
    PrometheusAddress address;
    try {
      address = PrometheusAddress.parse(dashboard);
    } catch (IllegalArgumentException e) {
      throw new UserException("--dashboard " + e.getMessage());
    }
    try {
      return Dashboard.start(new InetSocketAddress(address.host(), address.port()));
    } catch (UncheckedIOException e) {
      throw new UserException("--dashboard: " + e.getMessage());
    }
  }

  /**
   * The dry run's plan, refusing an output folder the run would refuse; request bodies as written
   * only when {@code showBodies} ({@code --show-bodies}), else by size and shape.
   */
  String describe(Runner.Builder runner, boolean showBodies) {
    applyTo(runner);
    try {
      return runner.build().describe(showBodies);
    } catch (ResultsFolderException e) {
      throw inOptionWords(e);
    }
  }

  /** A results folder problem, naming {@code --out} when the folder came from it. */
  UserException inOptionWords(ResultsFolderException e) {
    return new UserException((out != null ? "--out " : "results folder ") + e.folder() + ": " + e.problem());
  }

  void applyTo(Runner.Builder runner) {
    if (reports != null) {
      try {
        Reports.select(reports);
      } catch (IllegalArgumentException e) {
        throw new UserException("--report: " + e.getMessage());
      }
      runner.reports(reports);
    }
    if (out != null) {
      runner.resultsDirectory(out);
    } else {
      runner.resultsUnder(DEFAULT_PARENT);
    }
  }
}
