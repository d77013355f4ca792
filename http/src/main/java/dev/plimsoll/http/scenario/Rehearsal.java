package dev.plimsoll.http.scenario;

import dev.plimsoll.core.AsyncOperation;
import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.OperationContext;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.scenario.driver.Action;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The run before the run: the engine drives requests through the executor's own path (templated
 * URL, headers, a check) at a server of the client's own on loopback, so that the JIT has compiled
 * the whole per-request path (the open model's scheduler and the closed model's users, the
 * recorder, the client) before the measured run starts. Without it a generator pinned to one core
 * spends its first two seconds at half speed, and an open model at tens of thousands of arrivals
 * a second drops arrivals or reports its own slowness as the system's.
 */
final class Rehearsal {
  /** Fast enough to get every hot method compiled, slow enough for the smallest machine not to drown. */
  private static final double RATE_PER_SECOND = 25_000;
  private static final Duration OPEN_FOR = Duration.ofMillis(1500);
  /** On a machine too slow for the rate, arrivals are dropped rather than queued for later. */
  private static final int MAX_IN_FLIGHT = 256;
  private static final int USERS = 16;
  private static final Duration CLOSED_FOR = Duration.ofMillis(500);
  private static final Map<String, String> HEADERS = Map.of("Accept", "text/plain");
  private static final byte[] NO_BODY = new byte[0];
  /** The run's own steps take most of the rehearsal: theirs is the path the run takes. */
  private static final int OWN_STEP_WEIGHT = 4;

  private Rehearsal() {}

  /** As {@link #run(RequestExecutor, String, Function)} with no steps of the run's own. */
  static OperationStats run(RequestExecutor executor, String base) {
    return run(executor, base, server -> List.of());
  }

  /**
   * Runs an open model, then a closed one, against {@code base}; nothing is reported to the user.
   * Besides a templated GET of its own, the mix holds the run's own steps ({@code ownSteps} gives
   * them sending to {@code base}'s server), so that the JIT compiles the path the run takes (a
   * constant request's prepared form, the steps' checks) and not only one like it: a path first
   * taken in the measured run is compiled there, at half a core on a generator pinned to one.
   *
   * @return the operations of both together, for tests: a rehearsal whose requests fail rehearses
   *     nothing but the failure
   */
  static OperationStats run(RequestExecutor executor, String base, Function<String, List<Action>> ownSteps) {
    AtomicLong sequence = new AtomicLong();
    ScheduledExecutorService starting = executor.startingExecutor();
    Mix.Builder mix = Mix.builder().addAsync("get", 1, async(context ->
        executor.execute("GET", base + sequence.incrementAndGet(), HEADERS, NO_BODY, response -> {
          if (response.status() != 200) {
            throw new IllegalStateException("status " + response.status());
          }
        }), starting));
    List<Action> own = ownSteps.apply(server(base));
    for (int i = 0; i < own.size(); i++) {
      mix.addAsync("step-" + (i + 1), OWN_STEP_WEIGHT, async(own.get(i)::run, starting));
    }
    Mix built = mix.build();
    OperationStats open = rehearse(
        Workload.of("open", built, OpenModel.rate(RATE_PER_SECOND).maxInFlight(MAX_IN_FLIGHT)), OPEN_FOR);
    OperationStats closed = rehearse(Workload.of("closed", built, ClosedModel.users(USERS)), CLOSED_FOR);
    return OperationStats.sum("rehearsal", List.of(open, closed));
  }

  /** The scheme, host and port of {@code base}: what a step's root-relative URL is written from. */
  private static String server(String base) {
    URI uri = URI.create(base);
    return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
  }

  private static AsyncOperation async(Function<OperationContext, CompletionStage<?>> call,
      ScheduledExecutorService starting) {
    return new AsyncOperation() {
      @Override
      public CompletionStage<?> call(OperationContext context) {
        return call.apply(context);
      }

      @Override
      public ScheduledExecutorService startingExecutor() {
        return starting;
      }
    };
  }

  /**
   * Runs the workload for {@code length}, its first third a warm-up: a run that has one records
   * into the warm-up's cells first and the measured window's after, and a path compiled for the
   * first alone is thrown out (an "uncommon trap") at the warm-up's end, which showed as
   * milliseconds of lag in the first measured interval. Returns every operation, warm-up included.
   */
  private static OperationStats rehearse(Workload workload, Duration length) {
    RunResult result = Plimsoll.run(Scenario.builder("rehearsal").workload(workload).duration(length)
        .warmUp(length.dividedBy(3)).interval(Duration.ofMillis(250)).gracefulStop(Duration.ofSeconds(1)).build());
    List<OperationStats> all = new ArrayList<>();
    for (IntervalSnapshot interval : result.intervals()) {
      all.add(interval.total());
    }
    return OperationStats.sum("rehearsal", all);
  }
}
