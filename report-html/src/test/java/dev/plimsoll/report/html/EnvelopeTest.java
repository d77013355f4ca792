package dev.plimsoll.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvelopeTest {

  @Test
  void aBucketKeepsItsMinimumAndMaximumInTheOrderTheyCame() {
    Envelope envelope = new Envelope();
    for (double v : new double[] {5, 9, 1, 4}) {
      envelope.add(v);
    }
    envelope.closeBucket(2);
    for (double v : new double[] {3, 1, 2, 8}) {
      envelope.add(v);
    }
    envelope.closeBucket(2);
    assertThat(envelope.points()).containsExactly(9, 1, 1, 8);
  }

  @Test
  void aOneIntervalSpikeSurvivesAnyBucketSize() {
    Envelope envelope = new Envelope();
    for (int i = 0; i < 1000; i++) {
      envelope.add(i == 617 ? 250 : 2);
    }
    envelope.closeBucket(2);
    assertThat(envelope.points()).containsExactly(2, 250);
  }

  @Test
  void missingValuesAreSkippedAndABucketOfNoneIsAGap() {
    Envelope envelope = new Envelope();
    envelope.add(Double.NaN);
    envelope.add(Double.NaN);
    envelope.closeBucket(2);
    envelope.add(Double.NaN);
    envelope.add(7);
    envelope.closeBucket(2);
    envelope.add(Double.NaN);
    envelope.closeBucket(1);
    assertThat(envelope.points()).containsExactly(Double.NaN, Double.NaN, 7, 7, Double.NaN);
    assertThat(envelope.hasValues()).isTrue();
  }

  @Test
  void aBucketOfOneIntervalIsItsValue() {
    Envelope envelope = new Envelope();
    envelope.add(3);
    envelope.closeBucket(1);
    assertThat(envelope.points()).containsExactly(3);
  }
}
