package dev.plimsoll.core;

import dev.plimsoll.core.result.ProfileChange;
import java.util.List;

/**
 * Changes a running run's load: an open model's arrival rate, a closed model's number of users.
 * Got from {@link RunHandle#steering()}; any thread may use it, while the run goes.
 *
 * <p>A change takes effect at once and holds until the run ends or the next change: the
 * workload's profile no longer applies. A new rate continues the arrival schedule from the moment
 * of the change (operations keep their intended start times on it, so coordinated omission stays
 * corrected); with more users, new users start; with fewer, users above the count finish their
 * current iteration and leave, so nothing started is lost or left uncounted. Every change is
 * recorded in the result as a {@link ProfileChange}, with its time and who made it, and
 * {@linkplain RunListener#profileChanged told} to the listeners.
 *
 * <pre>{@code
 * RunHandle run = Plimsoll.start(scenario);
 * run.steering().setRate("checkout", 250);            // recorded as made by "api"
 * run.steering().setUsers("browsers", 40, "capacity-search");
 * }</pre>
 */
public interface Steering {

  /** Who made a change through the Java API, as the result records it. */
  String BY_API = "api";

  /** The highest rate a change may set, per second: far past what one generator can offer. */
  double MAX_RATE_PER_SECOND = 10_000_000;

  /** The most users a change may set. */
  int MAX_USERS = 1_000_000;

  /**
   * One workload's setting now: its rate per second (open model) or its number of users (closed).
   *
   * @param setting {@link ProfileChange.Setting#RATE} or {@link ProfileChange.Setting#USERS}
   */
  record Knob(String workload, ProfileChange.Setting setting, double value) {}

  /** Each workload's current setting, in scenario order. */
  List<Knob> knobs();

  /**
   * Sets an open-model workload's arrival rate from now on.
   *
   * @param perSecond the new rate: 0 (no arrivals until the next change) up to
   *     {@link #MAX_RATE_PER_SECOND}
   * @param by who makes the change, for the record ({@link #BY_API}, {@code "dashboard"}, ...)
   * @return the change as recorded
   * @throws IllegalArgumentException if there is no such workload, it is a closed model, or the
   *     rate is out of range; nothing changes
   * @throws IllegalStateException if the run has ended or is stopping; nothing changes
   */
  ProfileChange setRate(String workload, double perSecond, String by);

  /** {@link #setRate(String, double, String)}, recorded as made {@linkplain #BY_API through the API}. */
  default ProfileChange setRate(String workload, double perSecond) {
    return setRate(workload, perSecond, BY_API);
  }

  /**
   * Sets a closed-model workload's number of users from now on.
   *
   * @param users the new count: 0 up to {@link #MAX_USERS}
   * @param by who makes the change, for the record
   * @return the change as recorded
   * @throws IllegalArgumentException if there is no such workload, it is an open model, or the
   *     count is out of range; nothing changes
   * @throws IllegalStateException if the run has ended or is stopping; nothing changes
   */
  ProfileChange setUsers(String workload, int users, String by);

  /** {@link #setUsers(String, int, String)}, recorded as made {@linkplain #BY_API through the API}. */
  default ProfileChange setUsers(String workload, int users) {
    return setUsers(workload, users, BY_API);
  }

  /**
   * Makes a change decided elsewhere at its own moment: {@code change.to()} for its workload's
   * setting from {@code change.at()} (time since the run started) on, or at once if that moment has
   * passed. A distributed run's workers apply each change of the coordinator so, every one at the
   * same moment of the run: the value is the whole load's, and each machine runs its segment's
   * exact part of it ({@link LoadSegment}).
   *
   * @return the change as applied here: its moment is the later of {@code change.at()} and now
   * @throws IllegalArgumentException as {@link #setRate} and {@link #setUsers} do
   * @throws IllegalStateException if the run has ended or is stopping, or the moment lies past its end
   * @throws UnsupportedOperationException if this run cannot make a change at a moment of its own
   */
  default ProfileChange apply(ProfileChange change) {
    throw new UnsupportedOperationException("this run makes changes only from now on");
  }
}
