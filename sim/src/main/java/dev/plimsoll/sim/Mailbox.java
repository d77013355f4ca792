package dev.plimsoll.sim;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A node's handlers in real time: tasks run one at a time, in order, on a virtual thread started
 * when work arrives and ended when there is none, so a thousand idle nodes hold no threads.
 */
final class Mailbox {
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Runnable drain = this::drain;

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
        task.run();
      }
      draining.set(false);
      // A task posted after the last poll and before the flag cleared would otherwise wait forever.
      if (tasks.isEmpty() || !draining.compareAndSet(false, true)) {
        return;
      }
    }
  }
}
