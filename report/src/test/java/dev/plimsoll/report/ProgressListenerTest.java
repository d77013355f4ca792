package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.results.testing.ResultFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ProgressListenerTest {

  private static final Duration PLANNED = Duration.ofSeconds(30);
  private static final Duration WARM_UP = Duration.ofSeconds(2);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /** An interval in which {@code completed} operations took exactly {@code ms} each. */
  private static IntervalSnapshot interval(int index, Duration length, long completed,
      long failed, long ms) {
    return interval(index, length, completed, failed, ms, 0);
  }

  private static IntervalSnapshot interval(int index, Duration length, long completed,
      long failed, long ms, long inFlight) {
    Histogram nanos = LatencyDistribution.newHistogram();
    nanos.recordValueWithCount(ms * 1_000_000, completed);
    LatencyDistribution latency = LatencyDistribution.of(nanos);
    OperationStats op = new OperationStats("op", completed, completed - failed, failed, 0,
        inFlight, latency, latency, List.of());
    return new IntervalSnapshot(index, Instant.EPOCH.plus(length.multipliedBy(index)), length,
        false, 0, List.of(op), LatencyDistribution.empty(), LatencyDistribution.empty(),
        LatencyDistribution.empty(), SystemSample.UNKNOWN);
  }

  private static RunProgress progress(Duration elapsed, long failedSoFar, boolean stopping) {
    return ResultFixtures.progress(elapsed, PLANNED, WARM_UP, failedSoFar, stopping);
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void terminal_rewritesOneLinePerInterval_andEndsItWhenTheRunCompletes() {
    ProgressListener listener = new ProgressListener(out, true);

    listener.intervalCompleted(interval(0, Duration.ofSeconds(1), 500, 0, 2),
        progress(Duration.ofSeconds(1), 0, false));
    listener.intervalCompleted(interval(1, Duration.ofSeconds(1), 1_500, 3, 12),
        progress(Duration.ofSeconds(15), 3, false));

    assertThat(output()).doesNotContain("\n").startsWith("\r");
    String[] lines = output().substring(1).split("\r");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).isEqualTo("0:01 elapsed, 0:29 left  [#...................]   3%"
        + "  warm-up  500 ops/s  p99 2 ms  errors 0 (total 0)");
    assertThat(lines[1]).isEqualTo("0:15 elapsed, 0:15 left  [##########..........]  50%"
        + "  measuring  1,500 ops/s  p99 12 ms  errors 3 (total 3)");

    listener.intervalCompleted(interval(2, Duration.ofMillis(500), 100, 0, 1),
        progress(Duration.ofSeconds(31), 3, true));
    listener.runCompleted(ResultFixtures.sparseResult());

    String last = output().substring(output().lastIndexOf('\r') + 1);
    // What completes while stopping is the drain, not a rate: a count.
    assertThat(last).startsWith("0:31 elapsed, 0:00 left  [####################] 100%  stopping"
        + "  100 finished").endsWith("\n");
  }

  @Test
  void terminal_shorterLine_blanksTheRestOfTheLongerOne() {
    ProgressListener listener = new ProgressListener(out, true);

    listener.intervalCompleted(interval(0, Duration.ofSeconds(1), 1_000_000, 12_345, 2),
        progress(Duration.ofSeconds(3), 12_345, false));
    int firstLength = output().length() - 1;
    listener.intervalCompleted(interval(1, Duration.ofSeconds(1), 5, 0, 2),
        progress(Duration.ofSeconds(4), 12_345, false));

    String second = output().substring(output().lastIndexOf('\r') + 1);
    assertThat(second).hasSize(firstLength).endsWith(" ");
  }

  @Test
  void notTerminal_printsOneLinePerTenSecondsOfElapsedTime_andNothingElse() {
    ProgressListener listener = new ProgressListener(out, false);

    for (int i = 0; i < 25; i++) {
      listener.intervalCompleted(interval(i, Duration.ofSeconds(1), 100, i == 12 ? 4 : 0, 3),
          progress(Duration.ofSeconds(i + 1), i >= 12 ? 4 : 0, false));
    }
    listener.runCompleted(ResultFixtures.sparseResult());

    assertThat(output()).doesNotContain("\r");
    assertThat(output().lines()).containsExactly(
        "0:10 elapsed, 0:20 left  33%  measuring  100 ops/s  p99 3 ms  errors 0 (total 0)",
        "0:20 elapsed, 0:10 left  67%  measuring  100 ops/s  p99 3 ms  errors 4 (total 4)");
  }

  @Test
  void notTerminal_intervalsThatDoNotDivideTenSeconds_stillGiveALinePerTenSeconds() {
    ProgressListener listener = new ProgressListener(out, false);

    for (int i = 0; i < 10; i++) {
      listener.intervalCompleted(interval(i, Duration.ofSeconds(3), 300, 0, 3),
          progress(Duration.ofSeconds(3L * (i + 1)), 0, false));
    }

    // Lines at 12 s, 21 s and 30 s: the first interval ending at or after each 10 s mark. The
    // rate covers the whole window since the previous line.
    assertThat(output().lines()).hasSize(3).allSatisfy(line -> assertThat(line)
        .contains("  100 ops/s  "));
    assertThat(output().lines().map(l -> l.substring(0, 4)))
        .containsExactly("0:12", "0:21", "0:30");
  }

  @Test
  void stoppingWithWorkInFlight_saysWhatItWaitsFor_onATerminal_andEachIntervalInALog() {
    ProgressListener terminal = new ProgressListener(out, true);
    terminal.intervalCompleted(interval(0, Duration.ofSeconds(1), 10, 0, 2, 12),
        progress(Duration.ofSeconds(31), 0, true));
    assertThat(output()).contains("  stopping, waiting for 12 in flight  ");

    bytes.reset();
    ProgressListener log = new ProgressListener(out, false);
    log.intervalCompleted(interval(0, Duration.ofSeconds(1), 10, 0, 2, 0),
        progress(Duration.ofSeconds(1), 0, false));
    assertThat(output()).isEmpty();
    log.intervalCompleted(interval(1, Duration.ofSeconds(1), 10, 0, 2, 7),
        progress(Duration.ofSeconds(2), 0, true));
    log.intervalCompleted(interval(2, Duration.ofSeconds(1), 10, 0, 2, 5),
        progress(Duration.ofSeconds(3), 0, true));
    assertThat(output().lines()).hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("stopping, waiting for"));
  }
}
