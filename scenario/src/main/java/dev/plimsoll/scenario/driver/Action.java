package dev.plimsoll.scenario.driver;

import dev.plimsoll.core.OperationContext;
import java.util.concurrent.CompletionStage;

/**
 * One step of a flow, ready to run: a flow runs its actions one after another, each starting when
 * the one before it completes.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Return at once; never block the calling thread waiting for the outcome (closed-model users
 *       and open-model arrivals are virtual threads, continuations may run on any thread).
 *   <li>Complete exceptionally when the step failed (no response, or a failed check); the
 *       exception's type and message become the error class in the report, so keep messages stable
 *       (no per-call ids). Throwing instead of returning is treated the same way.
 *   <li>Values for later steps go in {@link OperationContext#state()}.
 * </ul>
 */
@FunctionalInterface
public interface Action {

  /** Runs the step for one call of its flow. */
  CompletionStage<?> run(OperationContext context);
}
