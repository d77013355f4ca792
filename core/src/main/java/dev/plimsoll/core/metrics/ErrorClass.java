package dev.plimsoll.core.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Errors of one kind within one operation: same exception type and same normalised message.
 *
 * @param operation the operation that failed
 * @param type the exception's class name (or a protocol's error name)
 * @param message the message with its variable parts (numbers, ids) replaced, so that
 *     "timeout after 1032 ms" and "timeout after 998 ms" are one class
 * @param count how many times it happened
 * @param first when it first happened
 * @param last when it last happened
 * @param samples the first {@link #MAX_SAMPLES} occurrences, oldest first
 */
public record ErrorClass(
    String operation,
    String type,
    String message,
    long count,
    Instant first,
    Instant last,
    List<ErrorSample> samples) {

  public static final int MAX_SAMPLES = 100;

  /**
   * The type of the error class of operations still running when the graceful stop ended: Plimsoll
   * fails them itself, so that every started operation is counted as succeeded or failed.
   */
  public static final String UNFINISHED_AT_STOP = "plimsoll.UnfinishedAtStop";

  public ErrorClass {
    samples = List.copyOf(samples);
  }

  /** The key two error classes share when they are the same kind of error. */
  public String key() {
    return operation + '\u0000' + type + '\u0000' + message;
  }

  /** Combines two records of the same class: counts add, the earliest samples are kept. */
  public ErrorClass merge(ErrorClass other) {
    if (!key().equals(other.key())) {
      throw new IllegalArgumentException("cannot merge error class " + other.key() + " into " + key());
    }
    List<ErrorSample> merged = new ArrayList<>(samples.size() + other.samples.size());
    merged.addAll(samples);
    merged.addAll(other.samples);
    merged.sort(Comparator.comparing(ErrorSample::time));
    return new ErrorClass(
        operation,
        type,
        message,
        count + other.count,
        first.isBefore(other.first) ? first : other.first,
        last.isAfter(other.last) ? last : other.last,
        merged.subList(0, Math.min(MAX_SAMPLES, merged.size())));
  }
}
