package dev.plimsoll.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

  @Test
  void durationsLongerThanAYear_areRefusedInWords() {
    assertThat(Units.parseDuration("8760h")).isEqualTo(Units.MAX_DURATION);
    for (String text : List.of("8761h", "999999999999h", "99999999999999999999h", "525601m", "9999999999.5h")) {
      assertThatThrownBy(() -> Units.parseDuration(text)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("'" + text + "' ").hasMessageContaining("(at most 8760h)");
    }
  }

  @Test
  void aRateTooLargeForADouble_isRefused() {
    String huge = "1".repeat(400) + "/s";
    assertThatThrownBy(() -> Units.parseRate(huge)).hasMessage("'" + huge + "' is too large a rate");
  }

  @Test
  void parseDuration_partsFromLargestToSmallest_orOneDecimal() {
    assertThat(Units.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Units.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Units.parseDuration(" 1m30s ")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Units.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Units.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Units.parseDuration("1s500ms")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Units.parseDuration("0.5s")).isEqualTo(Duration.ofMillis(500));
    assertThat(Units.parseDuration("1.5m")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Units.parseDuration("0.25ms")).isEqualTo(Duration.ofNanos(250_000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "s", "30 sec", "30m1h", "1.5", "-1s", "0.0000000001s"})
  void parseDuration_refusesWithTheTextQuoted(String text) {
    assertThatThrownBy(() -> Units.parseDuration(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'" + text + "' is");
  }

  @Test
  void parseDuration_namesExamples() {
    assertThatThrownBy(() -> Units.parseDuration("30"))
        .hasMessage("'30' is not a duration (examples: 500ms, 30s, 5m, 1h30m)");
    assertThatThrownBy(() -> Units.parseDuration("99999999999999999999h")).hasMessageContaining("too long");
  }

  @Test
  void parseDuration_refusesWhatLongNanosecondsCannotHold() {
    // A Duration holds this, but timers and plans count in long nanoseconds (about 292 years).
    assertThatThrownBy(() -> Units.parseDuration("999999999999999h")).hasMessageContaining("too long");
    assertThatThrownBy(() -> Units.parseDuration("2500000h")).hasMessageContaining("at most 8760h");
    assertThat(Units.parseDuration("8760h")).isEqualTo(Units.MAX_DURATION);
  }

  @Test
  void formatDuration_shortestExactForm() {
    assertThat(Units.formatDuration(Duration.ZERO)).isEqualTo("0s");
    assertThat(Units.formatDuration(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(Units.formatDuration(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Units.formatDuration(Duration.ofMinutes(2))).isEqualTo("2m");
    // Once written "120m" by one formatter and "2h" by another.
    assertThat(Units.formatDuration(Duration.ofHours(2))).isEqualTo("2h");
    assertThat(Units.formatDuration(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Units.formatDuration(Duration.ofMillis(1500))).isEqualTo("1s500ms");
    assertThat(Units.formatDuration(Duration.ofNanos(250_000))).isEqualTo("0.25ms");
    assertThat(Units.formatDuration(Duration.ofHours(1).plusNanos(1))).isEqualTo("3600000.000001ms");
    assertThat(Units.formatDuration(Duration.ofSeconds(-1))).isEqualTo("-1s");
  }

  @Test
  void formatDuration_readsBack() {
    List<Duration> durations = List.of(Duration.ofMillis(1), Duration.ofMillis(999), Duration.ofSeconds(59),
        Duration.ofSeconds(61), Duration.ofHours(25).plusMillis(7), Duration.ofNanos(1),
        Duration.ofMinutes(3).plusNanos(123_456_789), Units.MAX_DURATION);
    for (Duration d : durations) {
      assertThat(Units.parseDuration(Units.formatDuration(d))).as("%s", d).isEqualTo(d);
    }
  }

  @Test
  void parseRate_perSecondOrPerMinute() {
    assertThat(Units.parseRate("200/s")).isEqualTo(200);
    assertThat(Units.parseRate("6000/min")).isEqualTo(100);
    assertThat(Units.parseRate("0.5 / s")).isEqualTo(0.5);
    assertThatThrownBy(() -> Units.parseRate("200"))
        .hasMessage("'200' is not a rate (examples: 200/s, 12000/min)");
    assertThatThrownBy(() -> Units.parseRate("200/min/s")).hasMessageStartingWith("'200/min/s' is not a rate");
  }

  @Test
  void formatRate_exactAndReadsBack() {
    assertThat(Units.formatRate(200)).isEqualTo("200/s");
    assertThat(Units.formatRate(0.5)).isEqualTo("0.5/s");
    assertThat(Units.formatRate(1500)).isEqualTo("1500/s");
    // Once written "0.3333333333333333/s".
    assertThat(Units.formatRate(1.0 / 3)).isEqualTo("20/min");
    assertThat(Units.formatRate(0.123456789)).isEqualTo("0.123456789/s");
    for (double rate : new double[] {0, 1, 0.5, 1.0 / 3, 20.0 / 60, 12000.0 / 60, 7.0 / 60, 0.123456789, 1e7}) {
      assertThat(Units.parseRate(Units.formatRate(rate))).as("%s", rate).isCloseTo(rate, org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void parseSize_binaryUnits_decimalsWhenWholeBytes() {
    assertThat(Units.parseSize("512B")).isEqualTo(512);
    assertThat(Units.parseSize("64KB")).isEqualTo(65_536);
    assertThat(Units.parseSize("64kb")).isEqualTo(65_536);
    assertThat(Units.parseSize("1.5MB")).isEqualTo(1_572_864);
    assertThat(Units.parseSize("1GB")).isEqualTo(1L << 30);
    assertThat(Units.parseSize("1.5 KiB")).isEqualTo(1536);
    assertThatThrownBy(() -> Units.parseSize("0.1KB")).hasMessage("'0.1KB' is not a whole number of bytes");
    assertThatThrownBy(() -> Units.parseSize("99999999999GB")).hasMessage("'99999999999GB' is too large a size");
    assertThatThrownBy(() -> Units.parseSize("12")).hasMessage("'12' is not a size (examples: 512B, 64KB, 1MB)");
  }

  @Test
  void formatSize_largestWholeUnit_readsBack() {
    assertThat(Units.formatSize(65_536)).isEqualTo("64KB");
    assertThat(Units.formatSize(1536)).isEqualTo("1536B");
    assertThat(Units.formatSize(1_572_864)).isEqualTo("1536KB");
    assertThat(Units.formatSize(0)).isEqualTo("0B");
    assertThat(Units.formatSize(5L << 40)).isEqualTo("5120GB");
    for (long bytes : new long[] {0, 1, 1023, 1024, 1536, 1 << 20, 3L << 30, 123_456_789}) {
      assertThat(Units.parseSize(Units.formatSize(bytes))).isEqualTo(bytes);
    }
  }

  @Test
  void decimal_threeSignificantDigitsBelowAThousand_groupedWholeNumbersAbove() {
    assertThat(Units.decimal(0)).isEqualTo("0");
    assertThat(Units.decimal(0.012345)).isEqualTo("0.0123");
    assertThat(Units.decimal(1.5)).isEqualTo("1.5");
    assertThat(Units.decimal(3.2)).isEqualTo("3.2");
    assertThat(Units.decimal(4.5)).isEqualTo("4.5");
    assertThat(Units.decimal(12.35)).isEqualTo("12.4");
    // Halves round up as written: 2.675 is held as 2.67499999..., which once gave "2.67".
    assertThat(Units.decimal(2.675)).isEqualTo("2.68");
    assertThat(Units.decimal(678.4)).isEqualTo("678");
    assertThat(Units.decimal(999.6)).isEqualTo("1,000");
    // Once "1235" in verdicts and "1,235" in reports.
    assertThat(Units.decimal(1234.5)).isEqualTo("1,235");
    assertThat(Units.decimal(12_345.6)).isEqualTo("12,346");
    assertThat(Units.decimal(1_234_567.8)).isEqualTo("1,234,568");
    assertThat(Units.decimal(-3.14159)).isEqualTo("-3.14");
    assertThat(Units.decimal(100)).isEqualTo("100");
    assertThat(Units.decimal(Double.NaN)).isEqualTo("n/a");
    assertThat(Units.decimal(Double.POSITIVE_INFINITY)).isEqualTo("inf");
  }

  @Test
  void countPercentAndBytes() {
    assertThat(Units.count(1_234_567)).isEqualTo("1,234,567");
    assertThat(Units.count(-12)).isEqualTo("-12");
    assertThat(Units.percent(0.0012)).isEqualTo("0.12%");
    assertThat(Units.percent(1)).isEqualTo("100%");
    assertThat(Units.percent(Double.NaN)).isEqualTo("n/a");
    assertThat(Units.bytes(512)).isEqualTo("512 B");
    // Once "1.5 KB" in verdicts, "1.5 KiB" in reports.
    assertThat(Units.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(Units.bytes(512L << 20)).isEqualTo("512 MiB");
    assertThat(Units.bytes(1.25 * (1L << 30))).isEqualTo("1.25 GiB");
    assertThat(Units.parseSize(Units.bytes(1536).replace(" ", ""))).isEqualTo(1536);
  }

  /** Every test above again, where the machine writes numbers differently: {@code 3,20 ms} never appears. */
  @Test
  void everyFormIgnoresTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      for (String tag : List.of("de-DE", "fr-FR", "ar-EG", "hi-IN-u-nu-deva")) {
        Locale.setDefault(Locale.forLanguageTag(tag));
        parseDuration_partsFromLargestToSmallest_orOneDecimal();
        formatDuration_shortestExactForm();
        formatDuration_readsBack();
        parseRate_perSecondOrPerMinute();
        formatRate_exactAndReadsBack();
        parseSize_binaryUnits_decimalsWhenWholeBytes();
        formatSize_largestWholeUnit_readsBack();
        decimal_threeSignificantDigitsBelowAThousand_groupedWholeNumbersAbove();
        countPercentAndBytes();
      }
    } finally {
      Locale.setDefault(saved);
    }
  }
}
