package dev.plimsoll.core.criteria;

/** A measurable quantity a criterion can be written over. TODO: complete (criteria helper). */
public enum Metric {
  P95("p95", "ms");

  private final String token;
  private final String unit;

  Metric(String token, String unit) {
    this.token = token;
    this.unit = unit;
  }

  public String token() {
    return token;
  }

  /** The canonical unit thresholds and measured values are held in. */
  public String unit() {
    return unit;
  }
}
