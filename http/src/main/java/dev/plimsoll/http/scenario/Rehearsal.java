package dev.plimsoll.http.scenario;

import dev.plimsoll.core.AsyncOperation;
import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.OperationContext;
import dev.plimsoll.core.Plimsoll;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.metrics.OperationStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

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

  private Rehearsal() {}

  /**
   * Runs an open model, then a closed one, against {@code base}; nothing is reported to the user.
   *
   * @return the operations of both together, for tests: a rehearsal whose requests fail rehearses
   *     nothing but the failure
   */
  static OperationStats run(RequestExecutor executor, String base) {
    AtomicLong sequence = new AtomicLong();
    AsyncOperation get = new AsyncOperation() {
      @Override
      public CompletionStage<?> call(OperationContext context) {
        return executor.execute("GET", base + sequence.incrementAndGet(), HEADERS, NO_BODY, response -> {
          if (response.status() != 200) {
            throw new IllegalStateException("status " + response.status());
          }
        });
      }

      @Override
      public ScheduledExecutorService startingExecutor() {
        return executor.startingExecutor();
      }
    };
    OperationStats open = rehearse(
        Workload.of("open", Mix.ofAsync("get", get), OpenModel.rate(RATE_PER_SECOND).maxInFlight(MAX_IN_FLIGHT)), OPEN_FOR);
    OperationStats closed = rehearse(Workload.of("closed", Mix.ofAsync("get", get), ClosedModel.users(USERS)), CLOSED_FOR);
    return OperationStats.sum("rehearsal", List.of(open, closed));
  }

  private static OperationStats rehearse(Workload workload, Duration length) {
    return Plimsoll.run(Scenario.builder("rehearsal").workload(workload).duration(length)
        .interval(Duration.ofMillis(500)).gracefulStop(Duration.ofSeconds(1)).build()).total();
  }
}
