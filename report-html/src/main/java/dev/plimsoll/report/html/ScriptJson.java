package dev.plimsoll.report.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.plimsoll.core.RunProgress;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The report's data as JSON that is safe inside an HTML {@code <script type="application/json">}
 * element: besides JSON's own escapes, {@code <}, {@code >} and {@code &} are written as
 * {@code \}{@code u} escapes (so no {@code </script>} or {@code <!--} can end or change the
 * element), and so are U+2028 and U+2029 (line breaks to a JavaScript parser). The page's script
 * reads it with {@code JSON.parse} of the element's text: data is never markup.
 */
final class ScriptJson {

  private static final JsonFactory FACTORY = new JsonFactoryBuilder()
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .characterEscapes(new HtmlSafeEscapes())
      .build();

  private ScriptJson() {}

  /**
   * Writes the charts and the phase markers onto {@code out}.
   *
   * @param origin the run's start as epoch seconds, which the charts' times are relative to
   */
  static void write(Writer out, double origin, List<Chart> charts, List<Marker> markers)
      throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeNumberField("origin", origin);
      json.writeArrayFieldStart("markers");
      for (Marker marker : markers) {
        json.writeStartObject();
        json.writeNumberField("x", Math.rint(marker.x() * 1000) / 1000);
        json.writeNumberField("end", Math.rint(marker.end() * 1000) / 1000);
        json.writeStringField("kind", marker.kind());
        json.writeNumberField("row", marker.row());
        json.writeStringField("label", Text.visible(marker.label()));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("charts");
      for (Chart chart : charts) {
        writeChart(json, chart);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /**
   * Writes one interval of a live run as a dashboard event: its figures ({@code interval}), the
   * run's progress ({@code progress}) and the charts so far ({@code charts}, as {@link #write}).
   */
  static void writeEvent(Writer out, IntervalFigures interval, RunProgress progress,
      ChartData charts) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeObjectFieldStart("interval");
      json.writeNumberField("index", interval.index());
      json.writeBooleanField("warmUp", interval.warmUp());
      number(json, "throughput", interval.throughput());
      number(json, "errorsPerSecond", interval.errorsPerSecond());
      number(json, "droppedPerSecond", interval.droppedPerSecond());
      json.writeNumberField("inFlight", interval.inFlight());
      number(json, "p50Ms", interval.p50Ms());
      number(json, "p90Ms", interval.p90Ms());
      number(json, "p99Ms", interval.p99Ms());
      number(json, "maxMs", interval.maxMs());
      json.writeObjectFieldStart("system");
      number(json, "processCpu", interval.processCpu());
      number(json, "machineCpu", interval.machineCpu());
      number(json, "heapUsedBytes", interval.heapUsedBytes());
      number(json, "rssBytes", interval.rssBytes());
      number(json, "gcPauseMs", interval.gcPauseMs());
      json.writeEndObject();
      json.writeEndObject();
      json.writeObjectFieldStart("progress");
      json.writeNumberField("elapsedSeconds", progress.elapsed().toMillis() / 1000.0);
      json.writeNumberField("plannedSeconds", progress.planned().toMillis() / 1000.0);
      json.writeNumberField("completed", progress.completed());
      json.writeNumberField("failed", progress.failed());
      json.writeNumberField("dropped", progress.dropped());
      json.writeBooleanField("stopping", progress.stopping());
      json.writeEndObject();
      // Written by the same escapes, then taken in whole as the value.
      java.io.StringWriter chartJson = new java.io.StringWriter(16 * 1024);
      write(chartJson, charts.origin(), charts.charts(), charts.markers());
      json.writeFieldName("charts");
      json.writeRawValue(chartJson.toString());
      json.writeEndObject();
    }
  }

  /** A figure rounded for display, or null when unknown (NaN, or negative for the system's). */
  private static void number(JsonGenerator json, String name, double value) throws IOException {
    if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, round(value));
    }
  }

  /** What a chart's data are made of: the time origin, the charts and the phase markers. */
  record ChartData(double origin, List<Chart> charts, List<Marker> markers) {}

  /** One interval's headline figures, as the live page shows them in words. */
  record IntervalFigures(int index, boolean warmUp, double throughput, double errorsPerSecond,
      double droppedPerSecond, long inFlight, double p50Ms, double p90Ms, double p99Ms,
      double maxMs, double processCpu, double machineCpu, double heapUsedBytes, double rssBytes,
      double gcPauseMs) {}

  private static void writeChart(JsonGenerator json, Chart chart) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", chart.id());
    json.writeStringField("title", chart.title());
    json.writeStringField("kind", chart.kind());
    json.writeStringField("unit", chart.unit());
    if (chart.unit2() != null) {
      json.writeStringField("unit2", chart.unit2());
    }
    json.writeFieldName("x");
    writeValues(json, chart.x(), chart.kind().equals("time"));
    json.writeArrayFieldStart("series");
    for (Chart.Series series : chart.series()) {
      json.writeStartObject();
      json.writeStringField("label", series.label());
      json.writeStringField("group", series.group());
      json.writeNumberField("colour", series.colour());
      json.writeBooleanField("right", series.right());
      json.writeBooleanField("shown", series.shown());
      json.writeFieldName("values");
      writeValues(json, series.values(), false);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /**
   * Values rounded for display (a chart cannot show more), NaN as null: a gap in the line. Times
   * keep their milliseconds.
   */
  private static void writeValues(JsonGenerator json, double[] values, boolean times)
      throws IOException {
    json.writeStartArray();
    for (double value : values) {
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        json.writeNull();
      } else {
        double rounded = times ? Math.rint(value * 1000) / 1000 : round(value);
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
          json.writeNumber((long) rounded);
        } else {
          json.writeNumber(rounded);
        }
      }
    }
    json.writeEndArray();
  }

  /** Four significant digits, at most three decimals below 1 ms, and at least a thousandth. */
  static double round(double value) {
    if (value == 0) {
      return 0;
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1000) {
      return Math.rint(value * 10) / 10;
    }
    double scale = magnitude >= 100 ? 100 : magnitude >= 10 ? 1000 : 10_000;
    return Math.rint(value * scale) / scale;
  }

  /**
   * What the charts over time mark ({@link Markers}): a band from {@code x} to {@code end}, or a
   * line at {@code x} when they are equal, of a {@code kind}, labelled in a {@code row} of its own.
   */
  record Marker(double x, double end, String kind, int row, String label) {}

  /** JSON's escapes, plus those that keep the text inert inside an HTML script element. */
  private static final class HtmlSafeEscapes extends CharacterEscapes {
    private final int[] ascii = standardAsciiEscapesForJSON();

    HtmlSafeEscapes() {
      ascii['<'] = ESCAPE_STANDARD;
      ascii['>'] = ESCAPE_STANDARD;
      ascii['&'] = ESCAPE_STANDARD;
      ascii['\''] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028) {
        return new SerializedString("\\u2028");
      }
      if (ch == 0x2029) {
        return new SerializedString("\\u2029");
      }
      return null;
    }
  }
}
