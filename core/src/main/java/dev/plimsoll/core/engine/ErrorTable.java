package dev.plimsoll.core.engine;

import dev.plimsoll.core.ClassifiedError;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorSample;
import dev.plimsoll.core.text.Secrets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts one operation's errors by class, keeping the first samples of each. Both the number of
 * classes and the samples per class are bounded, so memory stays bounded whatever the error rate;
 * classes beyond the bound are counted under one overflow class.
 */
final class ErrorTable {
  static final int MAX_CLASSES = 100;
  static final String OVERFLOW_TYPE = "plimsoll.TooManyErrorClasses";

  private final String operation;
  private final int maxSamples;
  private final Map<String, Entry> entries = new HashMap<>();

  ErrorTable(String operation, int maxSamples) {
    this.operation = operation;
    this.maxSamples = maxSamples;
  }

  private static final class Entry {
    final String type;
    final String message;
    long count;
    long firstMillis;
    long lastMillis;
    final List<ErrorSample> samples = new ArrayList<>(2);

    Entry(String type, String message) {
      this.type = type;
      this.message = message;
    }
  }

  /** One failure, classified: its type, its class message and its own message. */
  record Failure(String type, String classMessage, String message) {}

  /**
   * Classifies a failure; costly (regular expressions), so done before taking any lock. Secrets
   * are masked here ({@link Secrets#redactText}), before anything is stored: a message naming a
   * URL with a password or a token would otherwise reach result.json and every report.
   */
  static Failure classify(Throwable error) {
    String raw = ErrorClassifier.message(error);
    String own = error instanceof ClassifiedError classified ? Secrets.redactText(classified.errorClass()) : null;
    return new Failure(ErrorClassifier.type(error), own != null ? own : ErrorClassifier.normalise(raw), raw);
  }

  void add(Throwable error, long epochMillis) {
    add(classify(error), epochMillis);
  }

  void add(Failure failure, long epochMillis) {
    add(failure.type(), failure.classMessage(), failure.message(), epochMillis, 1);
  }

  private void add(String type, String message, String raw, long epochMillis, long count) {
    String key = type + '\u0000' + message;
    Entry e = entries.get(key);
    if (e == null) {
      if (entries.size() >= MAX_CLASSES && !OVERFLOW_TYPE.equals(type)) {
        add(OVERFLOW_TYPE, "more than " + MAX_CLASSES + " error classes", type + ": " + raw, epochMillis, count);
        return;
      }
      e = new Entry(type, message);
      e.firstMillis = epochMillis;
      entries.put(key, e);
    }
    e.count += count;
    e.lastMillis = epochMillis;
    if (e.samples.size() < maxSamples) {
      e.samples.add(new ErrorSample(Instant.ofEpochMilli(epochMillis), raw));
    }
  }

  /** Adds another table's classes (of the same operation) into this one. */
  void addAll(ErrorTable other) {
    for (Entry o : other.entries.values()) {
      String key = o.type + '\u0000' + o.message;
      Entry e = entries.get(key);
      if (e == null && entries.size() >= MAX_CLASSES && !OVERFLOW_TYPE.equals(o.type)) {
        add(OVERFLOW_TYPE, "more than " + MAX_CLASSES + " error classes", o.type, o.lastMillis, o.count);
        continue;
      }
      if (e == null) {
        e = new Entry(o.type, o.message);
        e.firstMillis = o.firstMillis;
        e.lastMillis = o.lastMillis;
        entries.put(key, e);
      } else {
        e.firstMillis = Math.min(e.firstMillis, o.firstMillis);
        e.lastMillis = Math.max(e.lastMillis, o.lastMillis);
      }
      e.count += o.count;
      for (ErrorSample s : o.samples) {
        if (e.samples.size() >= maxSamples) {
          break;
        }
        e.samples.add(s);
      }
    }
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  void clear() {
    entries.clear();
  }

  /** The classes, each with at most {@code samples} samples, oldest first. */
  List<ErrorClass> toErrorClasses(int samples) {
    List<ErrorClass> classes = new ArrayList<>(entries.size());
    for (Entry e : entries.values()) {
      List<ErrorSample> kept = new ArrayList<>(e.samples);
      kept.sort(java.util.Comparator.comparing(ErrorSample::time));
      classes.add(
          new ErrorClass(
              operation,
              e.type,
              e.message,
              e.count,
              Instant.ofEpochMilli(e.firstMillis),
              Instant.ofEpochMilli(e.lastMillis),
              kept.subList(0, Math.min(samples, kept.size()))));
    }
    classes.sort(java.util.Comparator.comparingLong(ErrorClass::count).reversed());
    return classes;
  }
}
