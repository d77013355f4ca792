package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void percentBytesAndUnits() {
    assertThat(Formats.percent(0.0012)).isEqualTo("0.12%");
    assertThat(Formats.percent(-1)).isEqualTo("n/a");
    assertThat(Formats.bytes(512)).isEqualTo("512 B");
    assertThat(Formats.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(Formats.bytes(-1)).isEqualTo("n/a");
    assertThat(Formats.withUnit(31.24, "ms")).isEqualTo("31.2 ms");
    assertThat(Formats.withUnit(0.12, "%")).isEqualTo("0.12%");
    assertThat(Formats.withUnit(1200, "/s")).isEqualTo("1,200/s");
  }

  @Test
  void durations() {
    assertThat(Formats.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
    assertThat(Formats.duration(Duration.ofMillis(45_230))).isEqualTo("45.2 s");
    assertThat(Formats.duration(Duration.ofSeconds(125))).isEqualTo("2m 05s");
    assertThat(Formats.duration(Duration.ofSeconds(3723))).isEqualTo("1h 02m 03s");
    assertThat(Formats.duration(null)).isEqualTo("n/a");
    assertThat(Formats.clock(Duration.ofSeconds(42))).isEqualTo("0:42");
    assertThat(Formats.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    assertThat(Formats.instant(Instant.parse("2025-03-01T10:00:00.987Z")))
        .isEqualTo("2025-03-01T10:00:00Z");
  }

  @Test
  void truncate_keepsOneLineAndMarksTheCut() {
    assertThat(Formats.truncate("line one\n  line two", 100)).isEqualTo("line one line two");
    assertThat(Formats.truncate("abcdefghij", 5)).isEqualTo("abcd…");
    assertThat(Formats.truncate(null, 5)).isEmpty();
    assertThat(Formats.oneLine("a \r\n\t b\nc")).isEqualTo("a b c");
  }

  @Test
  void wholePercent_roundsToAWholeNumber() {
    assertThat(Formats.wholePercent(0.425)).isEqualTo("43%");
    assertThat(Formats.wholePercent(1)).isEqualTo("100%");
    assertThat(Formats.wholePercent(Double.NaN)).isEqualTo("n/a");
  }
}
