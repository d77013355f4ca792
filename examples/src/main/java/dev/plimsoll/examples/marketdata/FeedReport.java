package dev.plimsoll.examples.marketdata;

import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.core.metrics.SystemSummary;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.examples.support.Colours;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * What a market-data run achieved: each target rate's share, the ring's write latency in
 * nanoseconds, the process's CPU and memory, and the status.
 *
 * <p>Write latency is the service time of the publishing operations (from the moment the engine
 * calls the operation until it returns: generating the event and writing it into the ring). Response
 * time, which also counts any wait behind the schedule, is in the run's report.md.
 */
public record FeedReport(FeedPlan plan, RunResult result, Rate trades, Rate bookUpdates, long p50Ns, long p90Ns,
    long p99Ns, long p999Ns, long maxNs) {
  /** A rate achieved at this share or more is green and can pass. */
  public static final double GREEN_FROM = 0.95;
  /** From this share up to green, yellow; below it, red. */
  public static final double YELLOW_FROM = 0.80;

  /** A target rate and the share of it achieved. */
  public record Rate(String name, double targetPerSecond, double achievedPerSecond) {
    public double share() {
      return achievedPerSecond / targetPerSecond;
    }

    Colours.Colour colour() {
      return share() >= GREEN_FROM ? Colours.Colour.GREEN : share() >= YELLOW_FROM ? Colours.Colour.YELLOW
          : Colours.Colour.RED;
    }

    String describe() {
      return String.format(Locale.ROOT, "%s %.1f %% of %s/s", name, share() * 100,
          Units.count(Math.round(targetPerSecond)));
    }
  }

  public static FeedReport of(FeedPlan plan, RunResult result) {
    Duration measured = result.measuredDuration();
    Duration from = plan.duration().minus(measured);
    double seconds = measured.toNanos() / 1e9;
    Rate trades = new Rate("trades", plan.expectedTrades(from, plan.duration()) / seconds,
        completed(result, "trade-") / seconds);
    Rate books = new Rate("order-book updates", plan.expectedBookUpdates(from, plan.duration()) / seconds,
        completed(result, "book-") / seconds);
    Histogram writes = LatencyDistribution.mergeAll(
        result.operations().stream().map(OperationStats::serviceTime).toList()).toHistogram();
    return new FeedReport(plan, result, trades, books, writes.getValueAtPercentile(50),
        writes.getValueAtPercentile(90), writes.getValueAtPercentile(99), writes.getValueAtPercentile(99.9),
        writes.getMaxValue());
  }

  private static long completed(RunResult result, String prefix) {
    return result.operations().stream().filter(o -> o.name().startsWith(prefix)).mapToLong(OperationStats::succeeded)
        .sum();
  }

  /** Every target rate achieved at 95 % or more, and the run's criteria (error rate, memory) held. */
  public boolean passed() {
    return trades.share() >= GREEN_FROM && bookUpdates.share() >= GREEN_FROM && result.succeeded();
  }

  /** The last line: PASSED or FAILED and each rate's share, each coloured by its band when {@code colours} allow. */
  public String statusLine(Colours colours) {
    return (passed() ? "PASSED" : "FAILED") + "  " + colours.paint(trades.describe(), trades.colour()) + "  "
        + colours.paint(bookUpdates.describe(), bookUpdates.colour());
  }

  public double cpuAveragePercent() {
    return percent(result.system().processCpuAverage());
  }

  public double cpuPeakPercent() {
    return percent(result.system().processCpuPeak());
  }

  public long heapPeakBytes() {
    return result.system().heapUsedPeakBytes();
  }

  public long heapAverageBytes() {
    return average(SystemSample::heapUsedBytes);
  }

  public long rssPeakBytes() {
    return result.system().rssPeakBytes();
  }

  public long rssAverageBytes() {
    return average(SystemSample::rssBytes);
  }

  private static double percent(double fraction) {
    return fraction < 0 ? Double.NaN : fraction * 100;
  }

  /** The mean over the measured intervals that have the reading; -1 if none has. */
  private long average(ToLongFunction<SystemSample> reading) {
    return Math.round(result.intervals().stream().filter(iv -> !iv.warmUp()).map(IntervalSnapshot::system)
        .mapToLong(reading).filter(v -> v >= 0).average().orElse(-1));
  }

  /** The summary as lines for the console. */
  public List<String> lines(boolean verbose) {
    List<String> lines = new ArrayList<>();
    lines.add(plan.describe());
    lines.add(String.format(Locale.ROOT, "write latency (ns): p50 %,d  p90 %,d  p99 %,d  p99.9 %,d  max %,d",
        p50Ns, p90Ns, p99Ns, p999Ns, maxNs));
    lines.add(String.format(Locale.ROOT, "rates: trades %s/s of %s/s, order-book updates %s/s of %s/s",
        Units.count(Math.round(trades.achievedPerSecond())), Units.count(Math.round(trades.targetPerSecond())),
        Units.count(Math.round(bookUpdates.achievedPerSecond())), Units.count(Math.round(bookUpdates.targetPerSecond()))));
    lines.add(String.format(Locale.ROOT, "CPU (this process, share of the machine): avg %s %%, peak %s %%",
        Units.decimal(cpuAveragePercent()), Units.decimal(cpuPeakPercent())));
    lines.add("memory: heap avg " + Units.bytes(heapAverageBytes()) + ", peak " + Units.bytes(heapPeakBytes())
        + "; RSS avg " + Units.bytes(rssAverageBytes()) + ", peak " + Units.bytes(rssPeakBytes()));
    SystemSummary system = result.system();
    if (verbose) {
      lines.add("memory growth: " + (system.memoryGrowth().judgeable()
          ? Units.decimal(system.memoryGrowthMbPerMinute()) + " MB/min" : "too short a run to judge"));
      for (OperationStats op : result.operations()) {
        lines.add(String.format(Locale.ROOT, "  %-10s %,12d written, %s errors, p99 %,d ns", op.name(), op.succeeded(),
            Units.percent(op.errorRate()), op.serviceTime().toHistogram().getValueAtPercentile(99)));
      }
      lines.add(result.generatorHealth().bottleneckSuspected()
          ? "generator: may have been the bottleneck: " + String.join("; ", result.generatorHealth().reasons())
          : "generator: kept its schedule");
    }
    result.verdicts().stream().filter(v -> !v.passed())
        .forEach(v -> lines.add("FAILED " + v.criterion().source() + ": " + v.detail()));
    return lines;
  }

  /** The summary as the JSON document --json-output writes. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scenario", plan.name());
    json.put("status", passed() ? "PASSED" : "FAILED");
    json.put("exchanges", plan.exchanges());
    json.put("symbols", plan.symbols());
    json.put("durationS", plan.duration().toSeconds());
    json.put("measuredS", result.measuredDuration().toNanos() / 1e9);
    json.put("rates", List.of(rateJson(trades), rateJson(bookUpdates)));
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("p50Ns", p50Ns);
    latency.put("p90Ns", p90Ns);
    latency.put("p99Ns", p99Ns);
    latency.put("p999Ns", p999Ns);
    latency.put("maxNs", maxNs);
    json.put("writeLatency", latency);
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpu.put("avgPercent", cpuAveragePercent());
    cpu.put("peakPercent", cpuPeakPercent());
    json.put("cpu", cpu);
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("heapAvgBytes", heapAverageBytes());
    memory.put("heapPeakBytes", heapPeakBytes());
    memory.put("rssAvgBytes", rssAverageBytes());
    memory.put("rssPeakBytes", rssPeakBytes());
    memory.put("growthMbPerMin", result.system().memoryGrowth().judgeable()
        ? result.system().memoryGrowthMbPerMinute() : null);
    json.put("memory", memory);
    return json;
  }

  private static Map<String, Object> rateJson(Rate rate) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", rate.name());
    json.put("targetPerSecond", rate.targetPerSecond());
    json.put("achievedPerSecond", rate.achievedPerSecond());
    json.put("achievedPercent", rate.share() * 100);
    return json;
  }
}
