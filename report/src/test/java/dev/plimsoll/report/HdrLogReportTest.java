package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.results.testing.ResultFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogProcessor;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HdrLogReportTest {

  private static byte[] write(RunResult result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HdrLogReport().write(result, out);
    return out.toByteArray();
  }

  private static List<EncodableHistogram> readBack(byte[] log) {
    List<EncodableHistogram> read = new ArrayList<>();
    try (HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(log))) {
      EncodableHistogram next;
      while ((next = reader.nextIntervalHistogram()) != null) {
        read.add(next);
      }
    }
    return read;
  }

  @Test
  void hdrHistogramsOwnReader_readsEveryOperationsCountsBack() throws IOException {
    RunResult rich = ResultFixtures.richResult();
    List<EncodableHistogram> read = readBack(write(rich));

    Map<String, Long> expected = new HashMap<>();
    long untagged = 0;
    for (IntervalSnapshot interval : rich.intervals()) {
      for (OperationStats op : interval.operations()) {
        expected.merge(op.name(), op.responseTime().count(), Long::sum);
        expected.merge(op.name() + HdrLogReport.SERVICE_SUFFIX, op.serviceTime().count(), Long::sum);
      }
      untagged += interval.total().responseTime().count();
    }
    Map<String, Long> counts = new HashMap<>();
    long readUntagged = 0;
    for (EncodableHistogram h : read) {
      long count = ((Histogram) h).getTotalCount();
      if (h.getTag() == null) {
        readUntagged += count;
      } else {
        counts.merge(h.getTag(), count, Long::sum);
      }
    }
    assertThat(read).hasSize(rich.intervals().size() * 5);
    assertThat(counts).isEqualTo(expected);
    assertThat(readUntagged).isEqualTo(untagged).isPositive();
  }

  @Test
  void eachIntervalKeepsItsTimesAndItsExactDistribution() throws IOException {
    RunResult rich = ResultFixtures.richResult();
    List<EncodableHistogram> read = readBack(write(rich));

    IntervalSnapshot second = rich.intervals().get(1);
    Histogram search = (Histogram) read.get(5);
    assertThat(search.getTag()).isEqualTo(ResultFixtures.SEARCH);
    assertThat(search.getStartTimeStamp()).isEqualTo(second.start().toEpochMilli());
    assertThat(search.getEndTimeStamp()).isEqualTo(second.start().toEpochMilli() + 1000);
    assertThat(search).isEqualTo(second.operation(ResultFixtures.SEARCH).responseTime().toHistogram());
    assertThat(read.get(6).getTag()).isEqualTo(ResultFixtures.SEARCH + HdrLogReport.SERVICE_SUFFIX);
  }

  @Test
  void tagsHoldNoCommaOrSpace_whichWouldSplitALogLine() {
    assertThat(HdrLogReport.tag("checkout|pay")).isEqualTo("checkout|pay");
    assertThat(HdrLogReport.tag("a b,c\u001bd")).isEqualTo("a_b_c_d");
  }

  @Test
  void hdrHistogramsLogProcessor_summarisesIt(@TempDir Path dir) throws Exception {
    RunResult rich = ResultFixtures.richResult();
    Path log = Files.write(dir.resolve("latency.hlog"), write(rich));
    Path out = dir.resolve("search");

    new HistogramLogProcessor(new String[] {"-i", log.toString(), "-tag", ResultFixtures.SEARCH, "-o", out.toString()})
        .run();

    long searches = 0;
    for (IntervalSnapshot interval : rich.intervals()) {
      searches += interval.operation(ResultFixtures.SEARCH).responseTime().count();
    }
    // The .hgrm file is the whole log's percentile distribution; its last line gives the count.
    String hgrm = Files.readString(Path.of(out + ".hgrm"));
    assertThat(hgrm).containsPattern("Total count +=  +" + searches + "]");
    assertThat(Files.readAllLines(out)).hasSizeGreaterThan(rich.intervals().size());
  }

  @Test
  void aRunWithoutIntervals_isAValidEmptyLog() throws IOException {
    assertThat(readBack(write(ResultFixtures.sparseResult()))).isEmpty();
  }
}
