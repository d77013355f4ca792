package dev.plimsoll.core.engine;

import dev.plimsoll.core.result.ProfileChange;

/** A driver whose load can be changed while the run goes: the open model's rate, the closed model's users. */
interface Steerable {
  /** What a change sets. */
  ProfileChange.Setting setting();

  /** The setting at {@code nowNanos}: the rate per second the schedule follows, or the users wanted. */
  double current(long nowNanos);

  /** Sets the load from {@code nowNanos} on; {@code value} is already checked. */
  void steer(double value, long nowNanos);
}
