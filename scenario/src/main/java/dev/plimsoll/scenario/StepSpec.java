package dev.plimsoll.scenario;

import dev.plimsoll.core.ThinkTime;
import java.util.List;

/** One step of a flow: a request, or a pause. */
public sealed interface StepSpec {

  /**
   * Sends a request, then checks the response and extracts values from it into the user's state.
   * Checks run first; extraction only from a response that passed them.
   */
  record RequestStep(RequestSpec request, CheckSpec checks, List<ExtractSpec> extract) implements StepSpec {
    public RequestStep {
      extract = List.copyOf(extract);
    }
  }

  /** Waits without holding a thread, then goes on with the next step. */
  record ThinkStep(ThinkTime think) implements StepSpec {}
}
