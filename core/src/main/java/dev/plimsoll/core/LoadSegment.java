package dev.plimsoll.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One machine's part of a run split across several ({@code plimsoll run --workers N}): every
 * workload's arrivals, users and shared iterations are numbered 0, 1, 2, ... as one process would
 * run them, and each number belongs to exactly one segment of a {@linkplain #split split}. So the
 * parts add up exactly to the whole, at every instant of every profile, whatever the number of
 * machines or their weights.
 *
 * <p>Numbers are dealt in a fixed, smooth pattern that repeats every (total weight) numbers, the
 * same interleaving a {@link Mix} uses: after any n numbers a segment owns n × its share, rounded up
 * or down, never off by one or more. An open model's arrivals keep their intended times and their
 * place in the mix, so the fleet's operations are exactly those one process would start. A closed
 * model's users are dealt the same way (user u runs where u is owned); each machine runs its own
 * users' mix, exact on that machine.
 *
 * <p>A value: equal segments are equal, and {@link #weights()} and {@link #index()} are all it takes
 * to send one to another machine ({@link #of}).
 */
public final class LoadSegment {

  private static final LoadSegment WHOLE = new LoadSegment(new int[] {1}, 0, new int[] {0});

  private final int[] weights;
  private final int index;
  /** Who owns each number of one period. */
  private final int[] owners;
  /** How many of the first k numbers of a period this segment owns, for k = 0 ... period. */
  private final int[] ownedBefore;

  private LoadSegment(int[] weights, int index, int[] owners) {
    this.weights = weights;
    this.index = index;
    this.owners = owners;
    this.ownedBefore = new int[owners.length + 1];
    for (int k = 0; k < owners.length; k++) {
      ownedBefore[k + 1] = ownedBefore[k] + (owners[k] == index ? 1 : 0);
    }
  }

  /** The whole load: what a run on one machine does. */
  public static LoadSegment whole() {
    return WHOLE;
  }

  /** The load split into {@code parts} equal segments. */
  public static List<LoadSegment> split(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be >= 1 (was " + parts + ")");
    }
    int[] weights = new int[parts];
    Arrays.fill(weights, 1);
    return split(weights);
  }

  /**
   * The load split into segments in proportion to {@code weights}, one segment per weight: a
   * machine of weight 2 gets twice the load of one of weight 1.
   *
   * @throws IllegalArgumentException if a weight is below 1, or their total after dividing by their
   *     greatest common divisor exceeds {@link Mix#MAX_TOTAL_WEIGHT}
   */
  public static List<LoadSegment> split(int... weights) {
    int[] reduced = reduce(weights);
    int[] owners = MixSequence.of(reduced);
    List<LoadSegment> segments = new ArrayList<>(reduced.length);
    for (int i = 0; i < reduced.length; i++) {
      segments.add(new LoadSegment(reduced, i, owners));
    }
    return List.copyOf(segments);
  }

  /**
   * Segment {@code index} of the split by {@code weights}: what {@code split(weights).get(index)}
   * returns, for a machine told its weights and index.
   */
  public static LoadSegment of(int[] weights, int index) {
    int[] reduced = reduce(weights);
    if (index < 0 || index >= reduced.length) {
      throw new IllegalArgumentException(
          "index must be between 0 and " + (reduced.length - 1) + " (was " + index + ")");
    }
    return reduced.length == 1 ? WHOLE : new LoadSegment(reduced, index, MixSequence.of(reduced));
  }

  private static int[] reduce(int[] weights) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("weights must not be empty");
    }
    long total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < 1) {
        throw new IllegalArgumentException("weights[" + i + "] must be >= 1 (was " + weights[i] + ")");
      }
      total += weights[i];
    }
    int divisor = MixSequence.gcd(weights);
    if (total / divisor > Mix.MAX_TOTAL_WEIGHT) {
      throw new IllegalArgumentException("weights must total at most " + Mix.MAX_TOTAL_WEIGHT
          + " after dividing by their greatest common divisor (was " + total / divisor + ")");
    }
    int[] reduced = new int[weights.length];
    for (int i = 0; i < weights.length; i++) {
      reduced[i] = weights[i] / divisor;
    }
    return reduced;
  }

  /** The weights of the split this segment belongs to, divided by their greatest common divisor. */
  public int[] weights() {
    return weights.clone();
  }

  /** This segment's position in its split, from 0. */
  public int index() {
    return index;
  }

  /** How many segments its split has. */
  public int parts() {
    return weights.length;
  }

  /** Whether this is the whole load. */
  public boolean isWhole() {
    return weights.length == 1;
  }

  /** This segment's share of the load, between 0 and 1. */
  public double share() {
    return (double) weights[index] / owners.length;
  }

  /** Whether number {@code n} (an arrival, a user, a shared iteration; from 0) is this segment's. */
  public boolean owns(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0 (was " + n + ")");
    }
    return owners[(int) (n % owners.length)] == index;
  }

  /** How many of the numbers 0 ... n − 1 are this segment's: its part of a count of n. */
  public long partOf(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0 (was " + n + ")");
    }
    return n / owners.length * weights[index] + ownedBefore[(int) (n % owners.length)];
  }

  /** As {@link #partOf(long)}, for counts that are ints (users). */
  public int partOf(int n) {
    return (int) partOf((long) n);
  }

  /** For example "2 of 4" or "2 of 3 (weight 2 of 4)"; numbered from 1, as people count. */
  public String describe() {
    if (isWhole()) {
      return "the whole load";
    }
    boolean equal = Arrays.stream(weights).allMatch(w -> w == weights[0]);
    String place = (index + 1) + " of " + weights.length;
    return equal ? place : place + " (weight " + weights[index] + " of " + owners.length + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LoadSegment other && index == other.index && Arrays.equals(weights, other.weights);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(weights) + index;
  }

  @Override
  public String toString() {
    return "LoadSegment[" + describe() + "]";
  }
}
