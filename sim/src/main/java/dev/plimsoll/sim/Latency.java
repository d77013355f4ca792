package dev.plimsoll.sim;

import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a message takes on a link: a distribution sampled once per message with the link's
 * seeded random source. Samples are never negative. The text form ({@link #parse}) is the one the
 * command line and scenario files take: {@code 10ms}, {@code constant(10ms)}, {@code uniform(5ms,15ms)},
 * {@code normal(20ms,5ms)}, {@code exponential(10ms)}, {@code pareto(5ms,1.5)}.
 */
public sealed interface Latency {

  /** What {@link #parse} accepts, for messages. */
  String FORMS = "10ms, constant(10ms), uniform(5ms,15ms), normal(20ms,5ms), exponential(10ms), pareto(5ms,1.5)";

  /** One sample, in nanoseconds, at least 0. */
  long sampleNanos(RandomGenerator random);

  /** The text form, which {@link #parse} reads back. */
  String describe();

  static Latency constant(Duration delay) {
    return new Constant(delay);
  }

  static Latency uniform(Duration min, Duration max) {
    return new Uniform(min, max);
  }

  static Latency normal(Duration mean, Duration standardDeviation) {
    return new Normal(mean, standardDeviation);
  }

  static Latency exponential(Duration mean) {
    return new Exponential(mean);
  }

  /** A long tail: at least {@code scale}, with tail index {@code shape} (a finite mean needs shape > 1). */
  static Latency pareto(Duration scale, double shape) {
    return new Pareto(scale, shape);
  }

  /** Every message takes exactly {@code delay}. */
  record Constant(Duration delay) implements Latency {
    public Constant {
      Checks.nonNegative(delay, "latency.delay");
    }

    @Override
    public long sampleNanos(RandomGenerator random) {
      return delay.toNanos();
    }

    @Override
    public String describe() {
      return "constant(" + Units.formatDuration(delay) + ")";
    }
  }

  /** Evenly spread between {@code min} and {@code max}. */
  record Uniform(Duration min, Duration max) implements Latency {
    public Uniform {
      Checks.nonNegative(min, "latency.min");
      Checks.nonNegative(max, "latency.max");
      if (max.compareTo(min) < 0) {
        throw new InvalidConfigurationException("latency.max",
            "must be >= min " + Units.formatDuration(min) + " (was " + Units.formatDuration(max) + ")");
      }
    }

    @Override
    public long sampleNanos(RandomGenerator random) {
      long lo = min.toNanos();
      long hi = max.toNanos();
      return lo == hi ? lo : random.nextLong(lo, hi + 1);
    }

    @Override
    public String describe() {
      return "uniform(" + Units.formatDuration(min) + "," + Units.formatDuration(max) + ")";
    }
  }

  /** Normally distributed, cut at 0 (a sample below 0 counts as 0). */
  record Normal(Duration mean, Duration standardDeviation) implements Latency {
    public Normal {
      Checks.nonNegative(mean, "latency.mean");
      Checks.nonNegative(standardDeviation, "latency.standardDeviation");
    }

    @Override
    public long sampleNanos(RandomGenerator random) {
      double sample = random.nextGaussian(mean.toNanos(), standardDeviation.toNanos());
      return Math.max(0, Math.round(sample));
    }

    @Override
    public String describe() {
      return "normal(" + Units.formatDuration(mean) + "," + Units.formatDuration(standardDeviation) + ")";
    }
  }

  /** Exponentially distributed with the given mean. */
  record Exponential(Duration mean) implements Latency {
    public Exponential {
      Checks.nonNegative(mean, "latency.mean");
    }

    @Override
    public long sampleNanos(RandomGenerator random) {
      return Math.round(random.nextExponential() * mean.toNanos());
    }

    @Override
    public String describe() {
      return "exponential(" + Units.formatDuration(mean) + ")";
    }
  }

  /** Pareto (type I): {@code scale / U^(1/shape)}, capped at an hour so one sample cannot stall a run. */
  record Pareto(Duration scale, double shape) implements Latency {
    private static final double CAP_NANOS = Duration.ofHours(1).toNanos();

    public Pareto {
      Checks.nonNegative(scale, "latency.scale");
      if (!(shape > 0) || Double.isInfinite(shape)) {
        throw new InvalidConfigurationException("latency.shape", "must be > 0 (was " + shape + ")");
      }
    }

    @Override
    public long sampleNanos(RandomGenerator random) {
      double u = 1.0 - random.nextDouble(); // in (0, 1]
      return Math.round(Math.min(CAP_NANOS, scale.toNanos() / Math.pow(u, 1.0 / shape)));
    }

    @Override
    public String describe() {
      return "pareto(" + Units.formatDuration(scale) + "," + shape + ")";
    }
  }

  /**
   * Reads the text form; see {@link #FORMS}.
   *
   * @throws InvalidConfigurationException naming {@code latency}, quoting the text and the forms
   */
  static Latency parse(String text) {
    return LatencyText.parse(text);
  }
}
