package dev.plimsoll.examples.marketdata;

import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.examples.support.ExampleRuns;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a {@link FeedPlan}: one workload per exchange, publishing its trades and order-book updates
 * into one shared ring at the plan's rates (open model: the schedule does not slow down when
 * publishing does), judged by the error rate, the share of the target arrivals achieved and, on
 * runs long enough to show it, memory growth.
 */
public final class MarketDataFeed {
  /** 2^20 records of 64 bytes: a 64 MiB ring, a few seconds of the stress scenario. */
  public static final int RING_SLOTS = 1 << 20;
  /** Arrivals that may wait for a free slot before new ones are dropped (and counted). */
  static final int MAX_IN_FLIGHT = 1_000;

  private MarketDataFeed() {}

  /** Runs {@code plan} with result.json and report.md in {@code directory} (none when null). */
  public static FeedReport run(FeedPlan plan, int ringSlots, Path directory) throws IOException {
    try (MappedRingBuffer ring = MappedRingBuffer.inSharedMemory("plimsoll-market-data", ringSlots)) {
      RunResult result = ExampleRuns.run(scenario(plan, ring), directory, b -> b);
      return FeedReport.of(plan, result);
    }
  }

  static Scenario scenario(FeedPlan plan, MappedRingBuffer ring) {
    Scenario.Builder b = Scenario.builder("market-data-" + plan.name())
        .duration(plan.duration())
        .warmUp(warmUp(plan.duration()))
        .criterion("error_rate < 0.1%")
        .criterion("throughput >= " + Math.round(FeedReport.GREEN_FROM * 100) + "%")
        .criterion("memory_growth < 10MB/min");
    long gcd = gcd(plan.tradesPerSecond(), plan.bookUpdatesPerSecond());
    double perExchange = plan.tradesPerSecond() + (double) plan.bookUpdatesPerSecond();
    RateProfile profile = plan.burstFactor() == 1 ? RateProfile.constant(perExchange)
        : RateProfile.custom(String.format(java.util.Locale.ROOT, "%.0f/s, x%.0f for 1 s in every 10",
            perExchange, plan.burstFactor()), seconds -> perExchange * plan.factorAt(seconds));
    for (int e = 1; e <= plan.exchanges(); e++) {
      SimulatedExchange exchange = new SimulatedExchange(e, plan.symbols(), ring);
      Mix mix = Mix.builder()
          .add("trade-" + e, (int) (plan.tradesPerSecond() / gcd), ctx -> exchange.publishTrade(ctx.random()))
          .add("book-" + e, (int) (plan.bookUpdatesPerSecond() / gcd), ctx -> exchange.publishBookUpdate(ctx.random()))
          .build();
      b.workload(Workload.of("exchange-" + e, mix, OpenModel.of(profile).maxInFlight(MAX_IN_FLIGHT)));
    }
    return b.build();
  }

  /** A tenth of the run, at most 5 s: long enough for the JIT to compile the publishing path. */
  static Duration warmUp(Duration duration) {
    Duration tenth = duration.dividedBy(10);
    return tenth.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : tenth;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
