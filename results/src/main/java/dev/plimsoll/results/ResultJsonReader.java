package dev.plimsoll.results;

import dev.plimsoll.core.criteria.Comparison;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Metric;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorSample;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.MemoryGrowth;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.core.metrics.SystemSummary;
import dev.plimsoll.core.result.EnvironmentInfo;
import dev.plimsoll.core.result.GeneratorHealth;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.core.result.WorkloadDescription;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Maps the JSON tree of {@code docs/result-schema.md} back to a {@link RunResult}; the inverse of
 * {@link ResultJsonWriter}, field for field.
 */
final class ResultJsonReader {

  /** How histograms are read, and what a bad one is said not to be. */
  private enum Histograms {
    /** A result's, kept for as long as the result: compressed, as result files hold them. */
    TO_KEEP(LatencyDistribution::fromCompressed, "compressed HdrHistogram"),
    /** An interval's read only to be merged (a cluster worker's): compressed or not, inflated at most once. */
    TO_MERGE(LatencyDistribution::readToMerge, "HdrHistogram");

    final Function<byte[], LatencyDistribution> reader;
    final String what;

    Histograms(Function<byte[], LatencyDistribution> reader, String what) {
      this.reader = reader;
      this.what = what;
    }
  }

  private ResultJsonReader() {}

  static RunResult result(JsonFields o) {
    checkVersion(o);
    return new RunResult(
        o.intValue("schemaVersion"),
        o.string("name"),
        o.enumValue("status", RunStatus.class),
        o.string("stopReason"),
        o.instant("startTime"),
        o.instant("endTime"),
        o.seconds("measuredDurationS"),
        o.object("config", ResultJsonReader::scenario),
        o.object("environment", ResultJsonReader::environment),
        o.object("total", ResultJsonReader::operationStats),
        o.objects("operations", ResultJsonReader::operationStats),
        o.objects("intervals", ResultJsonReader::interval),
        o.objects("verdicts", ResultJsonReader::verdict),
        o.objects("errors", ResultJsonReader::errorClass),
        o.object("system", ResultJsonReader::systemSummary),
        o.object("generatorHealth", ResultJsonReader::generatorHealth),
        // Files written before runs could be rebuilt from a journal lack it: they were complete.
        o.has("incomplete") && o.bool("incomplete"),
        // Files written before phases and profile changes were recorded lack them.
        o.has("phases") ? o.objects("phases", ResultJsonReader::phase) : List.of(),
        o.has("profileChanges") ? o.objects("profileChanges", ResultJsonReader::profileChange) : List.of(),
        // Files written before sections were recorded, or by runs without any, lack them.
        o.has("sections") ? SectionsJson.read(o) : List.of());
  }

  static Phase phase(JsonFields o) {
    Phase.Kind kind = o.enumValue("kind", Phase.Kind.class);
    Duration start = o.seconds("startS");
    Duration end = o.seconds("endS");
    String description = o.string("description");
    if (kind == null || start == null || end == null || description == null) {
      throw o.failure(kind == null ? "kind" : start == null ? "startS" : end == null ? "endS" : "description",
          "must not be null");
    }
    if (end.compareTo(start) < 0) {
      throw o.failure("endS", "must not be before startS");
    }
    return new Phase(kind, start, end, o.string("workload"), description);
  }

  static ProfileChange profileChange(JsonFields o) {
    Duration at = o.seconds("atS");
    String workload = o.string("workload");
    ProfileChange.Setting setting = o.enumValue("setting", ProfileChange.Setting.class);
    String by = o.string("by");
    if (at == null || workload == null || setting == null || by == null) {
      throw o.failure(at == null ? "atS" : workload == null ? "workload" : setting == null ? "setting" : "by",
          "must not be null");
    }
    return new ProfileChange(at, workload, setting, o.doubleValue("from"), o.doubleValue("to"), by);
  }

  /** Checked before anything else, so a newer file fails with this message and not a field's. */
  private static void checkVersion(JsonFields o) {
    if (!o.has("schemaVersion")) {
      throw o.failure("schemaVersion", "is missing; is this a Plimsoll result file?");
    }
    int version = o.intValue("schemaVersion");
    if (version != RunResult.SCHEMA_VERSION) {
      throw o.failure("schemaVersion", "is " + version + ", but this version of Plimsoll reads"
          + " only schemaVersion " + RunResult.SCHEMA_VERSION);
    }
  }

  static ScenarioDescription scenario(JsonFields o) {
    return new ScenarioDescription(
        o.string("name"),
        o.seconds("durationS"),
        o.seconds("warmUpS"),
        o.seconds("intervalS"),
        o.seconds("gracefulStopS"),
        o.longValue("seed"),
        o.objects("workloads", ResultJsonReader::workload),
        o.strings("criteria"),
        o.strings("recordedOperations"));
  }

  private static WorkloadDescription workload(JsonFields o) {
    return new WorkloadDescription(
        o.string("name"),
        o.string("model"),
        o.string("loadDescription"),
        o.seconds("durationS"),
        o.objects("mix", m -> new WorkloadDescription.MixEntry(
            m.string("operation"), m.intValue("weight"), m.bool("async"))));
  }

  static EnvironmentInfo environment(JsonFields o) {
    return new EnvironmentInfo(
        o.string("plimsollVersion"),
        o.string("javaVersion"),
        o.string("javaVendor"),
        o.string("jvmName"),
        o.string("osName"),
        o.string("osVersion"),
        o.string("osArch"),
        o.intValue("availableProcessors"),
        o.longValue("maxHeapBytes"),
        o.string("hostName"));
  }

  /** Throughput and error rate beside the counts follow from them, and are not read. */
  private static OperationStats operationStats(JsonFields o) {
    return operationStats(o, Histograms.TO_KEEP);
  }

  private static OperationStats operationStats(JsonFields o, Histograms histograms) {
    return new OperationStats(
        o.string("name"),
        o.longValue("started"),
        o.longValue("succeeded"),
        o.longValue("failed"),
        o.longValue("dropped"),
        o.longValue("inFlight"),
        o.object("responseTime", d -> distribution(d, histograms)),
        o.object("serviceTime", d -> distribution(d, histograms)),
        o.objects("errors", ResultJsonReader::errorClass));
  }

  private static Verdict verdict(JsonFields o) {
    return new Verdict(
        o.object("criterion", ResultJsonReader::criterion),
        o.doubleValue("measured"),
        o.bool("passed"),
        o.string("detail"));
  }

  /**
   * Built from the stored fields, not by parsing {@code source} again: the file records what was
   * judged, even if a later Plimsoll would parse the same text differently.
   */
  static Criterion criterion(JsonFields o) {
    return new Criterion(
        o.string("source"),
        o.string("scope"),
        o.enumValue("metric", Metric.class),
        o.enumValue("comparison", Comparison.class),
        o.doubleValue("threshold"),
        o.bool("abortOnFail"));
  }

  private static ErrorClass errorClass(JsonFields o) {
    return new ErrorClass(
        o.string("operation"),
        o.string("type"),
        o.string("message"),
        o.longValue("count"),
        o.instant("first"),
        o.instant("last"),
        o.objects("samples", s -> new ErrorSample(s.instant("time"), s.string("message"))));
  }

  private static SystemSummary systemSummary(JsonFields o) {
    return new SystemSummary(
        o.doubleValue("processCpuAverage"),
        o.doubleValue("processCpuPeak"),
        o.doubleValue("machineCpuAverage"),
        o.doubleValue("machineCpuPeak"),
        o.longValue("heapUsedPeakBytes"),
        o.longValue("rssPeakBytes"),
        o.longValue("gcCount"),
        o.doubleValue("gcPauseMs"),
        o.intValue("threadPeak"),
        o.longValue("networkReceivedBytes"),
        o.longValue("networkSentBytes"),
        memoryGrowth(o));
  }

  /**
   * Files written before memory growth had an interval hold only its slope (of heap in use, not
   * heap after collection): read as {@link MemoryGrowth.Basis#UNRECORDED}.
   */
  private static MemoryGrowth memoryGrowth(JsonFields o) {
    double slope = o.doubleValue("memoryGrowthMbPerMinute");
    if (!o.has("memoryGrowthBasis")) {
      return MemoryGrowth.unrecorded(slope);
    }
    return new MemoryGrowth(
        slope,
        o.doubleValue("memoryGrowthMarginMbPerMinute"),
        o.intValue("memoryGrowthCollections"),
        o.seconds("memoryGrowthSpanS"),
        o.enumValue("memoryGrowthBasis", MemoryGrowth.Basis.class));
  }

  private static GeneratorHealth generatorHealth(JsonFields o) {
    return new GeneratorHealth(
        o.bool("bottleneckSuspected"),
        o.strings("reasons"),
        o.object("schedulingLag", d -> distribution(d, Histograms.TO_KEEP)),
        clientCost(o, "toWire", Histograms.TO_KEEP),
        clientCost(o, "afterAnswer", Histograms.TO_KEEP),
        o.longValue("droppedArrivals"),
        o.doubleValue("processCpuPeak"));
  }

  static IntervalSnapshot interval(JsonFields o) {
    return interval(o, Histograms.TO_KEEP);
  }

  /** An interval read only to be merged, whose histograms are then inflated once. */
  static IntervalSnapshot intervalToMerge(JsonFields o) {
    return interval(o, Histograms.TO_MERGE);
  }

  private static IntervalSnapshot interval(JsonFields o, Histograms histograms) {
    return new IntervalSnapshot(
        o.intValue("index"),
        o.instant("start"),
        o.seconds("lengthS"),
        o.bool("warmUp"),
        o.doubleValue("expectedArrivals"),
        o.objects("operations", op -> operationStats(op, histograms)),
        o.object("schedulingLag", d -> distribution(d, histograms)),
        clientCost(o, "toWire", histograms),
        clientCost(o, "afterAnswer", histograms),
        o.object("system", ResultJsonReader::systemSample));
  }

  /**
   * One of the client's costs, which files written before they were measured lack: there, no
   * operation reported any, which is what an empty distribution says.
   */
  private static LatencyDistribution clientCost(JsonFields o, String field,
      Histograms histograms) {
    return o.has(field) ? o.object(field, d -> distribution(d, histograms)) : LatencyDistribution.empty();
  }

  private static SystemSample systemSample(JsonFields o) {
    return new SystemSample(
        o.doubleValue("processCpu"),
        o.doubleValue("machineCpu"),
        o.longValue("heapUsedBytes"),
        o.longValue("heapCommittedBytes"),
        o.longValue("rssBytes"),
        o.longValue("gcCount"),
        o.doubleValue("gcPauseMs"),
        o.intValue("threadCount"),
        o.longValue("networkReceivedBytes"),
        o.longValue("networkSentBytes"));
  }

  /** Only the histogram is read: the stats beside it are derived from it, for readers' sake. */
  private static LatencyDistribution distribution(JsonFields o, Histograms histograms) {
    String base64 = o.string("histogram");
    if (base64 == null) {
      throw o.failure("histogram", "must be a base64 string, was null");
    }
    try {
      return histograms.reader.apply(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      // Not the decoder's own words: they name its insides (java.lang.reflect...).
      throw o.failure("histogram", "is not a base64-encoded " + histograms.what);
    }
  }
}
