package dev.plimsoll.report.html;

import java.util.List;

/**
 * One chart of the report, as its script draws it: a shared x axis and the series over it.
 *
 * @param id the element's id, fixed for each kind of chart ({@code throughput}, {@code latency},
 *     ...), so tests and links can find it
 * @param title shown above the chart
 * @param kind how the x axis reads: {@code time} (seconds since the run's start, charts of this
 *     kind zoom together), {@code spectrum} (1 / (1 - percentile), on a log axis), {@code rate}
 *     (operations per second) or {@code size} (a scale sweep's sizes, on a log-2 axis)
 * @param unit the unit of the left y axis
 * @param unit2 the unit of the right y axis, or null when no series uses it
 * @param x the x values, ascending
 * @param series the series, each with one value per x (NaN where it has none)
 */
record Chart(String id, String title, String kind, String unit, String unit2, double[] x,
    List<Series> series) {

  Chart {
    series = List.copyOf(series);
  }

  /**
   * One line of a chart.
   *
   * @param label its name in the legend (text from the run made {@linkplain Text#visible visible})
   * @param group what the report's percentile switches act on ({@code p50}, {@code p90},
   *     {@code p99}, {@code max}), or empty
   * @param colour an index into the report's palette: an operation's lines share its colour
   * @param right whether it is read against the right y axis ({@link Chart#unit2})
   * @param shown whether it is shown at first; the legend toggles it
   * @param values one per x, NaN for none
   */
  record Series(String label, String group, int colour, boolean right, boolean shown,
      double[] values) {

    Series {
      label = Text.visible(label);
    }
  }
}
