package dev.plimsoll.core;

import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * How an open model's arrival rate changes over time. Profiles start at t = 0 (the start of the
 * run, warm-up included) and hold their last rate until the run ends.
 */
public sealed interface RateProfile {

  /** The profile laid out over a run of {@code length}. */
  RatePlan plan(Duration length);

  /** The profile in words, for reports. */
  String describe();

  /** The rate at {@code at}, from this profile laid out over a run that long. */
  default double ratePerSecond(Duration at) {
    return plan(at.plusSeconds(1)).ratePerSecond(Durations.seconds(at));
  }

  static RateProfile constant(double perSecond) {
    return new Constant(perSecond);
  }

  static RateProfile ramp(double fromPerSecond, double toPerSecond, Duration over) {
    return new Ramp(fromPerSecond, toPerSecond, over);
  }

  static RateProfile stages(double startPerSecond, Stage... stages) {
    return new Stages(startPerSecond, List.of(stages));
  }

  static RateProfile spike(double basePerSecond, double peakPerSecond, Duration at, Duration length) {
    return new Spike(basePerSecond, peakPerSecond, at, length);
  }

  static RateProfile burst(int size, Duration every) {
    return new Burst(size, every);
  }

  static RateProfile random(double minPerSecond, double maxPerSecond, Duration every, long seed) {
    return new RandomRate(minPerSecond, maxPerSecond, every, seed);
  }

  /** Any rate function of the time in seconds; it is sampled every 10 ms and interpolated. */
  static RateProfile custom(String description, DoubleUnaryOperator perSecondAtSeconds) {
    return new Custom(description, perSecondAtSeconds);
  }

  /** A low rate of at least 0 and a high rate above 0 and not below the low one. */
  private static void requireLowHigh(double low, double high, String lowField, String highField) {
    InvalidConfigurationException.require(low >= 0, lowField, "must be >= 0 (was " + low + ")");
    String lowName = lowField.substring(lowField.indexOf('.') + 1);
    InvalidConfigurationException.require(
        high > 0 && high >= low, highField, "must be > 0 and >= " + lowName + " (was " + high + ")");
  }

  /** The same rate throughout. */
  record Constant(double perSecond) implements RateProfile {
    public Constant {
      InvalidConfigurationException.require(
          perSecond > 0 && Double.isFinite(perSecond),
          "rate",
          "must be > 0 per second (was " + perSecond + ")");
    }

    @Override
    public RatePlan plan(Duration length) {
      return RatePlan.builder().linear(Durations.seconds(length), perSecond, perSecond).build();
    }

    @Override
    public String describe() {
      return "constant " + Units.formatRate(perSecond);
    }
  }

  /** A linear change over {@code over}, then the final rate held. */
  record Ramp(double fromPerSecond, double toPerSecond, Duration over) implements RateProfile {
    public Ramp {
      InvalidConfigurationException.require(
          fromPerSecond >= 0 && toPerSecond >= 0, "ramp", "rates must be >= 0 (were " + fromPerSecond + ", " + toPerSecond + ")");
      InvalidConfigurationException.require(
          fromPerSecond > 0 || toPerSecond > 0, "ramp", "from and to are both 0 (one must be > 0)");
      Durations.requirePositive(over, "ramp.over");
    }

    @Override
    public RatePlan plan(Duration length) {
      return new Stages(fromPerSecond, List.of(new Stage(over, toPerSecond))).plan(length);
    }

    @Override
    public String describe() {
      return "ramp " + Units.formatRate(fromPerSecond) + " to " + Units.formatRate(toPerSecond)
          + " over " + Units.formatDuration(over);
    }
  }

  /** Consecutive linear stages from a start rate, then the last target held. */
  record Stages(double startPerSecond, List<Stage> stages) implements RateProfile {
    public Stages {
      stages = List.copyOf(stages);
      Stage.validate("rate", startPerSecond, stages);
      InvalidConfigurationException.require(
          startPerSecond > 0 || stages.stream().anyMatch(s -> s.target() > 0),
          "rate.stages",
          "every rate is 0 (at least one stage must have a target > 0)");
    }

    @Override
    public RatePlan plan(Duration length) {
      RatePlan.Builder b = RatePlan.builder();
      double total = Durations.seconds(length);
      double rate = startPerSecond;
      for (Stage s : stages) {
        double left = total - b.time();
        if (left <= 0) {
          break;
        }
        double seconds = Durations.seconds(s.duration());
        double end = seconds <= left ? s.target() : rate + (s.target() - rate) * left / seconds;
        b.linear(Math.min(seconds, left), rate, end);
        rate = end;
      }
      if (total > b.time()) {
        b.linear(total - b.time(), rate, rate);
      }
      return b.build();
    }

    @Override
    public String describe() {
      StringBuilder text = new StringBuilder("stages from " + Units.formatRate(startPerSecond));
      for (Stage s : stages) {
        text.append(", ").append(Units.formatRate(s.target())).append(" over ").append(Units.formatDuration(s.duration()));
      }
      return text.toString();
    }
  }

  /** A base rate that jumps to a peak at {@code at} for {@code length}, then returns. */
  record Spike(double basePerSecond, double peakPerSecond, Duration at, Duration length)
      implements RateProfile {
    public Spike {
      requireLowHigh(basePerSecond, peakPerSecond, "spike.base", "spike.peak");
      InvalidConfigurationException.require(at != null && !at.isNegative(), "spike.at", "must be >= 0s (was " + Durations.text(at) + ")");
      Durations.requirePositive(length, "spike.length");
    }

    @Override
    public RatePlan plan(Duration runLength) {
      double total = Durations.seconds(runLength);
      double from = Math.min(Durations.seconds(at), total);
      double to = Math.min(from + Durations.seconds(length), total);
      RatePlan.Builder b = RatePlan.builder();
      if (from > 0) {
        b.linear(from, basePerSecond, basePerSecond);
      }
      if (to > from) {
        b.linear(to - from, peakPerSecond, peakPerSecond);
      }
      if (total > to) {
        b.linear(total - to, basePerSecond, basePerSecond);
      }
      return b.build();
    }

    @Override
    public String describe() {
      return "spike " + Units.formatRate(basePerSecond) + " to " + Units.formatRate(peakPerSecond)
          + " at " + Units.formatDuration(at) + " for " + Units.formatDuration(length);
    }
  }

  /** {@code size} arrivals at once at t = 0, every, 2·every, ... */
  record Burst(int size, Duration every) implements RateProfile {
    public Burst {
      InvalidConfigurationException.require(size > 0, "burst.size", "must be > 0 (was " + size + ")");
      Durations.requirePositive(every, "burst.every");
    }

    @Override
    public RatePlan plan(Duration length) {
      double total = Durations.seconds(length);
      double period = Durations.seconds(every);
      RatePlan.Builder b = RatePlan.builder();
      while (b.time() < total) {
        b.impulse(size).linear(Math.min(period, total - b.time()), 0, 0);
      }
      return b.build();
    }

    @Override
    public String describe() {
      return "burst of " + size + " every " + Units.formatDuration(every);
    }
  }

  /** A rate drawn uniformly between min and max, changing every {@code every}; seeded. */
  record RandomRate(double minPerSecond, double maxPerSecond, Duration every, long seed)
      implements RateProfile {
    public RandomRate {
      requireLowHigh(minPerSecond, maxPerSecond, "random.min", "random.max");
      Durations.requirePositive(every, "random.every");
    }

    @Override
    public RatePlan plan(Duration length) {
      double total = Durations.seconds(length);
      double period = Durations.seconds(every);
      SplittableRandom random = new SplittableRandom(seed);
      RatePlan.Builder b = RatePlan.builder();
      while (b.time() < total) {
        double rate = minPerSecond + random.nextDouble() * (maxPerSecond - minPerSecond);
        b.linear(Math.min(period, total - b.time()), rate, rate);
      }
      return b.build();
    }

    @Override
    public String describe() {
      return "random " + Units.formatRate(minPerSecond) + " to " + Units.formatRate(maxPerSecond)
          + " every " + Units.formatDuration(every) + " (seed " + seed + ")";
    }
  }

  /** A user-supplied rate function, sampled every {@link #STEP_SECONDS} and interpolated. */
  record Custom(String description, DoubleUnaryOperator perSecondAtSeconds) implements RateProfile {
    public static final double STEP_SECONDS = 0.01;

    @Override
    public RatePlan plan(Duration length) {
      double total = Durations.seconds(length);
      RatePlan.Builder b = RatePlan.builder();
      double previous = rateAt(0);
      while (b.time() < total) {
        double step = Math.min(STEP_SECONDS, total - b.time());
        double next = rateAt(b.time() + step);
        b.linear(step, previous, next);
        previous = next;
      }
      return b.build();
    }

    private double rateAt(double seconds) {
      double rate = perSecondAtSeconds.applyAsDouble(seconds);
      if (!(rate >= 0) || Double.isInfinite(rate)) {
        throw new InvalidConfigurationException(
            "rate", "custom rate at " + seconds + "s is " + rate + " (must be a finite number >= 0)");
      }
      return rate;
    }

    @Override
    public String describe() {
      return "custom: " + description;
    }
  }
}
