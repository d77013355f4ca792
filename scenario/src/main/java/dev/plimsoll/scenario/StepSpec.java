package dev.plimsoll.scenario;

import dev.plimsoll.core.ThinkTime;

/**
 * One step of a flow: a think, built in, or a step of a driver
 * ({@link dev.plimsoll.scenario.driver.DriverStep}: an HTTP request, say).
 */
public interface StepSpec {

  /** Waits without holding a thread, then goes on with the next step. */
  record ThinkStep(ThinkTime think) implements StepSpec {}
}
