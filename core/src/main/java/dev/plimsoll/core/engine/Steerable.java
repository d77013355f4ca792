package dev.plimsoll.core.engine;

import dev.plimsoll.core.result.ProfileChange;

/**
 * A driver whose load can be changed while the run goes: the open model's rate, the closed model's
 * users. Values are the whole load's: a driver running a segment of it runs its segment's part.
 */
interface Steerable {
  /** What a change sets. */
  ProfileChange.Setting setting();

  /** The setting at {@code atNanos}: the rate per second the schedule follows, or the users wanted. */
  double current(long atNanos);

  /**
   * Sets the load from {@code atNanos} on: now, or a moment ahead (every change's moment is at or
   * after the last one's); {@code value} is already checked.
   */
  void steer(double value, long atNanos);
}
