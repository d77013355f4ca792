package dev.plimsoll.scenario.driver;

import java.util.Collection;

/** "Did you mean" for misspelt keys and names, worded the same for every part of a scenario. */
public final class Suggestions {
  private Suggestions() {}

  /** The closest candidate within a small edit distance (case-insensitive), or null. */
  public static String closest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String t = typed.toLowerCase(java.util.Locale.ROOT);
    for (String c : candidates) {
      int d = distance(t, c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int allowed = Math.max(1, Math.min(3, typed.length() / 3));
    return bestDistance <= allowed ? best : null;
  }

  /** " (did you mean 'x'?)" or " (allowed: a, b, c)". */
  public static String hint(String typed, Collection<String> candidates, String listLabel) {
    String close = closest(typed, candidates);
    if (close != null) {
      return " (did you mean '" + close + "'?)";
    }
    return candidates.isEmpty() ? "" : " (" + listLabel + ": " + String.join(", ", candidates) + ")";
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
