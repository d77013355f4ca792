package dev.plimsoll.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Weighted operations. Weights are honoured exactly, not on average: after any number N of picks,
 * each operation has been picked N × its share of the weights, rounded up or down — never off by
 * one or more. The order is a fixed, smooth interleaving that repeats every (total weight) picks.
 *
 * <pre>{@code
 * Mix mix = Mix.builder()
 *     .add("search", 8, ctx -> catalogue.search("boots"))
 *     .add("buy", 1, ctx -> cart.checkout())
 *     .build();
 * }</pre>
 */
public final class Mix {

  /** Weights are reduced by their greatest common divisor; the reduced total may not exceed this. */
  public static final int MAX_TOTAL_WEIGHT = 1_000_000;

  private final List<Entry> entries;
  private final int[] sequence;

  private Mix(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    this.sequence = MixSequence.of(entries.stream().mapToInt(Entry::weight).toArray());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A mix of one operation. */
  public static Mix of(String name, Operation operation) {
    return builder().add(name, 1, operation).build();
  }

  /** A mix of one asynchronous operation. */
  public static Mix ofAsync(String name, AsyncOperation operation) {
    return builder().addAsync(name, 1, operation).build();
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The index into {@link #entries()} of pick number {@code n} (from 0). */
  public int pick(long n) {
    return sequence[(int) (n % sequence.length)];
  }

  /** The number of picks after which the interleaving repeats. */
  public int period() {
    return sequence.length;
  }

  /**
   * One operation of a mix: exactly one of {@code operation} and {@code asyncOperation} is set.
   */
  public record Entry(String name, int weight, Operation operation, AsyncOperation asyncOperation) {
    public boolean async() {
      return asyncOperation != null;
    }
  }

  /** Builds a {@link Mix}; {@link #build()} checks names and weights. */
  public static final class Builder {
    private final List<Entry> entries = new ArrayList<>();

    private Builder() {}

    public Builder add(String name, int weight, Operation operation) {
      entries.add(new Entry(name, weight, Objects.requireNonNull(operation, "operation"), null));
      return this;
    }

    public Builder add(String name, Operation operation) {
      return add(name, 1, operation);
    }

    public Builder addAsync(String name, int weight, AsyncOperation operation) {
      entries.add(new Entry(name, weight, null, Objects.requireNonNull(operation, "operation")));
      return this;
    }

    public Mix build() {
      InvalidConfigurationException.require(
          !entries.isEmpty(), "mix", "is empty (add at least one operation)");
      Set<String> names = new HashSet<>();
      long total = 0;
      for (Entry e : entries) {
        InvalidConfigurationException.require(
            OperationNames.isValid(e.name()),
            "mix.operation",
            "name '" + e.name() + "' is not allowed (" + OperationNames.RULE + ")");
        InvalidConfigurationException.require(
            names.add(e.name()), "mix.operation", "name '" + e.name() + "' is used twice");
        InvalidConfigurationException.require(
            e.weight() >= 0,
            "mix." + e.name() + ".weight",
            "must be >= 0 (was " + e.weight() + ")");
        total += e.weight();
      }
      InvalidConfigurationException.require(
          total > 0, "mix.weight", "weights sum to 0 (at least one weight must be > 0)");
      long reduced = total / MixSequence.gcd(entries.stream().mapToInt(Entry::weight).toArray());
      InvalidConfigurationException.require(
          reduced <= MAX_TOTAL_WEIGHT,
          "mix.weight",
          "weights sum to " + total + " (at most " + MAX_TOTAL_WEIGHT + " after reduction)");
      return new Mix(entries);
    }
  }
}
