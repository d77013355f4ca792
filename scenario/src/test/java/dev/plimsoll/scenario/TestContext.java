package dev.plimsoll.scenario;

import dev.plimsoll.core.OperationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** An operation context for tests: one user, its own state, a seeded random source. */
class TestContext implements OperationContext {
  private final int userId;
  private final Map<String, Object> state = new HashMap<>();
  private final SplittableRandom random;
  long iteration;

  TestContext(int userId, long seed) {
    this.userId = userId;
    this.random = new SplittableRandom(seed);
  }

  TestContext() {
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

  @Override
  public Map<String, Object> state() {
    return state;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }
}
