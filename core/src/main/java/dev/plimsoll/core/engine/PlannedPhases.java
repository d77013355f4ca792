package dev.plimsoll.core.engine;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Stage;
import dev.plimsoll.core.UserProfile;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A scenario's phases as planned: its warm-up, then each workload's load profile cut into its
 * stages (a ramp, a constant stretch, a spike), each cut off at the run's planned end.
 */
final class PlannedPhases {
  private PlannedPhases() {}

  static List<Phase> of(Scenario scenario) {
    Duration length = scenario.duration();
    List<Phase> phases = new ArrayList<>();
    if (scenario.warmUp().isPositive()) {
      phases.add(new Phase(Phase.Kind.WARM_UP, Duration.ZERO, scenario.warmUp(), null,
          "warm-up " + Units.formatDuration(scenario.warmUp())));
    }
    for (Workload w : scenario.workloads()) {
      Pieces pieces = new Pieces(w.name(), length, phases);
      if (w.load() instanceof OpenModel open) {
        rate(open.profile(), pieces);
      } else {
        users(((ClosedModel) w.load()).users(), pieces);
      }
    }
    phases.sort(Comparator.comparing(Phase::start));
    return List.copyOf(phases);
  }

  /** The phase of a run stopped early at {@code at}: an instant, described by the stop's reason. */
  static Phase abort(Duration at, String reason) {
    return new Phase(Phase.Kind.ABORT, at, at, null, reason);
  }

  private static void rate(RateProfile profile, Pieces out) {
    switch (profile) {
      case RateProfile.Constant c -> out.hold(null, profile.describe());
      case RateProfile.Ramp r -> {
        out.add(Phase.Kind.RAMP, r.over(), "ramp " + Units.formatRate(r.fromPerSecond()) + " to "
            + Units.formatRate(r.toPerSecond()));
        out.hold(null, "constant " + Units.formatRate(r.toPerSecond()));
      }
      case RateProfile.Stages s -> stages(s.startPerSecond(), s.stages(), true, out);
      case RateProfile.Spike s -> {
        String base = "constant " + Units.formatRate(s.basePerSecond());
        if (s.at().isPositive()) {
          out.add(Phase.Kind.CONSTANT, s.at(), base);
        }
        out.add(Phase.Kind.SPIKE, s.length(), "spike to " + Units.formatRate(s.peakPerSecond()));
        out.hold(null, base);
      }
      case RateProfile.Burst b -> out.hold(Phase.Kind.BURST, profile.describe());
      case RateProfile.RandomRate r -> out.hold(Phase.Kind.VARYING, profile.describe());
      case RateProfile.Custom c -> out.hold(Phase.Kind.VARYING, profile.describe());
    }
  }

  private static void users(UserProfile profile, Pieces out) {
    switch (profile) {
      case UserProfile.Constant c -> out.hold(null, profile.describe());
      case UserProfile.Stages s -> stages(s.start(), s.stages(), false, out);
    }
  }

  private static void stages(double start, List<Stage> stages, boolean rate, Pieces out) {
    double level = start;
    for (Stage s : stages) {
      if (s.target() == level) {
        out.add(Phase.Kind.CONSTANT, s.duration(), "constant " + text(level, rate));
      } else {
        out.add(Phase.Kind.RAMP, s.duration(), "ramp " + text(level, rate) + " to " + text(s.target(), rate));
      }
      level = s.target();
    }
    out.hold(null, "constant " + text(level, rate));
  }

  private static String text(double level, boolean rate) {
    if (rate) {
      return Units.formatRate(level);
    }
    long users = Math.round(level);
    return users + (users == 1 ? " user" : " users");
  }

  /** Lays a workload's phases end to end from the run's start, cut off at its end. */
  private static final class Pieces {
    private final String workload;
    private final Duration length;
    private final List<Phase> out;
    private Duration at = Duration.ZERO;

    Pieces(String workload, Duration length, List<Phase> out) {
      this.workload = workload;
      this.length = length;
      this.out = out;
    }

    void add(Phase.Kind kind, Duration duration, String description) {
      if (at.compareTo(length) >= 0) {
        return;
      }
      Duration end = at.plus(duration);
      if (end.compareTo(length) > 0) {
        end = length;
      }
      out.add(new Phase(kind, at, end, workload, description));
      at = end;
    }

    /** The rest of the run; a constant stretch unless {@code kind} says otherwise. */
    void hold(Phase.Kind kind, String description) {
      add(kind == null ? Phase.Kind.CONSTANT : kind, length.minus(at), description);
    }
  }
}
