package dev.plimsoll.core;

import dev.plimsoll.core.units.Units;
import java.time.Duration;

/**
 * Virtual users, each running iterations one after another on its own virtual thread.
 *
 * @param users how many users run over time
 * @param thinkTime the pause after each iteration
 * @param pacing when positive, each user starts an iteration every {@code pacing} (the think time
 *     is then ignored); an iteration that starts late has its response time counted from the
 *     paced start, so a slow system cannot hide its queueing
 * @param iterationsPerUser each user stops after this many iterations (0: no limit)
 * @param sharedIterations all users together stop after this many iterations (0: no limit)
 */
public record ClosedModel(
    UserProfile users,
    ThinkTime thinkTime,
    Duration pacing,
    long iterationsPerUser,
    long sharedIterations)
    implements LoadModel {

  public ClosedModel {
    InvalidConfigurationException.require(users != null, "users", "is required");
    InvalidConfigurationException.require(thinkTime != null, "thinkTime", "is required");
    InvalidConfigurationException.require(
        pacing != null && !pacing.isNegative(), "pacing", "must be >= 0s (was " + (pacing == null ? "none" : Units.formatDuration(pacing)) + ")");
    InvalidConfigurationException.require(
        iterationsPerUser >= 0, "iterationsPerUser", "must be >= 0 (was " + iterationsPerUser + ")");
    InvalidConfigurationException.require(
        sharedIterations >= 0, "sharedIterations", "must be >= 0 (was " + sharedIterations + ")");
  }

  /** {@code count} users, no think time. */
  public static ClosedModel users(int count) {
    return of(UserProfile.constant(count));
  }

  public static ClosedModel of(UserProfile users) {
    return new ClosedModel(users, ThinkTime.none(), Duration.ZERO, 0, 0);
  }

  public ClosedModel thinkTime(ThinkTime think) {
    return new ClosedModel(users, think, pacing, iterationsPerUser, sharedIterations);
  }

  public ClosedModel pacing(Duration interval) {
    return new ClosedModel(users, thinkTime, interval, iterationsPerUser, sharedIterations);
  }

  public ClosedModel iterationsPerUser(long limit) {
    return new ClosedModel(users, thinkTime, pacing, limit, sharedIterations);
  }

  public ClosedModel sharedIterations(long limit) {
    return new ClosedModel(users, thinkTime, pacing, iterationsPerUser, limit);
  }

  public boolean paced() {
    return pacing.compareTo(Duration.ZERO) > 0;
  }

  @Override
  public String describe() {
    StringBuilder text = new StringBuilder("closed: ").append(users.describe());
    if (paced()) {
      text.append(", paced every ").append(Units.formatDuration(pacing));
    } else if (!(thinkTime instanceof ThinkTime.None)) {
      text.append(", ").append(thinkTime.describe());
    }
    if (iterationsPerUser > 0) {
      text.append(", ").append(iterationsPerUser).append(" iterations per user");
    }
    if (sharedIterations > 0) {
      text.append(", ").append(sharedIterations).append(" iterations in all");
    }
    return text.toString();
  }
}
