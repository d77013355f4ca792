package dev.plimsoll.report.html;

import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the charts over time mark: the run's phases as bands (the warm-up, each stage of each
 * workload's load profile), its profile changes and an abort as lines. A result written before
 * phases were recorded gets the end of its warm-up and an early stop, from its configuration and
 * status.
 */
final class Markers {
  /** A band: a stretch of the run. */
  static final String PHASE = "phase";
  /** A band: the warm-up. */
  static final String WARM_UP = "warm-up";
  /** A line: a change made to the load while the run went. */
  static final String CHANGE = "change";
  /** A line: the run stopped early. */
  static final String ABORT = "abort";
  /** A line: the end of the warm-up (results without phases). */
  static final String EDGE = "edge";

  private Markers() {}

  static List<ScriptJson.Marker> of(RunResult result, Instant origin) {
    if (result.phases().isEmpty() && result.profileChanges().isEmpty()) {
      return fromConfiguration(result, origin);
    }
    List<ScriptJson.Marker> markers = new ArrayList<>();
    // Each workload's bands have a row of labels of their own; the warm-up's is the first.
    Map<String, Integer> rows = new LinkedHashMap<>();
    result.phases().stream().filter(p -> p.workload() != null).forEach(p -> rows.putIfAbsent(p.workload(), rows.size() + 1));
    boolean named = rows.size() > 1;
    boolean aborted = false;
    for (Phase p : result.phases()) {
      double start = seconds(p.start());
      switch (p.kind()) {
        case WARM_UP -> markers.add(new ScriptJson.Marker(start, seconds(p.end()), WARM_UP, 0, "warm-up"));
        case ABORT -> {
          aborted = true;
          markers.add(new ScriptJson.Marker(start, start, ABORT, 0, p.description()));
        }
        default -> markers.add(new ScriptJson.Marker(start, seconds(p.end()), PHASE, rows.get(p.workload()),
            named ? p.workload() + ": " + p.description() : p.description()));
      }
    }
    for (ProfileChange c : result.profileChanges()) {
      double at = seconds(c.at());
      markers.add(new ScriptJson.Marker(at, at, CHANGE, 0, c.describe()));
    }
    if (!aborted) {
      stop(result, origin).ifPresent(markers::add);
    }
    return markers;
  }

  private static List<ScriptJson.Marker> fromConfiguration(RunResult result, Instant origin) {
    List<ScriptJson.Marker> markers = new ArrayList<>();
    Duration warmUp = result.config() == null ? null : result.config().warmUp();
    if (warmUp != null && warmUp.isPositive()) {
      double end = seconds(warmUp);
      markers.add(new ScriptJson.Marker(end, end, EDGE, 0, "warm-up ends"));
    }
    stop(result, origin).ifPresent(markers::add);
    return markers;
  }

  /** An early stop, from the result's status and reason, at its end. */
  private static java.util.Optional<ScriptJson.Marker> stop(RunResult result, Instant origin) {
    boolean stoppedEarly = result.status() == RunStatus.ABORTED
        || (result.stopReason() != null && !result.stopReason().equals("completed"));
    if (!stoppedEarly || result.endTime() == null) {
      return java.util.Optional.empty();
    }
    String reason = result.stopReason() == null ? "aborted" : result.stopReason();
    double at = seconds(Duration.between(origin, result.endTime()));
    return java.util.Optional.of(new ScriptJson.Marker(at, at, ABORT, 0, reason));
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
