package dev.plimsoll.core.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.plimsoll.core.metrics.SystemSample;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SystemSamplerTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  /** A reading at {@code second}, with counters that grow by {@code step} a second. */
  private static Reading reading(long second, long step) {
    return new Reading(second * SECOND, second * step * 1_000_000, second * step, second * 4 * step,
        -1, 100 + second, 200 + second, 300 + second, second * step, second * step * 10, 7,
        second * step * 1000, second * step * 100);
  }

  @Test
  void betweenTakesDeltasOfCountersAndCurrentGauges() {
    // 2 s apart on 4 processors; process CPU 2 * 50 ms; machine busy 100 of 400 ticks.
    SystemSample sample = SystemSampler.between(reading(1, 50), reading(3, 50), 4);

    assertThat(sample.processCpu()).isCloseTo(100e6 / (2e9 * 4), within(1e-12));
    assertThat(sample.machineCpu()).isCloseTo(0.25, within(1e-12));
    assertThat(sample.heapUsedBytes()).isEqualTo(103);
    assertThat(sample.heapCommittedBytes()).isEqualTo(203);
    assertThat(sample.rssBytes()).isEqualTo(303);
    assertThat(sample.gcCount()).isEqualTo(100);
    assertThat(sample.gcPauseMs()).isEqualTo(1000);
    assertThat(sample.threadCount()).isEqualTo(7);
    assertThat(sample.networkReceivedBytes()).isEqualTo(100_000);
    assertThat(sample.networkSentBytes()).isEqualTo(10_000);
  }

  @Test
  void unknownOrResetCountersAreUnknownDeltas() {
    Reading from = reading(1, 50);
    Reading unknown = new Reading(2 * SECOND, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
    Reading reset = new Reading(2 * SECOND, 0, 0, 0, -1, 1, 1, 1, 0, 0, 1, 0, 0);

    assertThat(SystemSampler.between(from, unknown, 4)).isEqualTo(SystemSample.UNKNOWN);
    SystemSample afterReset = SystemSampler.between(from, reset, 4);
    assertThat(afterReset.processCpu()).isEqualTo(-1);
    assertThat(afterReset.machineCpu()).isEqualTo(-1);
    assertThat(afterReset.gcCount()).isEqualTo(-1);
    assertThat(afterReset.networkReceivedBytes()).isEqualTo(-1);
  }

  @Test
  void machineCpuFallsBackToTheJvmLoadWithoutProcStat() {
    Reading from = new Reading(0, 0, -1, -1, 0.9, 1, 1, -1, 0, 0, 1, -1, -1);
    Reading to = new Reading(SECOND, 0, -1, -1, 0.3, 1, 1, -1, 0, 0, 1, -1, -1);

    assertThat(SystemSampler.between(from, to, 2).machineCpu()).isEqualTo(0.3);
  }

  @Test
  void cpuOvershootFromReadingSkewIsCapped() {
    Reading from = new Reading(0, 0, 0, 0, -1, 1, 1, 1, 0, 0, 1, 0, 0);
    Reading to = new Reading(SECOND, 2 * SECOND + 1000, 11, 10, -1, 1, 1, 1, 0, 0, 1, 0, 0);

    SystemSample sample = SystemSampler.between(from, to, 2);

    assertThat(sample.processCpu()).isEqualTo(1.0);
    assertThat(sample.machineCpu()).isEqualTo(1.0);
  }

  @Test
  void eachSampleCoversTheTimeSinceThePreviousOneAndTheFirstSinceCreation() {
    Queue<Reading> readings = new ArrayDeque<>(List.of(reading(0, 10), reading(1, 10), reading(3, 10)));
    SystemSampler sampler = new SystemSampler(readings::remove, 1);

    SystemSample first = sampler.sample();
    SystemSample second = sampler.sample();

    assertThat(first.gcCount()).isEqualTo(10);
    assertThat(second.gcCount()).isEqualTo(20);
    assertThat(second.processCpu()).isCloseTo(0.01, within(1e-12));
  }

  @Test
  void aFailingProbeGivesAnUnknownSampleAndTheNextSampleSpansTheGap() {
    Queue<Reading> readings = new ArrayDeque<>(List.of(reading(0, 10), reading(2, 10)));
    boolean[] failNext = {true};
    SystemSampler sampler = new SystemSampler(() -> {
      if (readings.size() == 1 && failNext[0]) {
        failNext[0] = false;
        throw new IllegalStateException("probe broke");
      }
      return readings.remove();
    }, 1);

    assertThat(sampler.sample()).isEqualTo(SystemSample.UNKNOWN);
    assertThat(sampler.sample().gcCount()).isEqualTo(20);
  }

  @Test
  void samplesThisJvmPlausibly() {
    SystemSampler sampler = SystemSampler.create(System::nanoTime);
    burnCpu(TimeUnit.MILLISECONDS.toNanos(20), TimeUnit.MILLISECONDS.toNanos(100));

    SystemSample sample = sampler.sample();

    assertThat(sample.processCpu()).isGreaterThan(0).isLessThanOrEqualTo(1);
    assertThat(sample.heapUsedBytes()).isPositive();
    assertThat(sample.heapCommittedBytes()).isGreaterThanOrEqualTo(sample.heapUsedBytes());
    assertThat(sample.threadCount()).isPositive();
    assertThat(sample.gcCount()).isNotNegative();
    assertThat(sample.gcPauseMs()).isNotNegative();

    assumeThat(Files.isReadable(Path.of("/proc/self/status"))).as("Linux /proc").isTrue();
    assertThat(sample.machineCpu()).isBetween(0.0, 1.0);
    assertThat(sample.rssBytes()).isGreaterThan(10L << 20); // no JVM fits in 10 MB
    assertThat(sample.networkReceivedBytes()).isNotNegative();
    assertThat(sample.networkSentBytes()).isNotNegative();
  }

  /**
   * Spins until this thread has used {@code cpuNanos} of CPU and {@code wallNanos} have passed,
   * so the sample covers measurable work however busy the machine is (bounded at 30 s).
   */
  private static void burnCpu(long cpuNanos, long wallNanos) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    long sink = sinkHole;
    while ((threads.getCurrentThreadCpuTime() - cpuStart < cpuNanos
            || System.nanoTime() - wallStart < wallNanos)
        && System.nanoTime() - wallStart < TimeUnit.SECONDS.toNanos(30)) {
      for (int i = 0; i < 10_000; i++) {
        sink += i * 31L ^ sink;
      }
    }
    sinkHole = sink; // keeps the loop from being optimised away
  }

  private static volatile long sinkHole;
}
