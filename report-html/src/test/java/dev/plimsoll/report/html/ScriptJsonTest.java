package dev.plimsoll.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptJsonTest {

  @Test
  void textThatCouldEndTheScriptElementOrAJavaScriptLineIsEscaped() throws IOException {
    String hostile = "</script><!--<script>&'\u2028\u2029\u001b";
    Chart chart = new Chart("c", "t", "time", "ms", null, new double[] {0, 1},
        List.of(new Chart.Series(hostile, "", 0, false, true, new double[] {1.5, Double.NaN})));
    StringWriter out = new StringWriter();
    ScriptJson.write(out, 1.0, List.of(chart), List.of(new ScriptJson.Marker(2, 2, Markers.CHANGE, 0, hostile)));
    String json = out.toString();
    assertThat(json).doesNotContain("<", ">", "&", "'", "\u2028", "\u2029", "\u001b")
        .contains("\\u003C/script\\u003E\\u003C!--", "\\u2028\\u2029", "\u241b")
        .contains("\"values\":[1.5,null]");
  }

  @Test
  void valuesAreRoundedToWhatAChartCanShow() {
    assertThat(ScriptJson.round(1.234567)).isEqualTo(1.2346);
    assertThat(ScriptJson.round(12.34567)).isEqualTo(12.346);
    assertThat(ScriptJson.round(123.4567)).isEqualTo(123.46);
    assertThat(ScriptJson.round(12345.67)).isEqualTo(12345.7);
    assertThat(ScriptJson.round(0.000012)).isEqualTo(0);
  }
}
