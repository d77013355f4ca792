package dev.plimsoll.core;

import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** A closed-model user's pause between iterations. */
public sealed interface ThinkTime {

  /** The next pause in nanoseconds. */
  long nextNanos(RandomGenerator random);

  String describe();

  static ThinkTime none() {
    return None.INSTANCE;
  }

  static ThinkTime constant(Duration pause) {
    return new Constant(pause);
  }

  static ThinkTime uniform(Duration min, Duration max) {
    return new Uniform(min, max);
  }

  static ThinkTime exponential(Duration mean) {
    return new Exponential(mean);
  }

  enum None implements ThinkTime {
    INSTANCE;

    @Override
    public long nextNanos(RandomGenerator random) {
      return 0;
    }

    @Override
    public String describe() {
      return "no think time";
    }
  }

  record Constant(Duration pause) implements ThinkTime {
    public Constant {
      InvalidConfigurationException.require(
          pause != null && !pause.isNegative(), "thinkTime", "must be >= 0s (was " + Durations.text(pause) + ")");
    }

    @Override
    public long nextNanos(RandomGenerator random) {
      return pause.toNanos();
    }

    @Override
    public String describe() {
      return "think " + Units.formatDuration(pause);
    }
  }

  record Uniform(Duration min, Duration max) implements ThinkTime {
    public Uniform {
      InvalidConfigurationException.require(
          min != null && !min.isNegative(), "thinkTime.min", "must be >= 0s (was " + Durations.text(min) + ")");
      InvalidConfigurationException.require(
          max != null && max.compareTo(min) >= 0, "thinkTime.max", "must be >= min (was " + Durations.text(max) + ")");
    }

    @Override
    public long nextNanos(RandomGenerator random) {
      long lo = min.toNanos();
      long hi = max.toNanos();
      return lo == hi ? lo : random.nextLong(lo, hi + 1);
    }

    @Override
    public String describe() {
      return "think " + Units.formatDuration(min) + "-" + Units.formatDuration(max) + " uniform";
    }
  }

  record Exponential(Duration mean) implements ThinkTime {
    public Exponential {
      Durations.requirePositive(mean, "thinkTime.mean");
    }

    @Override
    public long nextNanos(RandomGenerator random) {
      return (long) (random.nextExponential() * mean.toNanos());
    }

    @Override
    public String describe() {
      return "think " + Units.formatDuration(mean) + " mean exponential";
    }
  }
}
