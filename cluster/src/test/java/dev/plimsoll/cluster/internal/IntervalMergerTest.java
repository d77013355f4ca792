package dev.plimsoll.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntervalMergerTest {
  private static final List<String> OPS = List.of("home", "order");

  private static IntervalSnapshot s(int index, long seed, int count) {
    return Snapshots.snapshot(index, Snapshots.T0.plusSeconds(index), OPS, Snapshots.latencies(seed, count));
  }

  @Test
  void anIntervalIsHandedOnOnceEveryWorkerHasSentIt() {
    IntervalMerger<String> merger = new IntervalMerger<>(Set.of("a", "b", "c"));
    assertThat(merger.add("a", s(0, 1, 10))).isEmpty();
    assertThat(merger.add("b", s(0, 2, 20))).isEmpty();
    assertThat(merger.add("a", s(1, 3, 30))).isEmpty();
    List<IntervalSnapshot> out = merger.add("c", s(0, 4, 40));
    assertThat(out).singleElement().satisfies(i -> {
      assertThat(i.index()).isZero();
      assertThat(i.total().completed()).isEqualTo(2 * (10 + 20 + 40));
    });
    assertThat(merger.nextIndex()).isEqualTo(1);
  }

  @Test
  void theMergedHistogramIsTheOneOfOneProcessRecordingEverything() {
    long[] a = Snapshots.latencies(11, 5_000);
    long[] b = Snapshots.latencies(12, 3_000);
    long[] c = Snapshots.latencies(13, 7_000);
    IntervalMerger<String> merger = new IntervalMerger<>(Set.of("a", "b", "c"));
    merger.add("a", Snapshots.snapshot(0, Snapshots.T0, OPS, a));
    merger.add("b", Snapshots.snapshot(0, Snapshots.T0, OPS, b));
    IntervalSnapshot merged = merger.add("c", Snapshots.snapshot(0, Snapshots.T0, OPS, c)).get(0);

    long[] all = new long[a.length + b.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    System.arraycopy(c, 0, all, a.length + b.length, c.length);
    IntervalSnapshot whole = Snapshots.snapshot(0, Snapshots.T0, OPS, all);
    for (String op : OPS) {
      assertThat(merged.operation(op).responseTime().toHistogram())
          .isEqualTo(whole.operation(op).responseTime().toHistogram());
      assertThat(merged.operation(op).responseTime().stats()).isEqualTo(whole.operation(op).responseTime().stats());
    }
    assertThat(merged.expectedArrivals()).isEqualTo(all.length);
  }

  @Test
  void aFinishedWorkerIsNotWaitedForAfterItsLastInterval() {
    IntervalMerger<String> merger = new IntervalMerger<>(Set.of("a", "b"));
    merger.add("a", s(0, 1, 1));
    merger.add("b", s(0, 2, 1));
    // b's run ended one interval earlier (its last interval was empty and not published).
    assertThat(merger.finished("b")).isEmpty();
    assertThat(merger.add("a", s(1, 3, 5))).singleElement().satisfies(i -> assertThat(i.index()).isEqualTo(1));
    assertThat(merger.finished("a")).isEmpty();
    assertThat(merger.allDone()).isTrue();
  }

  @Test
  void aLostWorkerStopsBeingWaitedForAndWhatItSentIsKept() {
    IntervalMerger<String> merger = new IntervalMerger<>(Set.of("a", "b", "c"));
    merger.add("a", s(0, 1, 10));
    merger.add("b", s(0, 2, 10));
    merger.add("a", s(1, 3, 10));
    merger.add("c", s(1, 4, 10));
    // c never sent interval 0 and is lost: 0 goes on with what came; 1 still waits for b.
    List<IntervalSnapshot> out = merger.lost("c");
    assertThat(out).singleElement().satisfies(i -> assertThat(i.total().completed()).isEqualTo(2 * 20));
    out = merger.add("b", s(1, 5, 10));
    // c's interval 1 arrived before it was lost: measured, so kept.
    assertThat(out).singleElement().satisfies(i -> assertThat(i.total().completed()).isEqualTo(2 * 30));
    assertThat(merger.add("c", s(2, 6, 10))).as("nothing from a worker given up on").isEmpty();
  }

  @Test
  void drainHandsOnWhatIsLeftInOrder() {
    IntervalMerger<String> merger = new IntervalMerger<>(Set.of("a", "b"));
    merger.add("a", s(0, 1, 1));
    merger.add("a", s(1, 1, 1));
    assertThat(merger.drain()).extracting(IntervalSnapshot::index).containsExactly(0, 1);
    assertThat(merger.drain()).isEmpty();
  }

  @Test
  void aLateSnapshotIsIgnored() {
    IntervalMerger<String> merger = new IntervalMerger<>(Set.of("a", "b"));
    merger.add("a", s(0, 1, 1));
    assertThat(merger.lost("b")).extracting(IntervalSnapshot::index).containsExactly(0);
    assertThat(merger.add("a", s(1, 1, 1))).extracting(IntervalSnapshot::index).containsExactly(1);
    assertThat(merger.add("a", s(0, 1, 1))).isEmpty();
  }

  @Test
  void mergingAllAtOnceEqualsMergingPairwise() {
    List<IntervalSnapshot> parts = Arrays.asList(s(3, 1, 100), s(3, 2, 200), s(3, 3, 300));
    IntervalSnapshot pairwise = parts.get(0).merge(parts.get(1)).merge(parts.get(2));
    IntervalSnapshot once = IntervalSnapshot.mergeAll(parts);
    for (String op : OPS) {
      assertThat(once.operation(op).responseTime().toHistogram())
          .isEqualTo(pairwise.operation(op).responseTime().toHistogram());
      assertThat(once.operation(op).completed()).isEqualTo(pairwise.operation(op).completed());
    }
  }
}
