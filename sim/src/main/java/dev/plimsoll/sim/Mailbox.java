package dev.plimsoll.sim;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A node's handlers in real time: tasks run one at a time, in order, on a virtual thread started
 * when work arrives and ended when there is none, so a thousand idle nodes hold no threads.
 */
final class Mailbox {
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Runnable drain = this::drain;
  private final Consumer<RuntimeException> failures;

  Mailbox(Consumer<RuntimeException> failures) {
    this.failures = failures;
  }

  void post(Runnable task) {
    tasks.add(task);
    if (draining.compareAndSet(false, true)) {
      Thread.ofVirtual().name("plimsoll-sim-node").start(drain);
    }
  }

  private void drain() {
    while (true) {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        try {
          task.run();
        } catch (RuntimeException e) {
          failures.accept(e); // a protocol's exception never stops the node
        }
      }
      draining.set(false);
      // A task posted after the last poll and before the flag cleared would otherwise wait forever.
      if (tasks.isEmpty() || !draining.compareAndSet(false, true)) {
        return;
      }
    }
  }
}
