package dev.plimsoll.report.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
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

  /** A phase of the run marked on the charts over time: the end of the warm-up, a stop. */
  record Marker(double x, String label) {}

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
