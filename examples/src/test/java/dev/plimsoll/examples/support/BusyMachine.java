package dev.plimsoll.examples.support;

import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Metric;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.result.RunResult;
import java.util.List;
import java.util.Set;

/**
 * The criteria a quick test holds against a run. A run whose generator says it may have been the
 * bottleneck (the machine's CPU was taken by other processes, so operations started late) has
 * latencies, CPU and throughput that describe the machine, not the system under test: those
 * criteria are left out, and it is still judged on errors and memory growth. On a quiet machine
 * every criterion counts.
 */
public final class BusyMachine {
  private static final Set<Metric> ALWAYS_JUDGED = Set.of(Metric.ERROR_RATE, Metric.MEMORY_GROWTH);

  private BusyMachine() {}

  /** The run's failed verdicts that count, each as "criterion: detail". */
  public static List<String> failuresThatCount(RunResult result) {
    boolean busy = busy(result);
    return result.verdicts().stream()
        .filter(v -> !v.passed())
        .filter(v -> !busy || ALWAYS_JUDGED.contains(v.criterion().metric()))
        .map(BusyMachine::describe)
        .toList();
  }

  /** Of {@code criteria}, those to hold {@code result} to: all of them, unless the machine was busy. */
  public static String[] criteriaThatCount(RunResult result, List<String> criteria) {
    boolean busy = busy(result);
    return criteria.stream()
        .filter(c -> !busy || ALWAYS_JUDGED.contains(Criterion.parse(c).metric()))
        .toArray(String[]::new);
  }

  private static boolean busy(RunResult result) {
    return result.generatorHealth() != null && result.generatorHealth().bottleneckSuspected();
  }

  private static String describe(Verdict v) {
    return v.criterion().source() + ": " + v.detail();
  }
}
