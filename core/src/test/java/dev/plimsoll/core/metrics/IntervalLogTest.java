package dev.plimsoll.core.metrics;

import static dev.plimsoll.core.metrics.TestLatencies.nanos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run's intervals come back from the log exactly as they went in, whether the log held them in
 * memory or put them on disk, and a view never changes after it was taken.
 */
class IntervalLogTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00.123456789Z");

  /** An interval with every part filled in, varying with {@code index}, some parts absent when odd. */
  private static IntervalSnapshot interval(int index, long succeeded) {
    boolean odd = index % 2 == 1;
    ErrorClass error = new ErrorClass("search", "java.io.IOException", "reset \u00e9\u4e2d",
        3, T0.plusMillis(index), T0.plusMillis(index + 5),
        List.of(new ErrorSample(T0.plusMillis(index), "reset by peer " + "x".repeat(70_000)),
            new ErrorSample(T0.plusMillis(index + 5), null)));
    OperationStats search = new OperationStats("search", succeeded + 3, succeeded, 3, index, 2,
        nanos(1_000_000 + index, 2_000_000), nanos(900_000), odd ? List.of() : List.of(error));
    OperationStats buy = new OperationStats("buy", 1, 1, 0, 0, 0, nanos(), nanos(), List.of());
    SystemSample system = odd ? SystemSample.UNKNOWN
        : new SystemSample(0.25, 0.5, 10L << 20, 64L << 20, 80L << 20, 2, 1.5, 17, 1234, 5678);
    return new IntervalSnapshot(index, T0.plusSeconds(index), Duration.ofMillis(1000 - index),
        index < 2, index * 10.5, List.of(search, buy), nanos(10_000 * (index + 1)),
        odd ? null : nanos(20_000), odd ? null : nanos(30_000, 40_000), odd ? null : system);
  }

  private static List<IntervalSnapshot> addAll(IntervalLog log, int count) {
    List<IntervalSnapshot> added = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      IntervalSnapshot interval = interval(i, 100 + i);
      log.add(interval);
      added.add(interval);
    }
    return added;
  }

  @Test
  void intervalsHeldInMemoryComeBackEqual() {
    IntervalLog log = new IntervalLog();
    List<IntervalSnapshot> added = addAll(log, 5);
    assertThat(log.view()).containsExactlyElementsOf(added);
    assertThat(log.bytesOnDisk()).isZero();
    assertThat(log.view().get(0).schedulingLag().stats()).isEqualTo(added.get(0).schedulingLag().stats());
  }

  @Test
  void intervalsBeyondTheBudgetGoToDiskAndComeBackEqual() {
    IntervalLog onDisk = new IntervalLog(0);
    List<IntervalSnapshot> added = addAll(onDisk, 40);
    assertThat(onDisk.size()).isEqualTo(40);
    // The even ones carry an error sample of 70,000 characters.
    assertThat(onDisk.bytesOnDisk()).isGreaterThan(20 * 70_000L);
    assertThat(onDisk.view()).containsExactlyElementsOf(added);
    // A budget between the two: some in memory, the rest on disk, in their order.
    IntervalLog mixed = new IntervalLog(3 * IntervalCodec.encode(added.get(0)).length);
    addAll(mixed, 40);
    assertThat(mixed.view()).containsExactlyElementsOf(added);
  }

  @Test
  void aRevisionReplacesTheIntervalOfTheSameIndexButNotInEarlierViews() {
    for (long budget : new long[] {0, IntervalLog.MEMORY_BUDGET_BYTES}) {
      IntervalLog log = new IntervalLog(budget);
      List<IntervalSnapshot> added = addAll(log, 6);
      List<IntervalSnapshot> before = log.view();
      IntervalSnapshot revised = interval(1, 999);
      log.revise(revised);
      log.revise(interval(77, 1)); // no such interval: nothing happens
      List<IntervalSnapshot> expected = new ArrayList<>(added);
      expected.set(1, revised);
      assertThat(log.view()).as("budget %d", budget).containsExactlyElementsOf(expected);
      assertThat(before).as("budget %d", budget).containsExactlyElementsOf(added);
    }
  }

  @Test
  void aViewIsImmutableAndKeptAsItIsByAResult() {
    IntervalLog log = new IntervalLog(0);
    addAll(log, 3);
    List<IntervalSnapshot> view = log.view();
    log.add(interval(3, 1));
    assertThat(view).hasSize(3);
    assertThatThrownBy(() -> view.add(interval(4, 1))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.set(0, interval(4, 1))).isInstanceOf(UnsupportedOperationException.class);
    assertThat(IntervalLog.immutable(view)).isSameAs(view);
    List<IntervalSnapshot> plain = new ArrayList<>(view);
    assertThat(IntervalLog.immutable(plain)).isNotSameAs(plain).isEqualTo(plain);
  }

  @Test
  void aNegativeBudgetIsRefused() {
    assertThatThrownBy(() -> new IntervalLog(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
