package dev.plimsoll.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.criteria.Verdict;
import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorSample;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.LatencyStats;
import dev.plimsoll.core.metrics.MemoryGrowth;
import dev.plimsoll.core.metrics.OperationStats;
import dev.plimsoll.core.metrics.SystemSample;
import dev.plimsoll.core.metrics.SystemSummary;
import dev.plimsoll.core.result.EnvironmentInfo;
import dev.plimsoll.core.result.GeneratorHealth;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.core.result.WorkloadDescription;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Maps a {@link RunResult} to the JSON tree of {@code docs/result-schema.md}, field by field.
 *
 * <p>The mapping is written out rather than left to Jackson's record support so that renaming a
 * record component cannot silently change the file format: the format changes only here, with
 * {@link RunResult#SCHEMA_VERSION}. {@link ResultJsonReader} is its inverse; keep them in step.
 */
final class ResultJsonWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What an object is written for. */
  private enum Form {
    /** result.json and the journal: summaries beside histograms, for people and other tools. */
    FOR_PEOPLE,
    /** To be merged by Plimsoll: only what is read back, histograms uncompressed (read without inflating). */
    TO_MERGE,
    /** The same with compressed histograms: half the bytes, for an interval too large otherwise. */
    TO_MERGE_COMPRESSED
  }

  private ResultJsonWriter() {}

  /**
   * Everything but the intervals, in the order written: the intervals come last, because they
   * are by far the largest part and a reader skimming the file wants the rest.
   */
  static ObjectNode withoutIntervals(RunResult r) {
    ObjectNode o = NODES.objectNode();
    // The version of the format written here, which is what a reader needs to know.
    o.put("schemaVersion", RunResult.SCHEMA_VERSION);
    o.put("name", r.name());
    o.put("status", r.status() == null ? null : r.status().name());
    o.put("stopReason", r.stopReason());
    o.put("incomplete", r.incomplete());
    putInstant(o, "startTime", r.startTime());
    putInstant(o, "endTime", r.endTime());
    putSeconds(o, "measuredDurationS", r.measuredDuration());
    o.set("config", nullable(r.config(), ResultJsonWriter::scenario));
    o.set("environment", nullable(r.environment(), ResultJsonWriter::environment));
    Duration measured = r.measuredDuration();
    o.set("total", nullable(r.total(), s -> operationStats(s, measured)));
    o.set("operations", array(r.operations(), s -> operationStats(s, measured)));
    o.set("verdicts", array(r.verdicts(), ResultJsonWriter::verdict));
    o.set("errors", array(r.errors(), ResultJsonWriter::errorClass));
    o.set("system", nullable(r.system(), ResultJsonWriter::systemSummary));
    o.set("generatorHealth", nullable(r.generatorHealth(), ResultJsonWriter::generatorHealth));
    o.set("phases", array(r.phases(), ResultJsonWriter::phase));
    o.set("profileChanges", array(r.profileChanges(), ResultJsonWriter::profileChange));
    o.set("sections", SectionsJson.write(r.sections()));
    return o;
  }

  static ObjectNode phase(Phase p) {
    ObjectNode o = NODES.objectNode();
    o.put("kind", p.kind().name());
    putSeconds(o, "startS", p.start());
    putSeconds(o, "endS", p.end());
    o.put("workload", p.workload());
    o.put("description", p.description());
    return o;
  }

  static ObjectNode profileChange(ProfileChange c) {
    ObjectNode o = NODES.objectNode();
    putSeconds(o, "atS", c.at());
    o.put("workload", c.workload());
    o.put("setting", c.setting().name());
    putDouble(o, "from", c.from());
    putDouble(o, "to", c.to());
    o.put("by", c.by());
    return o;
  }

  static ObjectNode scenario(ScenarioDescription s) {
    ObjectNode o = NODES.objectNode();
    o.put("name", s.name());
    putSeconds(o, "durationS", s.duration());
    putSeconds(o, "warmUpS", s.warmUp());
    putSeconds(o, "intervalS", s.interval());
    putSeconds(o, "gracefulStopS", s.gracefulStop());
    o.put("seed", s.seed());
    o.set("workloads", array(s.workloads(), ResultJsonWriter::workload));
    o.set("criteria", strings(s.criteria()));
    o.set("recordedOperations", strings(s.recordedOperations()));
    return o;
  }

  private static ObjectNode workload(WorkloadDescription w) {
    ObjectNode o = NODES.objectNode();
    o.put("name", w.name());
    o.put("model", w.model());
    o.put("loadDescription", w.loadDescription());
    putSeconds(o, "durationS", w.duration());
    o.set("mix", array(w.mix(), e -> {
      ObjectNode entry = NODES.objectNode();
      entry.put("operation", e.operation());
      entry.put("weight", e.weight());
      entry.put("async", e.async());
      return entry;
    }));
    return o;
  }

  static ObjectNode environment(EnvironmentInfo e) {
    ObjectNode o = NODES.objectNode();
    o.put("plimsollVersion", e.plimsollVersion());
    o.put("javaVersion", e.javaVersion());
    o.put("javaVendor", e.javaVendor());
    o.put("jvmName", e.jvmName());
    o.put("osName", e.osName());
    o.put("osVersion", e.osVersion());
    o.put("osArch", e.osArch());
    o.put("availableProcessors", e.availableProcessors());
    o.put("maxHeapBytes", e.maxHeapBytes());
    o.put("hostName", e.hostName());
    return o;
  }

  /**
   * One operation's numbers, the same object in the run's summary and in each interval. Throughput
   * and error rate follow from the counts and {@code window} (the time the numbers cover); they are
   * written for readers and not read back.
   */
  private static ObjectNode operationStats(OperationStats s, Duration window) {
    return operationStats(s, window, Form.FOR_PEOPLE);
  }

  /** Not {@link Form#FOR_PEOPLE}: only what is read back, counts, histograms and errors. */
  private static ObjectNode operationStats(OperationStats s, Duration window, Form form) {
    ObjectNode o = NODES.objectNode();
    o.put("name", s.name());
    o.put("started", s.started());
    o.put("succeeded", s.succeeded());
    o.put("failed", s.failed());
    o.put("dropped", s.dropped());
    o.put("inFlight", s.inFlight());
    if (form == Form.FOR_PEOPLE) {
      putDouble(o, "throughputPerSecond", s.throughputPerSecond(window));
      putDouble(o, "errorRate", s.errorRate());
    }
    o.set("responseTime", nullable(s.responseTime(), d -> distribution(d, form)));
    o.set("serviceTime", nullable(s.serviceTime(), d -> distribution(d, form)));
    o.set("errors", array(s.errors(), ResultJsonWriter::errorClass));
    return o;
  }

  private static ObjectNode verdict(Verdict v) {
    ObjectNode o = NODES.objectNode();
    o.set("criterion", nullable(v.criterion(), ResultJsonWriter::criterion));
    putDouble(o, "measured", v.measured());
    o.put("passed", v.passed());
    o.put("detail", v.detail());
    return o;
  }

  static ObjectNode criterion(Criterion c) {
    ObjectNode o = NODES.objectNode();
    o.put("source", c.source());
    o.put("scope", c.scope());
    o.put("metric", c.metric() == null ? null : c.metric().name());
    o.put("unit", c.metric() == null ? null : c.metric().unit());
    o.put("comparison", c.comparison() == null ? null : c.comparison().name());
    putDouble(o, "threshold", c.threshold());
    o.put("abortOnFail", c.abortOnFail());
    return o;
  }

  private static ObjectNode errorClass(ErrorClass e) {
    ObjectNode o = NODES.objectNode();
    o.put("operation", e.operation());
    o.put("type", e.type());
    o.put("message", e.message());
    o.put("count", e.count());
    putInstant(o, "first", e.first());
    putInstant(o, "last", e.last());
    o.set("samples", array(e.samples(), ResultJsonWriter::errorSample));
    return o;
  }

  private static ObjectNode errorSample(ErrorSample s) {
    ObjectNode o = NODES.objectNode();
    putInstant(o, "time", s.time());
    o.put("message", s.message());
    return o;
  }

  private static ObjectNode systemSummary(SystemSummary s) {
    ObjectNode o = NODES.objectNode();
    putDouble(o, "processCpuAverage", s.processCpuAverage());
    putDouble(o, "processCpuPeak", s.processCpuPeak());
    putDouble(o, "machineCpuAverage", s.machineCpuAverage());
    putDouble(o, "machineCpuPeak", s.machineCpuPeak());
    o.put("heapUsedPeakBytes", s.heapUsedPeakBytes());
    o.put("rssPeakBytes", s.rssPeakBytes());
    o.put("gcCount", s.gcCount());
    putDouble(o, "gcPauseMs", s.gcPauseMs());
    o.put("threadPeak", s.threadPeak());
    o.put("networkReceivedBytes", s.networkReceivedBytes());
    o.put("networkSentBytes", s.networkSentBytes());
    MemoryGrowth growth = s.memoryGrowth();
    putDouble(o, "memoryGrowthMbPerMinute", growth.mbPerMinute());
    putDouble(o, "memoryGrowthMarginMbPerMinute", growth.marginMbPerMinute());
    o.put("memoryGrowthCollections", growth.collections());
    putSeconds(o, "memoryGrowthSpanS", growth.span());
    o.put("memoryGrowthBasis", growth.basis().name());
    return o;
  }

  private static ObjectNode generatorHealth(GeneratorHealth g) {
    ObjectNode o = NODES.objectNode();
    o.put("bottleneckSuspected", g.bottleneckSuspected());
    o.set("reasons", strings(g.reasons()));
    o.set("schedulingLag", nullable(g.schedulingLag(), ResultJsonWriter::distribution));
    o.set("toWire", nullable(g.toWire(), ResultJsonWriter::distribution));
    o.set("afterAnswer", nullable(g.afterAnswer(), ResultJsonWriter::distribution));
    o.put("droppedArrivals", g.droppedArrivals());
    putDouble(o, "processCpuPeak", g.processCpuPeak());
    return o;
  }

  static ObjectNode interval(IntervalSnapshot i) {
    return interval(i, Form.FOR_PEOPLE);
  }

  /**
   * An interval with only what is read back: no throughput or error rate per operation, no
   * summary of a distribution beside its histogram, and the histogram uncompressed. For an
   * interval sent to be merged (a cluster worker's), whose receiver reads only that: at 100
   * workers, parsing the summaries cost the coordinator a tenth of its merge and inflating the
   * histograms a third.
   */
  static ObjectNode intervalToMerge(IntervalSnapshot i, boolean compressed) {
    return interval(i, compressed ? Form.TO_MERGE_COMPRESSED : Form.TO_MERGE);
  }

  private static ObjectNode interval(IntervalSnapshot i, Form form) {
    ObjectNode o = NODES.objectNode();
    o.put("index", i.index());
    putInstant(o, "start", i.start());
    putSeconds(o, "lengthS", i.length());
    o.put("warmUp", i.warmUp());
    putDouble(o, "expectedArrivals", i.expectedArrivals());
    o.set("operations", array(i.operations(), s -> operationStats(s, i.length(), form)));
    o.set("schedulingLag", nullable(i.schedulingLag(), d -> distribution(d, form)));
    o.set("toWire", nullable(i.toWire(), d -> distribution(d, form)));
    o.set("afterAnswer", nullable(i.afterAnswer(), d -> distribution(d, form)));
    o.set("system", nullable(i.system(), ResultJsonWriter::systemSample));
    return o;
  }

  private static ObjectNode systemSample(SystemSample s) {
    ObjectNode o = NODES.objectNode();
    putDouble(o, "processCpu", s.processCpu());
    putDouble(o, "machineCpu", s.machineCpu());
    o.put("heapUsedBytes", s.heapUsedBytes());
    o.put("heapCommittedBytes", s.heapCommittedBytes());
    o.put("rssBytes", s.rssBytes());
    o.put("gcCount", s.gcCount());
    putDouble(o, "gcPauseMs", s.gcPauseMs());
    o.put("threadCount", s.threadCount());
    o.put("networkReceivedBytes", s.networkReceivedBytes());
    o.put("networkSentBytes", s.networkSentBytes());
    return o;
  }

  /**
   * The summary is for people and tools that cannot decode HdrHistogram; the histogram is the
   * data, and the only part read back, so that results merge exactly later.
   */
  private static ObjectNode distribution(LatencyDistribution d) {
    return distribution(d, Form.FOR_PEOPLE);
  }

  /** Not {@link Form#FOR_PEOPLE}: the histogram alone, in the form's encoding. */
  private static ObjectNode distribution(LatencyDistribution d, Form form) {
    if (form == Form.TO_MERGE) {
      return NODES.objectNode().put("histogram", Base64.getEncoder().encodeToString(d.toUncompressed()));
    }
    if (form == Form.TO_MERGE_COMPRESSED) {
      return NODES.objectNode().put("histogram", d.toBase64());
    }
    LatencyStats s = d.stats();
    ObjectNode o = NODES.objectNode();
    o.put("count", s.count());
    putDouble(o, "minMs", s.minMs());
    putDouble(o, "meanMs", s.meanMs());
    putDouble(o, "stdDevMs", s.stdDevMs());
    putDouble(o, "p50Ms", s.p50Ms());
    putDouble(o, "p90Ms", s.p90Ms());
    putDouble(o, "p95Ms", s.p95Ms());
    putDouble(o, "p99Ms", s.p99Ms());
    putDouble(o, "p999Ms", s.p999Ms());
    putDouble(o, "p9999Ms", s.p9999Ms());
    putDouble(o, "maxMs", s.maxMs());
    o.put("histogram", d.toBase64());
    return o;
  }

  private static <T> ArrayNode array(List<T> values, Function<T, ObjectNode> mapper) {
    ArrayNode array = NODES.arrayNode(values.size());
    for (T value : values) {
      array.add(nullable(value, mapper));
    }
    return array;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = NODES.arrayNode(values.size());
    values.forEach(array::add);
    return array;
  }

  private static <T> JsonNode nullable(
      T value, Function<T, ObjectNode> mapper) {
    return value == null ? NODES.nullNode() : mapper.apply(value);
  }

  private static void putInstant(ObjectNode o, String field, Instant instant) {
    o.put(field, instant == null ? null : instant.toString());
  }

  /**
   * Seconds as an exact decimal (up to nine places), so a duration reads back to the nanosecond;
   * whole seconds are written as integers.
   */
  private static void putSeconds(ObjectNode o, String field, Duration duration) {
    if (duration == null) {
      o.putNull(field);
    } else if (duration.getNano() == 0) {
      o.put(field, duration.getSeconds());
    } else {
      o.put(field, BigDecimal.valueOf(duration.getSeconds())
          .add(BigDecimal.valueOf(duration.getNano(), 9))
          .stripTrailingZeros());
    }
  }

  /** JSON has no NaN or infinity; they are written as the strings "NaN", "Infinity", "-Infinity". */
  private static void putDouble(ObjectNode o, String field, double value) {
    if (Double.isFinite(value)) {
      o.put(field, value);
    } else {
      o.put(field, Double.toString(value));
    }
  }
}
