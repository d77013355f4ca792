package dev.plimsoll.core;

import java.time.Duration;

/**
 * The value a scenario setting takes when nobody gives one, whether the scenario is built in Java
 * ({@link Scenario#builder}), read from a file or built by a quick test. Each default is written
 * here once; a driver's own settings have theirs beside them (HTTP's in
 * {@code HttpClientSettings}).
 */
public final class Defaults {

  /**
   * The run length of a scenario file or spec that names none. {@link Scenario#builder} has no
   * default: a Java scenario says how long it runs.
   */
  public static final Duration DURATION = Duration.ofMinutes(1);

  /** No warm-up: every interval counts. */
  public static final Duration WARM_UP = Duration.ZERO;

  /** The length of one interval snapshot. */
  public static final Duration INTERVAL = Duration.ofSeconds(1);

  /** How long in-flight operations may take to finish once the run ends. */
  public static final Duration GRACEFUL_STOP = Duration.ofSeconds(5);

  /** The seed of every random source, so two runs of one scenario draw the same numbers. */
  public static final long SEED = 42;

  private Defaults() {}
}
