package dev.plimsoll.scenario;

import dev.plimsoll.core.AsyncOperation;
import dev.plimsoll.core.OperationContext;
import dev.plimsoll.core.ThinkTime;
import dev.plimsoll.scenario.driver.Action;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;

/** One flow as an asynchronous operation: its steps' actions chained one after another. */
final class FlowOperation implements AsyncOperation {

  private final Action[] steps;
  private final Feeder[] feeders;
  private final ScheduledExecutorService startingExecutor;

  FlowOperation(List<Action> steps, List<Feeder> feeders, ScheduledExecutorService startingExecutor) {
    this.steps = steps.toArray(Action[]::new);
    this.feeders = feeders.toArray(Feeder[]::new);
    this.startingExecutor = startingExecutor;
  }

  @Override
  public ScheduledExecutorService startingExecutor() {
    return startingExecutor;
  }

  /**
   * A think step: completes after the think time, without holding a thread meanwhile. It waits on
   * the run's clock, so a flow thinks in virtual time on a virtual clock.
   */
  static Action think(ThinkTime think) {
    return context -> {
      long nanos = think.nextNanos(context.random());
      if (nanos <= 0) {
        return CompletableFuture.completedFuture(null);
      }
      return context.clock().delay(Duration.ofNanos(nanos));
    };
  }

  @Override
  public CompletionStage<?> call(OperationContext context) {
    for (Feeder f : feeders) {
      context.state().put(f.name(), f.next(context));
    }
    return run(0, context);
  }

  private CompletableFuture<?> run(int index, OperationContext context) {
    if (index == steps.length) {
      return CompletableFuture.completedFuture(null);
    }
    CompletionStage<?> step;
    try {
      step = steps[index].run(context);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (step == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("a step returned null instead of a CompletionStage"));
    }
    CompletableFuture<?> done = step.toCompletableFuture();
    return index + 1 == steps.length ? done : done.thenCompose(v -> run(index + 1, context));
  }
}
