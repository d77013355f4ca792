package dev.plimsoll.sim;

import java.util.Optional;

/**
 * Two deterministic runs of one seed compared event for event.
 *
 * @param events how many events the first run had
 * @param difference the first event at which the runs differ, in words, or empty when they agree
 * @param first the first run's result
 */
public record DeterminismCheck(long seed, long events, Optional<String> difference, SimResult first) {

  public boolean deterministic() {
    return difference.isEmpty();
  }
}
