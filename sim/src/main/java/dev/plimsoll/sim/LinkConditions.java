package dev.plimsoll.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * What a link does to the messages sent over it. A message takes a {@link Latency} sample plus a
 * uniform jitter in {@code [-jitter, +jitter]} (never below 0); it may be dropped ({@link Loss}), sent
 * twice ({@code duplicateProbability}, the copy taking its own latency), and a link keeps its
 * messages in order unless one is let {@code reorderProbability} overtake the ones before it
 * (messages held back for order count as delayed).
 *
 * <pre>{@code
 * LinkConditions wan = LinkConditions.of(Latency.normal(Duration.ofMillis(40), Duration.ofMillis(8)))
 *     .jitter(Duration.ofMillis(2)).loss(Loss.random(0.01)).duplicate(0.001).reorder(0.01);
 * }</pre>
 */
public record LinkConditions(
    Latency latency, Duration jitter, Loss loss, double duplicateProbability, double reorderProbability) {

  /** 1 ms, nothing lost, duplicated or reordered. */
  public static final LinkConditions DEFAULT = of(Latency.constant(Duration.ofMillis(1)));

  public LinkConditions {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(loss, "loss");
    Checks.nonNegative(jitter, "jitter");
    Checks.probability(duplicateProbability, "duplicate");
    Checks.probability(reorderProbability, "reorder");
  }

  /** A link with this latency and no jitter, loss, duplication or reordering. */
  public static LinkConditions of(Latency latency) {
    return new LinkConditions(latency, Duration.ZERO, Loss.none(), 0, 0);
  }

  public LinkConditions latency(Latency newLatency) {
    return new LinkConditions(newLatency, jitter, loss, duplicateProbability, reorderProbability);
  }

  public LinkConditions jitter(Duration newJitter) {
    return new LinkConditions(latency, newJitter, loss, duplicateProbability, reorderProbability);
  }

  public LinkConditions loss(Loss newLoss) {
    return new LinkConditions(latency, jitter, newLoss, duplicateProbability, reorderProbability);
  }

  public LinkConditions duplicate(double probability) {
    return new LinkConditions(latency, jitter, loss, probability, reorderProbability);
  }

  public LinkConditions reorder(double probability) {
    return new LinkConditions(latency, jitter, loss, duplicateProbability, probability);
  }

  /** In words, for the result. */
  public String describe() {
    StringBuilder s = new StringBuilder(latency.describe());
    if (jitter.isPositive()) {
      s.append(" ±").append(Checks.text(jitter));
    }
    s.append(", loss ").append(loss.describe());
    if (duplicateProbability > 0) {
      s.append(", duplicate ").append(duplicateProbability);
    }
    if (reorderProbability > 0) {
      s.append(", reorder ").append(reorderProbability);
    }
    return s.toString();
  }
}
