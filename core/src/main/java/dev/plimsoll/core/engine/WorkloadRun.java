package dev.plimsoll.core.engine;

import dev.plimsoll.core.LoadSegment;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.Workload;
import java.util.concurrent.atomic.AtomicLong;

/** What a driver needs of its workload and of the run. */
final class WorkloadRun {
  final Workload workload;
  final Mix.Entry[] entries;
  /** The scenario-wide index of this workload's first operation. */
  final int firstOperation;
  final int operationCount;
  final Recorder recorder;
  final RunState state;
  final long seed;
  final RecordedOperations recordings;
  /** The part of the workload's load this process runs. */
  final LoadSegment segment;
  private final AtomicLong picks = new AtomicLong();
  private final boolean single;

  WorkloadRun(Workload workload, int firstOperation, int operationCount, Recorder recorder, RunState state, long seed,
      RecordedOperations recordings, LoadSegment segment) {
    this.workload = workload;
    this.entries = workload.mix().entries().toArray(Mix.Entry[]::new);
    this.firstOperation = firstOperation;
    this.operationCount = operationCount;
    this.recorder = recorder;
    this.state = state;
    this.seed = seed;
    this.recordings = recordings;
    this.segment = segment;
    this.single = entries.length == 1;
  }

  /** The next operation of the mix, as an index into {@link #entries}. */
  int pick() {
    return single ? 0 : workload.mix().pick(picks.getAndIncrement());
  }

  /**
   * The operation of the mix for the workload's arrival number {@code n} (from 0, counted over the
   * whole load): a machine running a segment of it picks what one process would have.
   */
  int pickAt(long n) {
    return single ? 0 : workload.mix().pick(n);
  }

  Caller newCaller(int id) {
    return new Caller(id, workload.name(), recorder.stripeFor(id), operationCount, seed, state, recordings);
  }
}
