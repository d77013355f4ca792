package dev.plimsoll.core.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.MemoryGrowth;
import dev.plimsoll.core.metrics.MemoryGrowth.Basis;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MemoryGrowthTextTest {

  @Test
  void aJudgeableTrendShowsItsIntervalAndEvidence() {
    assertThat(MemoryGrowthText.describe(new MemoryGrowth(0.4123, 1.234, 14, Duration.ofMillis(130_400),
        Basis.AFTER_ANY_COLLECTION)))
        .isEqualTo("0.412 ± 1.23 MB/min (95% confidence; heap after 14 collections over 2m10s)");
    assertThat(MemoryGrowthText.describe(new MemoryGrowth(0, 0, 6, Duration.ofSeconds(100), Basis.WHOLE_HEAP)))
        .isEqualTo("0 ± 0 MB/min (95% confidence; heap after 6 full collections over 1m40s)");
  }

  @Test
  void aShortRunSaysWhatItHadAndWhatItNeeds() {
    assertThat(MemoryGrowthText.describe(new MemoryGrowth(30.9, 9, 6, Duration.ofMillis(18_300),
        Basis.AFTER_ANY_COLLECTION)))
        .isEqualTo("too short to judge: 6 collections over 18s (needs 5 over 30s)");
    assertThat(MemoryGrowthText.describe(new MemoryGrowth(Double.NaN, Double.NaN, 1, Duration.ZERO,
        Basis.AFTER_ANY_COLLECTION)))
        .isEqualTo("too short to judge: 1 collection (needs 5 over 30s)");
    assertThat(MemoryGrowthText.describe(MemoryGrowth.NONE))
        .isEqualTo("too short to judge: no garbage collection in the measured time");
  }

  @Test
  void aSlopeFromAnOlderResultIsShownAlone() {
    assertThat(MemoryGrowthText.describe(MemoryGrowth.unrecorded(0.325))).isEqualTo("0.325 MB/min");
  }
}
