package dev.plimsoll.core.testing;

import dev.plimsoll.core.OperationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * An operation context for tests of code that runs inside operations (templates, checks, drivers):
 * one user, its own state, a seeded random source, and an iteration the test sets.
 */
public class TestContext implements OperationContext {
  private final int userId;
  private final Map<String, Object> state = new HashMap<>();
  private final SplittableRandom random;
  private long iteration;

  public TestContext(int userId, long seed) {
    this.userId = userId;
    this.random = new SplittableRandom(seed);
  }

  public TestContext() {
    this(0, 42);
  }

  @Override
  public String workload() {
    return "test";
  }

  @Override
  public String operation() {
    return "test";
  }

  @Override
  public int userId() {
    return userId;
  }

  @Override
  public long iteration() {
    return iteration;
  }

  /** Sets what {@link #iteration()} returns, as the engine counts a user's iterations. */
  public void iteration(long value) {
    iteration = value;
  }

  @Override
  public Map<String, Object> state() {
    return state;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }
}
