package dev.plimsoll.junit;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Defaults;
import dev.plimsoll.core.LoadModel;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.UserProfile;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.scenario.Overrides;
import java.time.Duration;

/**
 * The load one test runs, and the one rule for where each setting comes from. From lowest to
 * highest:
 *
 * <ol>
 *   <li>the defaults: {@value #DEFAULT_USERS} users, {@link #DEFAULT_DURATION 30 s}, no rate limit,
 *       no warm-up;
 *   <li>what the test declares, in {@link LoadTest} or through {@link Load};
 *   <li>the environment: {@code PLIMSOLL_USERS}, {@code PLIMSOLL_RATE}, {@code PLIMSOLL_DURATION},
 *       {@code PLIMSOLL_WARMUP};
 *   <li>properties: {@code -Dplimsoll.users}, {@code -Dplimsoll.rate}, {@code -Dplimsoll.duration},
 *       {@code -Dplimsoll.warmup} (see {@link Environment}).
 * </ol>
 *
 * <p>Each override replaces the setting of the same name alone: {@code PLIMSOLL_RATE} gives a test
 * declared with users only a target rate too.
 *
 * @param users the number of virtual users (concurrency), or 0 for none: arrivals at the rate alone
 * @param ratePerSecond the target operations per second, or 0 for as fast as the users go
 * @param duration the whole run, warm-up included
 * @param warmUp the first part of the run, kept out of the numbers and verdicts
 * @param model a load model given whole ({@link LoadPlan#load}), in place of users and a rate; or null
 */
record LoadSettings(int users, double ratePerSecond, Duration duration, Duration warmUp, LoadModel model) {

  static final int DEFAULT_USERS = 10;
  static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);

  /** Runs shorter than this are cut into 10 intervals rather than 1-second ones, so that they have a shape. */
  private static final Duration SHORT_RUN = Duration.ofSeconds(10);
  private static final Duration SHORTEST_INTERVAL = Duration.ofMillis(10);

  LoadSettings {
    if (users < 0) {
      throw new IllegalArgumentException("users must be 0 or more, was " + users);
    }
    if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be a finite number of operations per second, 0 or more, was "
          + ratePerSecond);
    }
    if (users == 0 && ratePerSecond == 0 && model == null) {
      throw new IllegalArgumentException("a load test needs users, a rate or both");
    }
  }

  LoadSettings(int users, double ratePerSecond, Duration duration, Duration warmUp) {
    this(users, ratePerSecond, duration, warmUp, null);
  }

  /**
   * The declared settings with the environment's overrides applied.
   *
   * @param users declared users, or 0 when not declared
   * @param ratePerSecond declared rate, or 0 when not declared
   * @param duration declared duration, or null for the default
   * @param warmUp declared warm-up, or null for none
   */
  static LoadSettings resolve(int users, double ratePerSecond, Duration duration, Duration warmUp,
      Environment environment) {
    return resolve(users, ratePerSecond, null, duration, warmUp, environment);
  }

  /**
   * As above, with a load model given whole (or null): the users override sets a closed model's users
   * (keeping its think time, pacing and iteration limits), the rate override an open model's rate
   * (keeping its arrivals and in-flight bound); an override the model has no place for is an error.
   */
  static LoadSettings resolve(int users, double ratePerSecond, LoadModel model, Duration duration, Duration warmUp,
      Environment environment) {
    Overrides overrides = environment.overrides();
    Duration d = overrides.duration().orElse(duration == null ? DEFAULT_DURATION : duration);
    Duration w = overrides.warmUp().orElse(warmUp == null ? Duration.ZERO : warmUp);
    if (model != null) {
      return new LoadSettings(0, 0, d, w, overridden(model, overrides, environment));
    }
    int u = overrides.users().orElse(users);
    double rate = overrides.ratePerSecond().orElse(ratePerSecond);
    if (u == 0 && rate == 0) {
      u = DEFAULT_USERS;
    }
    return new LoadSettings(u, rate, d, w);
  }

  private static LoadModel overridden(LoadModel model, Overrides overrides, Environment environment) {
    LoadModel m = model;
    if (overrides.users().isPresent()) {
      if (!(m instanceof ClosedModel c)) {
        throw new IllegalArgumentException(environment.origin(Overrides.USERS) + ": the test's load ("
            + m.describe() + ") has no users to set");
      }
      m = new ClosedModel(UserProfile.constant(overrides.users().getAsInt()), c.thinkTime(), c.pacing(),
          c.iterationsPerUser(), c.sharedIterations());
    }
    if (overrides.ratePerSecond().isPresent()) {
      if (!(m instanceof OpenModel o)) {
        throw new IllegalArgumentException(environment.origin(Overrides.RATE) + ": the test's load ("
            + m.describe() + ") has no rate to set");
      }
      m = new OpenModel(RateProfile.constant(overrides.ratePerSecond().getAsDouble()), o.arrivals(), o.maxInFlight());
    }
    return m;
  }

  /**
   * The load model: users alone loop as fast as they can (closed); a rate alone arrives at that
   * rate whatever the response time (open); users and a rate pace each user so that together they
   * start the rate's operations per second, counting a late start's queueing in its response time.
   */
  LoadModel loadModel() {
    if (model != null) {
      return model;
    }
    if (users == 0) {
      return OpenModel.rate(ratePerSecond);
    }
    ClosedModel closed = ClosedModel.users(users);
    if (ratePerSecond == 0) {
      return closed;
    }
    return closed.pacing(Duration.ofNanos(Math.max(1, Math.round(users * 1e9 / ratePerSecond))));
  }

  /** Snapshots each second, or a tenth of a run shorter than 10 s. */
  Duration interval() {
    if (duration.compareTo(SHORT_RUN) >= 0) {
      return Defaults.INTERVAL;
    }
    Duration tenth = duration.dividedBy(10);
    return tenth.compareTo(SHORTEST_INTERVAL) < 0 ? SHORTEST_INTERVAL : tenth;
  }

  /** {@code 10 users, 30s} or {@code 10 users at 500/s, 2m (warm-up 10s)}, for display names. */
  String describe() {
    StringBuilder text = new StringBuilder();
    if (model != null) {
      text.append(model.describe());
    }
    if (users > 0) {
      text.append(users).append(users == 1 ? " user" : " users");
    }
    if (ratePerSecond > 0) {
      text.append(users > 0 ? " at " : "").append(Units.formatRate(ratePerSecond));
    }
    text.append(", ").append(Units.formatDuration(duration));
    if (!warmUp.isZero()) {
      text.append(" (warm-up ").append(Units.formatDuration(warmUp)).append(')');
    }
    return text.toString();
  }
}
