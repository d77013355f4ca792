package dev.plimsoll.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * What a link does to the messages sent over it. A message takes a {@link Latency} sample plus a
 * uniform jitter in {@code [-jitter, +jitter]} (never below 0); it may be dropped ({@link Loss}), sent
 * twice ({@code duplicateProbability}, the copy taking its own latency), and a link keeps its
 * messages in order unless one is let {@code reorderProbability} overtake the ones before it
 * (messages held back for order count as delayed). With a {@code bandwidthBytesPerSecond} a link
 * sends one message at a time, each taking its size over the bandwidth, and the messages behind it
 * wait (delayed); with a {@code queueLimit} a message that finds that many waiting is dropped (lost),
 * as a router's tail-drop queue does. Messages are {@link Simulation.Builder#messageBytes} long.
 *
 * <pre>{@code
 * LinkConditions wan = LinkConditions.of(Latency.normal(Duration.ofMillis(40), Duration.ofMillis(8)))
 *     .jitter(Duration.ofMillis(2)).loss(Loss.random(0.01)).duplicate(0.001).reorder(0.01);
 * }</pre>
 */
public record LinkConditions(
    Latency latency, Duration jitter, Loss loss, double duplicateProbability, double reorderProbability,
    long bandwidthBytesPerSecond, int queueLimit, double latencyCorrelation) {

  /** 1 ms, nothing lost, duplicated or reordered. */
  public static final LinkConditions DEFAULT = of(Latency.constant(Duration.ofMillis(1)));

  public LinkConditions {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(loss, "loss");
    Checks.nonNegative(jitter, "jitter");
    Checks.probability(duplicateProbability, "duplicate");
    Checks.probability(reorderProbability, "reorder");
    Checks.require(bandwidthBytesPerSecond >= 0, "bandwidth", "must be >= 0 (was " + bandwidthBytesPerSecond + ")");
    Checks.require(queueLimit >= 0, "queueLimit", "must be >= 0 (was " + queueLimit + ")");
    Checks.require(latencyCorrelation >= 0 && latencyCorrelation < 1, "correlation",
        "must be >= 0 and < 1 (was " + latencyCorrelation + ")");
  }

  /** A link with this latency and no jitter, loss, duplication or reordering. */
  public static LinkConditions of(Latency latency) {
    return new LinkConditions(latency, Duration.ZERO, Loss.none(), 0, 0, 0, 0, 0);
  }

  public LinkConditions latency(Latency newLatency) {
    return new LinkConditions(newLatency, jitter, loss, duplicateProbability, reorderProbability,
        bandwidthBytesPerSecond, queueLimit, latencyCorrelation);
  }

  public LinkConditions jitter(Duration newJitter) {
    return new LinkConditions(latency, newJitter, loss, duplicateProbability, reorderProbability,
        bandwidthBytesPerSecond, queueLimit, latencyCorrelation);
  }

  public LinkConditions loss(Loss newLoss) {
    return new LinkConditions(latency, jitter, newLoss, duplicateProbability, reorderProbability,
        bandwidthBytesPerSecond, queueLimit, latencyCorrelation);
  }

  public LinkConditions duplicate(double probability) {
    return new LinkConditions(latency, jitter, loss, probability, reorderProbability,
        bandwidthBytesPerSecond, queueLimit, latencyCorrelation);
  }

  public LinkConditions reorder(double probability) {
    return new LinkConditions(latency, jitter, loss, duplicateProbability, probability,
        bandwidthBytesPerSecond, queueLimit, latencyCorrelation);
  }

  /** Limits the link to {@code bytesPerSecond} (0: unlimited), one message at a time. */
  public LinkConditions bandwidth(long bytesPerSecond) {
    return new LinkConditions(latency, jitter, loss, duplicateProbability, reorderProbability,
        bytesPerSecond, queueLimit, latencyCorrelation);
  }

  /** Drops a message that finds {@code messages} already waiting for the bandwidth (0: no limit). */
  public LinkConditions queueLimit(int messages) {
    return new LinkConditions(latency, jitter, loss, duplicateProbability, reorderProbability, bandwidthBytesPerSecond,
        messages, latencyCorrelation);
  }

  /**
   * Makes each latency sample lean on the one before, as netem's correlation does: the sample is
   * {@code correlation * previous + (1 - correlation) * fresh}, so slow messages come in runs while
   * the mean stays the distribution's. 0 (the default) draws each independently.
   */
  public LinkConditions correlation(double correlation) {
    return new LinkConditions(latency, jitter, loss, duplicateProbability, reorderProbability, bandwidthBytesPerSecond,
        queueLimit, correlation);
  }

  /** In words, for the result. */
  public String describe() {
    StringBuilder s = new StringBuilder(latency.describe());
    if (jitter.isPositive()) {
      s.append(" ±").append(Checks.text(jitter));
    }
    if (latencyCorrelation > 0) {
      s.append(" correlated ").append(latencyCorrelation);
    }
    s.append(", loss ").append(loss.describe());
    if (duplicateProbability > 0) {
      s.append(", duplicate ").append(duplicateProbability);
    }
    if (reorderProbability > 0) {
      s.append(", reorder ").append(reorderProbability);
    }
    if (bandwidthBytesPerSecond > 0) {
      s.append(", bandwidth ").append(bandwidthBytesPerSecond).append(" B/s");
    }
    if (queueLimit > 0) {
      s.append(", queue ").append(queueLimit);
    }
    return s.toString();
  }
}
