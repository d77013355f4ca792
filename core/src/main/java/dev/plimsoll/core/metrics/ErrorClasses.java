package dev.plimsoll.core.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merging of error-class lists, keeping one entry per class. */
public final class ErrorClasses {
  private ErrorClasses() {}

  /** Merges lists of error classes; the result is ordered by count, largest first. */
  public static List<ErrorClass> merge(List<List<ErrorClass>> lists) {
    Map<String, ErrorClass> byKey = new LinkedHashMap<>();
    for (List<ErrorClass> list : lists) {
      for (ErrorClass e : list) {
        byKey.merge(e.key(), e, ErrorClass::merge);
      }
    }
    List<ErrorClass> merged = new ArrayList<>(byKey.values());
    merged.sort(Comparator.comparingLong(ErrorClass::count).reversed());
    return List.copyOf(merged);
  }
}
