package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.results.testing.ResultFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class IntervalsCsvReportTest {

  private static String render(RunResult result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new IntervalsCsvReport().write(result, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** An RFC 4180 reader: quoted fields may hold commas and doubled quotes. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  @Test
  void oneRowPerIntervalAndOperation_plusTheTotal_underTheHeader() throws IOException {
    RunResult rich = ResultFixtures.richResult();
    List<String> lines = render(rich).lines().toList();

    assertThat(lines.get(0)).isEqualTo("interval,start,length_s,warm_up,operation,started,succeeded,failed,"
        + "dropped,in_flight,throughput_per_s,response_p50_ms,response_p90_ms,response_p99_ms,response_max_ms,"
        + "service_p50_ms,service_p90_ms,service_p99_ms,service_max_ms,errors");
    assertThat(lines).hasSize(1 + rich.intervals().size() * 3);
    int row = 1;
    for (IntervalSnapshot interval : rich.intervals()) {
      List<OperationStats> expected = new ArrayList<>(interval.operations());
      expected.add(interval.total());
      for (OperationStats op : expected) {
        List<String> f = fields(lines.get(row++));
        assertThat(f).hasSize(IntervalsCsvReport.HEADER.size());
        assertThat(f.get(0)).isEqualTo(String.valueOf(interval.index()));
        assertThat(f.get(1)).isEqualTo(interval.start().toString());
        assertThat(f.get(2)).isEqualTo("1.000");
        assertThat(f.get(3)).isEqualTo(String.valueOf(interval.warmUp()));
        assertThat(f.get(4)).isEqualTo(op.name());
        assertThat(f.subList(5, 10)).containsExactly(String.valueOf(op.started()), String.valueOf(op.succeeded()),
            String.valueOf(op.failed()), String.valueOf(op.dropped()), String.valueOf(op.inFlight()));
        assertThat(Double.parseDouble(f.get(10))).isEqualTo(op.completed(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(f.get(13)).isEqualTo(String.format(Locale.ROOT, "%.3f", op.responseTime().stats().p99Ms()));
        assertThat(f.get(18)).isEqualTo(String.format(Locale.ROOT, "%.3f", op.serviceTime().stats().maxMs()));
        assertThat(f.get(19)).isEqualTo(String.valueOf(op.errors().stream().mapToLong(e -> e.count()).sum()));
      }
    }
    // Interval 2 holds two checkout timeouts, counted in its checkout and total rows.
    assertThat(fields(lines.get(1 + 2 * 3 + 1)).get(19)).isEqualTo("2");
    assertThat(fields(lines.get(1 + 2 * 3 + 2)).get(19)).isEqualTo("2");
  }

  @Test
  void aRunWithoutIntervals_isTheHeaderAlone() throws IOException {
    assertThat(render(ResultFixtures.sparseResult())).isEqualTo(String.join(",", IntervalsCsvReport.HEADER) + "\n");
  }

  @Test
  void textFromTheRun_cannotBecomeAFormula_orBreakARow() {
    assertThat(Csv.text("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    assertThat(Csv.text("+1")).isEqualTo("'+1");
    assertThat(Csv.text("-2+3")).isEqualTo("'-2+3");
    assertThat(Csv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.text("\tcmd")).isEqualTo("'\\tcmd");
    assertThat(Csv.text("a\r\nb\u001b[2J")).isEqualTo("a\\r\\nb\\x1B[2J");
    assertThat(Csv.text("plain")).isEqualTo("plain");
    assertThat(Csv.text("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.text(" padded")).isEqualTo("\" padded\"");
    assertThat(Csv.text(null)).isEmpty();
    for (String hostile : List.of("=1+2", "x\ny", "\"q\"", "a,b,c")) {
      assertThat(fields("0," + Csv.text(hostile) + ",1")).hasSize(3);
    }
  }
}
