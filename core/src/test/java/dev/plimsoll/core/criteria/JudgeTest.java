package dev.plimsoll.core.criteria;

import static dev.plimsoll.core.criteria.TestMeasurements.idle;
import static dev.plimsoll.core.criteria.TestMeasurements.latenciesMs;
import static dev.plimsoll.core.criteria.TestMeasurements.measured;
import static dev.plimsoll.core.criteria.TestMeasurements.stats;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.Measurements;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeTest {
  private final Measurements slow = measured(
      stats("total", 99, 1, 0, latenciesMs(40, 50, 60), latenciesMs(1)), List.of());

  private static Criterion parse(String text) {
    return Criterion.parse(text);
  }

  @Test
  void givesEveryVerdictInOrder() {
    Judge judge = Judge.of(List.of(parse("p99 < 100ms"), parse("error_rate < 0.5%"), parse("p50 < 10ms abort")));

    assertThat(judge.verdicts(slow)).extracting(Verdict::passed).containsExactly(true, false, false);
  }

  @Test
  void stopsOnTheFirstFailingAbortCriterionOnly() {
    Judge judge = Judge.of(List.of(parse("error_rate < 0.5%"), parse("p99 < 100ms abort"), parse("p50 < 10ms abort")));

    assertThat(judge.judgesLive()).isTrue();
    assertThat(judge.abortVerdict(slow)).hasValueSatisfying(v -> {
      assertThat(v.criterion().source()).isEqualTo("p50 < 10ms abort");
      assertThat(v.detail()).startsWith("measured 50");
    });
  }

  @Test
  void nothingMeasuredYetIsNoReasonToStop() {
    Judge judge = Judge.of(List.of(parse("p99 < 1ms abort"), parse("error_rate < 1% abort")));
    Measurements nothing = measured(idle("total"), List.of());

    assertThat(judge.abortVerdict(nothing)).isEmpty();
    assertThat(judge.verdicts(nothing)).allSatisfy(v -> assertThat(v.passed()).isFalse());
  }

  @Test
  void withoutAbortCriteriaNothingIsJudgedLive() {
    Judge judge = Judge.of(List.of(parse("p99 < 1ms")));

    assertThat(judge.judgesLive()).isFalse();
    assertThat(judge.abortVerdict(slow)).isEmpty();
    assertThat(Judge.of(List.of()).verdicts(measured(stats("total", 0, 0, 0,
        LatencyDistribution.empty(), LatencyDistribution.empty()), List.of()))).isEmpty();
  }
}
