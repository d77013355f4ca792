package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void decimal_threeSignificantDigitsBelowAThousand_groupedWholeNumbersAbove() {
    assertThat(Units.decimal(0)).isEqualTo("0");
    assertThat(Units.decimal(0.012345)).isEqualTo("0.0123");
    assertThat(Units.decimal(4.5)).isEqualTo("4.5");
    assertThat(Units.decimal(12.35)).isEqualTo("12.4");
    assertThat(Units.decimal(678.4)).isEqualTo("678");
    assertThat(Units.decimal(999.6)).isEqualTo("1,000");
    assertThat(Units.decimal(1_234_567.8)).isEqualTo("1,234,568");
    assertThat(Units.decimal(Double.NaN)).isEqualTo("n/a");
  }

  @Test
  void decimal_ignoresTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(Units.decimal(12_345.6)).isEqualTo("12,346");
      assertThat(Units.decimal(1.5)).isEqualTo("1.5");
    } finally {
      Locale.setDefault(saved);
    }
  }

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
