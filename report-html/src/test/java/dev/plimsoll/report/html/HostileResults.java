package dev.plimsoll.report.html;

import dev.plimsoll.core.criteria.Comparison;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Metric;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorSample;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.EnvironmentInfo;
import dev.plimsoll.core.result.GeneratorHealth;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.results.testing.ResultFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run whose every string from the system under test is hostile: markup that would run script
 * (each payload sets {@code window.pwned} if it ever runs), a URL with quotes, and terminal escapes.
 */
final class HostileResults {

  static final String SCRIPT_NAME = "<script>window.pwned=1</script>";
  static final String IMG_MESSAGE = "\"><img src=x onerror=\"window.pwned=2\"> at http://127.0.0.1:1/a?b=\"c\"&d=<e>";
  static final String TERMINAL = "\u001b[31mred\u001b[0m \u001b]0;title\u0007 \u2028line";
  static final String RUN_NAME = "</title><svg onload=window.pwned=3>";
  static final String SCRIPT_END = "</script><script>window.pwned=4</script>";

  private HostileResults() {}

  static RunResult result() {
    RunResult rich = ResultFixtures.richResult();
    Instant start = rich.startTime();
    ErrorClass hostileError = new ErrorClass(SCRIPT_NAME, "java.io.IOException" + SCRIPT_END,
        IMG_MESSAGE, 5, start.plusSeconds(2), start.plusSeconds(3),
        List.of(new ErrorSample(start.plusSeconds(2), IMG_MESSAGE + TERMINAL)));
    List<OperationStats> operations = new ArrayList<>();
    for (OperationStats op : rich.operations()) {
      operations.add(rename(op, op.name().equals(ResultFixtures.SEARCH) ? SCRIPT_NAME : TERMINAL,
          List.of(hostileError)));
    }
    List<IntervalSnapshot> intervals = new ArrayList<>();
    for (IntervalSnapshot interval : rich.intervals()) {
      List<OperationStats> ops = new ArrayList<>();
      for (OperationStats op : interval.operations()) {
        boolean search = op.name().equals(ResultFixtures.SEARCH);
        ops.add(rename(op, search ? SCRIPT_NAME : TERMINAL,
            search && !interval.warmUp() ? List.of(hostileError) : op.errors()));
      }
      intervals.add(new IntervalSnapshot(interval.index(), interval.start(), interval.length(),
          interval.warmUp(), interval.expectedArrivals(), ops, interval.schedulingLag(),
          interval.toWire(), interval.afterAnswer(), interval.system()));
    }
    Verdict verdict = new Verdict(new Criterion(SCRIPT_END + " p95 < 5ms", null, Metric.P95,
        Comparison.LESS, 5, false), Double.NaN, false, IMG_MESSAGE);
    EnvironmentInfo env = new EnvironmentInfo(SCRIPT_END, TERMINAL, IMG_MESSAGE, "vm", "Linux",
        "6", "amd64", 2, 1L << 30, RUN_NAME);
    GeneratorHealth health = new GeneratorHealth(true, List.of(IMG_MESSAGE, SCRIPT_END),
        rich.generatorHealth().schedulingLag(), null, null, 0, 0.5);
    return new RunResult(RunResult.SCHEMA_VERSION, RUN_NAME, RunStatus.ABORTED,
        SCRIPT_END + TERMINAL, start, rich.endTime(), rich.measuredDuration(), rich.config(), env,
        rich.total(), operations, intervals, List.of(verdict), List.of(hostileError), rich.system(),
        health, false, phases(), changes());
  }

  /** Phases and a profile change as a hand-edited result file could have them. */
  static List<Phase> phases() {
    return List.of(
        new Phase(Phase.Kind.RAMP, Duration.ZERO, Duration.ofSeconds(2), RUN_NAME, IMG_MESSAGE),
        new Phase(Phase.Kind.CONSTANT, Duration.ofSeconds(2), Duration.ofSeconds(3), SCRIPT_NAME, TERMINAL),
        new Phase(Phase.Kind.ABORT, Duration.ofSeconds(3), Duration.ofSeconds(3), null, SCRIPT_END + TERMINAL));
  }

  static List<ProfileChange> changes() {
    return List.of(new ProfileChange(Duration.ofMillis(1500), SCRIPT_END, ProfileChange.Setting.USERS, 1, 2,
        IMG_MESSAGE + TERMINAL));
  }

  private static OperationStats rename(OperationStats op, String name, List<ErrorClass> errors) {
    return new OperationStats(name, op.started(), op.succeeded(), op.failed(), op.dropped(),
        op.inFlight(), op.responseTime(), op.serviceTime(), errors);
  }
}
