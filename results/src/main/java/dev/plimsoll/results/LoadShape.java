package dev.plimsoll.results;

import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.core.result.WorkloadDescription;
import dev.plimsoll.core.result.WorkloadDescription.MixEntry;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What makes two runs' numbers comparable: the same duration and warm-up, and the same workloads,
 * each with the same load model, load profile (rate or users over time) and mix. The scenario's
 * name, seed, interval and criteria are not part of it: they change nothing about the load sent.
 */
final class LoadShape {
  private LoadShape() {}

  /** Each way {@code run} differs from {@code baseline}, in words; empty when they have one shape. */
  static List<String> differences(ScenarioDescription run, ScenarioDescription baseline) {
    if (baseline == null) {
      return List.of("the baseline records no load shape");
    }
    if (run == null) {
      return List.of("this run records no load shape");
    }
    List<String> differences = new ArrayList<>();
    boolean sameDuration = Objects.equals(run.duration(), baseline.duration());
    if (!sameDuration) {
      differences.add("duration " + duration(run.duration()) + " vs baseline " + duration(baseline.duration()));
    }
    if (!Objects.equals(run.warmUp(), baseline.warmUp())) {
      differences.add("warm-up " + duration(run.warmUp()) + " vs baseline " + duration(baseline.warmUp()));
    }
    Map<String, WorkloadDescription> baselines = byName(baseline.workloads());
    Map<String, WorkloadDescription> runs = byName(run.workloads());
    for (WorkloadDescription w : run.workloads()) {
      WorkloadDescription b = baselines.get(w.name());
      if (b == null) {
        differences.add("workload '" + w.name() + "' is not in the baseline");
      } else {
        workload(w, b, sameDuration, differences);
      }
    }
    for (WorkloadDescription b : baseline.workloads()) {
      if (!runs.containsKey(b.name())) {
        differences.add("workload '" + b.name() + "' of the baseline is not in this run");
      }
    }
    return differences;
  }

  private static void workload(WorkloadDescription run, WorkloadDescription baseline,
      boolean sameScenarioDuration, List<String> differences) {
    String prefix = "workload '" + run.name() + "': ";
    if (!Objects.equals(run.model(), baseline.model())) {
      differences.add(prefix + run.model() + " model vs baseline " + baseline.model());
    }
    if (!Objects.equals(run.loadDescription(), baseline.loadDescription())) {
      differences.add(prefix + "load '" + run.loadDescription() + "' vs baseline '"
          + baseline.loadDescription() + "'");
    }
    // A workload lasts as long as its scenario; its own duration differing says nothing new then.
    if (sameScenarioDuration && !Objects.equals(run.duration(), baseline.duration())) {
      differences.add(prefix + "duration " + duration(run.duration()) + " vs baseline "
          + duration(baseline.duration()));
    }
    if (!mix(run.mix()).equals(mix(baseline.mix()))) {
      differences.add(prefix + "mix " + mix(run.mix()) + " vs baseline " + mix(baseline.mix()));
    }
  }

  /** The operations and their weights, in mix order; whether one runs async is no part of the load. */
  private static String mix(List<MixEntry> mix) {
    return mix.isEmpty() ? "(empty)"
        : mix.stream().map(e -> e.operation() + " x" + e.weight()).collect(Collectors.joining(", "));
  }

  private static Map<String, WorkloadDescription> byName(List<WorkloadDescription> workloads) {
    return workloads.stream().collect(Collectors.toMap(WorkloadDescription::name,
        Function.identity(), (first, second) -> first));
  }

  private static String duration(Duration d) {
    return d == null ? Units.NOT_AVAILABLE : Units.formatDuration(d);
  }
}
