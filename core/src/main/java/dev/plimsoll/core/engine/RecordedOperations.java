package dev.plimsoll.core.engine;

import dev.plimsoll.core.OperationRecorder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The operations a scenario declares as recorded: the engine starts none of them, but counts each
 * one it is told of, as started and completed at once, in the same stripes as every other
 * operation. As a driver it is idle, and holds no run open, unless a recorder was asked to
 * {@linkplain OperationRecorder#drainWhile drain while} operations are still owed.
 */
final class RecordedOperations implements Driver {
  private final Map<String, Handle> byName = new LinkedHashMap<>();
  private final Recorder recorder;
  private final int firstOperation;
  /** Started operations by window of their intended start and operation: {@code window * count + index}. */
  private final LongAdder[] started;
  private final RunState state;
  private volatile boolean closed;
  /** The conditions under which the drain should wait for more records. */
  private final List<java.util.function.BooleanSupplier> owed = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** {@code names} get scenario-wide operation indexes from {@code firstOperation} on. */
  RecordedOperations(List<String> names, int firstOperation, Recorder recorder, RunState state) {
    this.recorder = recorder;
    this.firstOperation = firstOperation;
    this.state = state;
    this.started = new LongAdder[RunState.WINDOWS * names.size()];
    for (int i = 0; i < started.length; i++) {
      started[i] = new LongAdder();
    }
    for (int i = 0; i < names.size(); i++) {
      byName.put(names.get(i), new Handle(names.get(i), i));
    }
  }

  OperationRecorder recorder(String name) {
    Handle handle = byName.get(name);
    if (handle == null) {
      throw new IllegalArgumentException("no recorded operation '" + name + "' (recorded: "
          + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet()))
          + "; declare one with Scenario.Builder.recordedOperation)");
    }
    return handle;
  }

  @Override
  public void start() {}

  @Override
  public long started(int window, int operationIndex) {
    int i = operationIndex - firstOperation;
    int count = byName.size();
    return i >= 0 && i < count ? started[window * count + i].sum() : 0;
  }

  @Override
  public long dropped(int window, int operationIndex) {
    return 0;
  }

  @Override
  public boolean exhausted() {
    return true;
  }

  @Override
  public boolean idle() {
    for (java.util.function.BooleanSupplier o : owed) {
      try {
        if (o.getAsBoolean()) {
          return false;
        }
      } catch (RuntimeException e) {
        // a condition that fails holds nothing open
      }
    }
    return true;
  }

  @Override
  public void wake() {}

  @Override
  public void interrupt() {}

  @Override
  public void close() {
    closed = true;
  }

  private final class Handle implements OperationRecorder {
    private final String name;
    private final int local;

    Handle(String name, int local) {
      this.name = name;
      this.local = local;
    }

    @Override
    public String operation() {
      return name;
    }

    @Override
    public void record(long intendedStartNanos, long startNanos, long endNanos, Throwable error) {
      if (closed) {
        return; // the run's last interval is cut: nothing would ever read it
      }
      started[state.window(intendedStartNanos) * byName.size() + local].increment();
      // Any thread may record; spreading them over the stripes by thread keeps the locks apart.
      Stripe stripe = recorder.stripeFor((int) (Thread.currentThread().threadId() & Integer.MAX_VALUE));
      Recorder.record(stripe, firstOperation + local, intendedStartNanos, startNanos, endNanos, error);
    }

    @Override
    public void drainWhile(java.util.function.BooleanSupplier stillOwed) {
      owed.add(java.util.Objects.requireNonNull(stillOwed, "owed"));
    }

    @Override
    public void recordLost(long intendedStartNanos, Throwable error) {
      java.util.Objects.requireNonNull(error, "error");
      if (closed) {
        return;
      }
      started[state.window(intendedStartNanos) * byName.size() + local].increment();
      Stripe stripe = recorder.stripeFor((int) (Thread.currentThread().threadId() & Integer.MAX_VALUE));
      Recorder.recordLost(stripe, firstOperation + local, intendedStartNanos, error);
    }

    @Override
    public String toString() {
      return "OperationRecorder[" + name + "]";
    }
  }
}
