package dev.plimsoll.core.result;

import java.time.Duration;
import java.util.Objects;

/**
 * A stretch of a run as planned, or an event in it: the warm-up, each stage of a workload's load
 * profile (a ramp, a spike, a constant stretch), and an abort. Reports mark them on their charts.
 *
 * @param kind what the phase is
 * @param start time since the run started (warm-up included) when it begins
 * @param end when it ends; equal to {@code start} for an instant ({@link Kind#ABORT})
 * @param workload the workload whose profile it belongs to, or null for the whole run (warm-up,
 *     abort)
 * @param description the phase in words, e.g. {@code "ramp 10/s to 100/s"}, or an abort's reason
 */
public record Phase(Kind kind, Duration start, Duration end, String workload, String description) {

  /** The kinds of phase. */
  public enum Kind {
    /** The run's warm-up, not measured. */
    WARM_UP,
    /** The load held steady. */
    CONSTANT,
    /** The load changing steadily from one level to another. */
    RAMP,
    /** The load jumping to a peak and back. */
    SPIKE,
    /** Arrivals in bursts at regular times. */
    BURST,
    /** The load following a function or random draws. */
    VARYING,
    /** The run stopped before its planned end; {@code description} is why. */
    ABORT
  }

  public Phase {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(description, "description");
    if (end.compareTo(start) < 0) {
      throw new IllegalArgumentException("phase ends (" + end + ") before it starts (" + start + ")");
    }
  }

  /** Whether it is a moment rather than a stretch. */
  public boolean instant() {
    return start.equals(end);
  }
}
