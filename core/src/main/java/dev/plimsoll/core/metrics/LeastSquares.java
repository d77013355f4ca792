package dev.plimsoll.core.metrics;

/**
 * A straight line fitted by least squares, with the 95 % confidence interval of its slope from
 * Student's t distribution on the slope's standard error. The interval assumes the points scatter
 * independently around the line; readings of heap after collection do not quite (garbage promoted
 * to the old generation climbs in steps until an old collection), so it is a guide, not a proof.
 */
final class LeastSquares {
  private LeastSquares() {}

  /** Two-sided 95 % quantiles of Student's t for 1 to 30 degrees of freedom. */
  private static final double[] T_975 = {
    12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
    2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
    2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423};

  /** The normal distribution's 97.5 % quantile. */
  private static final double Z_975 = 1.959963984540054;

  /**
   * A fitted slope (y units per x unit) and the half-width of its 95 % confidence interval. The
   * slope is NaN for fewer than two points or when every point has the same x; the margin is NaN
   * for fewer than three points (no degrees of freedom left to estimate the scatter).
   */
  record Fit(double slope, double margin, int points) {}

  /** @throws IllegalArgumentException if the arrays differ in length */
  static Fit fit(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
    }
    int n = x.length;
    if (n < 2) {
      return new Fit(Double.NaN, Double.NaN, n);
    }
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      meanX += x[i];
      meanY += y[i];
    }
    meanX /= n;
    meanY /= n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - meanX;
      sxx += dx * dx;
      sxy += dx * (y[i] - meanY);
    }
    if (sxx == 0) {
      return new Fit(Double.NaN, Double.NaN, n);
    }
    double slope = sxy / sxx;
    if (n < 3) {
      return new Fit(slope, Double.NaN, n);
    }
    double residuals = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - meanY - slope * (x[i] - meanX);
      residuals += r * r;
    }
    double standardError = Math.sqrt(residuals / (n - 2) / sxx);
    return new Fit(slope, t975(n - 2) * standardError, n);
  }

  /**
   * Student's t 97.5 % quantile: from the table up to 30 degrees of freedom, then by the
   * Cornish-Fisher expansion around the normal quantile (Abramowitz and Stegun 26.7.5), which
   * there agrees with the exact value to better than 1e-7.
   */
  static double t975(int degreesOfFreedom) {
    if (degreesOfFreedom < 1) {
      throw new IllegalArgumentException("degrees of freedom must be at least 1, was " + degreesOfFreedom);
    }
    if (degreesOfFreedom <= T_975.length) {
      return T_975[degreesOfFreedom - 1];
    }
    double z = Z_975;
    double v = degreesOfFreedom;
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    double z7 = z5 * z * z;
    double z9 = z7 * z * z;
    double g1 = (z3 + z) / 4;
    double g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
    double g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
    double g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
    return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
  }
}
