package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadSegmentTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 7, 10, 100})
  void equalSegmentsOwnEveryNumberOnceAndSplitEveryCountExactly(int parts) {
    List<LoadSegment> segments = LoadSegment.split(parts);
    for (long n = 0; n < 2_000; n++) {
      long current = n;
      assertThat(segments.stream().filter(s -> s.owns(current)).count()).as("owners of %d", n).isEqualTo(1);
      assertThat(segments.stream().mapToLong(s -> s.partOf(current)).sum()).as("parts of %d", n).isEqualTo(n);
      for (LoadSegment s : segments) {
        // Never off its share by a whole number.
        assertThat(Math.abs(s.partOf(current) - current * s.share())).isLessThan(1);
      }
    }
  }

  @Test
  void weightedSegmentsSplitInProportionAndStayExact() {
    List<LoadSegment> segments = LoadSegment.split(1, 2, 3, 4);
    assertThat(segments).extracting(LoadSegment::share).containsExactly(0.1, 0.2, 0.3, 0.4);
    for (long n = 0; n < 1_000; n++) {
      long current = n;
      assertThat(segments.stream().mapToLong(s -> s.partOf(current)).sum()).isEqualTo(n);
      for (LoadSegment s : segments) {
        assertThat(Math.abs(s.partOf(current) - current * s.share())).as("%s at %d", s, n).isLessThan(1);
      }
    }
    assertThat(segments.get(3).partOf(1_000_000_007L)).isEqualTo(400_000_003L);
  }

  @Test
  void partOfCountsTheOwnedNumbersBelow() {
    for (LoadSegment s : LoadSegment.split(3, 5)) {
      long owned = 0;
      for (long n = 0; n < 100; n++) {
        assertThat(s.partOf(n)).isEqualTo(owned);
        owned += s.owns(n) ? 1 : 0;
      }
    }
  }

  @Test
  void usersSplitExactlyAtEveryCount() {
    List<LoadSegment> segments = LoadSegment.split(3);
    // 10 users over 3 machines: 4, 3, 3, whichever way the count moves.
    assertThat(segments).extracting(s -> s.partOf(10)).containsExactly(4, 3, 3);
    for (int users = 0; users < 50; users++) {
      int u = users;
      assertThat(segments.stream().mapToInt(s -> s.partOf(u)).sum()).isEqualTo(users);
    }
  }

  @Test
  void weightsAreReducedAndASegmentIsRebuiltFromItsWeightsAndIndex() {
    List<LoadSegment> segments = LoadSegment.split(2, 4, 6);
    assertThat(segments.get(1).weights()).containsExactly(1, 2, 3);
    for (LoadSegment s : segments) {
      LoadSegment copy = LoadSegment.of(s.weights(), s.index());
      assertThat(copy).isEqualTo(s).hasSameHashCodeAs(s);
      for (long n = 0; n < 30; n++) {
        assertThat(copy.owns(n)).isEqualTo(s.owns(n));
      }
    }
    assertThat(LoadSegment.of(new int[] {5}, 0)).isSameAs(LoadSegment.whole());
  }

  @Test
  void theWholeOwnsEverything() {
    LoadSegment whole = LoadSegment.whole();
    assertThat(whole.isWhole()).isTrue();
    assertThat(whole.share()).isEqualTo(1.0);
    assertThat(whole.owns(12_345)).isTrue();
    assertThat(whole.partOf(12_345L)).isEqualTo(12_345L);
    assertThat(whole.describe()).isEqualTo("the whole load");
  }

  @Test
  void describesItsPlaceCountingFromOne() {
    assertThat(LoadSegment.split(4).get(1).describe()).isEqualTo("2 of 4");
    assertThat(LoadSegment.split(1, 3).get(1).describe()).isEqualTo("2 of 2 (weight 3 of 4)");
  }

  @Test
  void badSplitsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> LoadSegment.split(0)).hasMessage("parts must be >= 1 (was 0)");
    assertThatThrownBy(() -> LoadSegment.split(1, 0)).hasMessage("weights[1] must be >= 1 (was 0)");
    assertThatThrownBy(() -> LoadSegment.of(new int[] {1, 1}, 2)).hasMessage("index must be between 0 and 1 (was 2)");
    assertThatThrownBy(() -> LoadSegment.split(1_000_000, 1))
        .hasMessageContaining("weights must total at most 1000000");
    assertThatThrownBy(() -> LoadSegment.whole().owns(-1)).hasMessage("n must be >= 0 (was -1)");
  }
}
