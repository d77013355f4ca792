package dev.plimsoll.scenario;

import dev.plimsoll.core.ThinkTime;
import dev.plimsoll.scenario.driver.StepSpec;

/** A step of a flow that waits without holding a thread, then goes on with the next step. */
public record ThinkStep(ThinkTime think) implements StepSpec {}
