package dev.plimsoll.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plimsoll.core.metrics.TimeWeighted.Point;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeWeightedTest {

  private static Point point(long millis, double value) {
    return new Point(Duration.ofMillis(millis), value);
  }

  @Test
  void theAverageWeighsEachIntervalByItsLength() {
    // 2 s at 10 %, 1 s at 40 %: 60 % CPU-seconds over 3 s.
    assertThat(TimeWeighted.average(List.of(point(2000, 0.1), point(1000, 0.4))))
        .isCloseTo(0.2, within(1e-12));
  }

  /** The case: a final 18 ms interval read 100 % and made the run's peak. */
  @Test
  void aShortLastIntervalNeitherMakesThePeakNorMovesTheAverage() {
    List<Point> run = List.of(point(1000, 0.30), point(1000, 0.35), point(18, 1.0));

    assertThat(TimeWeighted.peak(run)).isCloseTo((0.35 * 1000 + 1.0 * 18) / 1018, within(1e-12));
    assertThat(TimeWeighted.peak(run)).isLessThan(0.37);
    assertThat(TimeWeighted.average(run)).isCloseTo((300 + 350 + 18) / 2018.0, within(1e-12));
  }

  @Test
  void shortIntervalsJoinIntoStretchesOfTheShortestPeakStretch() {
    // 50 ms intervals: four make a 200 ms stretch; the lone 90 % reading is averaged with its
    // stretch's others.
    List<Point> run = List.of(
        point(50, 0.1), point(50, 0.1), point(50, 0.9), point(50, 0.1),
        point(50, 0.2), point(50, 0.2), point(50, 0.2), point(50, 0.2));

    assertThat(TimeWeighted.peak(run)).isCloseTo(0.3, within(1e-12));
  }

  @Test
  void intervalsOfTheShortestStretchStandAlone() {
    long shortest = TimeWeighted.SHORTEST_PEAK_STRETCH.toMillis();

    assertThat(TimeWeighted.peak(List.of(point(shortest, 0.2), point(shortest, 0.9), point(shortest, 0.1))))
        .isEqualTo(0.9);
  }

  @Test
  void aRunShorterThanOneStretchIsOneStretch() {
    assertThat(TimeWeighted.peak(List.of(point(20, 0.2), point(60, 0.6)))).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void unknownValuesAndTheirTimeAreSkipped() {
    List<Point> run = List.of(point(1000, -1), point(1000, 0.5), point(1000, -1));

    assertThat(TimeWeighted.average(run)).isEqualTo(0.5);
    assertThat(TimeWeighted.peak(run)).isEqualTo(0.5);
    assertThat(TimeWeighted.average(List.of(point(1000, -1)))).isEqualTo(-1);
    assertThat(TimeWeighted.peak(List.of(point(1000, -1)))).isEqualTo(-1);
    assertThat(TimeWeighted.peak(List.of())).isEqualTo(-1);
  }
}
