package dev.plimsoll.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.core.metrics.LatencyDistribution;
import dev.plimsoll.core.metrics.MemoryGrowth;
import dev.plimsoll.core.result.ResultSection;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.results.testing.ResultFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ResultJsonTest {

  @Test
  void anIntervalToMergeCarriesOnlyWhatIsReadBack_andReadsBackEqual() throws IOException {
    for (var interval : ResultFixtures.richResult().intervals()) {
      byte[] json = ResultJson.intervalToJson(interval);
      JsonNode tree = new ObjectMapper().readTree(json);
      assertThat(tree.at("/operations/0").has("throughputPerSecond")).isFalse();
      assertThat(tree.at("/operations/0").has("errorRate")).isFalse();
      List<String> distributionFields = new ArrayList<>();
      tree.at("/operations/0/responseTime").fieldNames().forEachRemaining(distributionFields::add);
      assertThat(distributionFields).containsExactly("histogram");
      assertThat(ResultJson.intervalFromJson(json, "test")).isEqualTo(interval);
    }
  }

  @Test
  void anIntervalToMergeTooLargeWithUncompressedHistogramsHasThemCompressed() throws IOException {
    java.util.SplittableRandom random = new java.util.SplittableRandom(4);
    List<dev.plimsoll.core.metrics.OperationStats> operations = new ArrayList<>();
    for (int op = 0; op < 300; op++) {
      org.HdrHistogram.Histogram h = LatencyDistribution.newHistogram();
      for (int v = 0; v < 2_000; v++) {
        h.recordValue(LatencyDistribution.clamp((long) (1_000_000 * Math.exp(random.nextGaussian() * 1.5))));
      }
      LatencyDistribution d = LatencyDistribution.of(h);
      operations.add(new dev.plimsoll.core.metrics.OperationStats("op-" + op, 2_000, 2_000, 0, 0, 0, d, d, List.of()));
    }
    var interval = new dev.plimsoll.core.metrics.IntervalSnapshot(0, java.time.Instant.EPOCH, java.time.Duration.ofSeconds(1),
        false, 0, operations, LatencyDistribution.empty(), LatencyDistribution.empty(), LatencyDistribution.empty(), null);
    byte[] json = ResultJson.intervalToJson(interval);
    assertThat(json.length).as("uncompressed, it would be about 2.6 MB").isBetween(
        ResultJson.UNCOMPRESSED_INTERVAL_LIMIT_BYTES / 2, 2 * ResultJson.UNCOMPRESSED_INTERVAL_LIMIT_BYTES);
    String histogram = new ObjectMapper().readTree(json).at("/operations/0/responseTime/histogram").textValue();
    assertThat(LatencyDistribution.fromBase64(histogram)).isEqualTo(operations.get(0).responseTime());
    assertThat(ResultJson.intervalFromJson(json, "test")).isEqualTo(interval);
  }

  /** A JSON string may hold any character; a terminal showing the file must see none it would act on. */
  @Test
  void controlCharactersFromTheTargetAreEscapedInTheFile() throws IOException {
    RunResult rich = ResultFixtures.richResult();
    String hostile = "a\u001b[2J b\u007f c\u009b31m d\u202Eevil é";
    RunResult result = new RunResult(rich.schemaVersion(), hostile, rich.status(), rich.stopReason(), rich.startTime(),
        rich.endTime(), rich.measuredDuration(), rich.config(), rich.environment(), rich.total(), rich.operations(),
        rich.intervals(), rich.verdicts(), rich.errors(), rich.system(), rich.generatorHealth());
    String json = ResultJson.toJson(result);
    java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
    ResultJson.write(result, file);
    for (String text : List.of(json, file.toString(StandardCharsets.UTF_8))) {
      assertThat(text).contains("a\\u001B[2J b\\u007F c\\u009B31m d\\u202Eevil é")
          .doesNotContain("\u001b").doesNotContain("\u007f").doesNotContain("\u009b").doesNotContain("\u202e");
      assertThat(ResultJson.fromJson(text).name()).isEqualTo(hostile);
    }
  }

  @Test
  void roundTrip_richResult_readsBackEqual() {
    RunResult rich = ResultFixtures.richResult();

    RunResult read = ResultJson.fromJson(ResultJson.toJson(rich));

    assertThat(read).isEqualTo(rich);
    // Spot checks, so a broken equals could not hide a broken mapping.
    assertThat(read.intervals()).hasSize(4);
    assertThat(read.intervals().get(0).warmUp()).isTrue();
    assertThat(read.intervals().get(2).operation(ResultFixtures.CHECKOUT).errors().get(0)
        .samples()).hasSize(2);
    assertThat(read.verdicts().get(2).measured()).isNaN();
    assertThat(read.config().gracefulStop().toNanos()).isEqualTo(2_000_000_001L);
    assertThat(read.total().responseTime().stats()).isEqualTo(rich.total().responseTime().stats());
  }

  @Test
  void roundTrip_sparseResult_keepsNulls() {
    RunResult sparse = ResultFixtures.sparseResult();

    assertThat(ResultJson.fromJson(ResultJson.toJson(sparse))).isEqualTo(sparse);
  }

  @Test
  void toJson_followsTheDocumentedConventions() throws IOException {
    String json = ResultJson.toJson(ResultFixtures.richResult());
    JsonNode tree = new ObjectMapper().readTree(json);

    assertThat(tree.fieldNames().next()).isEqualTo("schemaVersion");
    assertThat(tree.get("schemaVersion").intValue()).isEqualTo(RunResult.SCHEMA_VERSION);
    assertThat(tree.get("startTime").textValue()).isEqualTo("2025-03-01T10:00:00.123456789Z");
    assertThat(tree.get("measuredDurationS").decimalValue()).isEqualByComparingTo("58.500000001");
    assertThat(tree.at("/config/intervalS").isIntegralNumber()).isTrue();
    assertThat(tree.at("/config/warmUpS").asText()).isEqualTo("1.5");
    JsonNode responseTime = tree.at("/operations/0/responseTime");
    assertThat(responseTime.get("p99Ms").doubleValue()).isPositive();
    assertThat(LatencyDistribution.fromBase64(responseTime.get("histogram").textValue()))
        .isEqualTo(ResultFixtures.richResult().operations().get(0).responseTime());
    assertThat(tree.at("/verdicts/1/criterion/metric").textValue()).isEqualTo("P95");
    assertThat(tree.at("/verdicts/2/measured").textValue()).isEqualTo("NaN");
    assertThat(tree.at("/errors/0/samples/0/message").textValue())
        .isEqualTo("timeout after 1032 ms");
    assertThat(json).doesNotContain("\r").endsWith("}\n").contains("\"schemaVersion\": 1");
  }

  @Test
  void operationStats_areOneObject_inTheSummaryAndInEachInterval() throws IOException {
    JsonNode tree = new ObjectMapper().readTree(ResultJson.toJson(ResultFixtures.richResult()));
    List<String> summaryFields = new ArrayList<>();
    tree.at("/operations/0").fieldNames().forEachRemaining(summaryFields::add);
    List<String> intervalFields = new ArrayList<>();
    tree.at("/intervals/0/operations/0").fieldNames().forEachRemaining(intervalFields::add);

    assertThat(intervalFields).isEqualTo(summaryFields).contains("inFlight", "throughputPerSecond");
  }

  @Test
  void derivedValues_followFromTheCountsAndTheirWindow_andAreNotRead() throws IOException {
    RunResult rich = ResultFixtures.richResult();
    ObjectNode tree = tree(rich);

    // 144,697 completed in 58.500000001 s; 20 completed, 2 of them failed, in a 1 s interval.
    assertThat(tree.at("/total/throughputPerSecond").doubleValue())
        .isEqualTo(144_697 / 58.500000001);
    assertThat(tree.at("/intervals/2/operations/1/throughputPerSecond").doubleValue()).isEqualTo(20);
    assertThat(tree.at("/intervals/2/operations/1/errorRate").doubleValue()).isEqualTo(0.1);
    ((ObjectNode) tree.at("/total")).put("throughputPerSecond", 1).put("errorRate", 1);

    assertThat(ResultJson.fromJson(tree.toString())).isEqualTo(rich);
  }

  @Test
  void recordedOperations_areWrittenAndRead() throws IOException {
    RunResult rich = ResultFixtures.richResult();

    assertThat(tree(rich).at("/config/recordedOperations/0").textValue()).isEqualTo("delivery");
    assertThat(ResultJson.fromJson(ResultJson.toJson(rich)).config().recordedOperations())
        .containsExactly("delivery");
  }

  @Test
  void fromJson_missingSchemaVersion_asksWhetherItIsAResult() {
    assertRefused("{\"name\": \"x\"}")
        .hasMessageContaining("'schemaVersion' is missing; is this a Plimsoll result file?");
  }

  @Test
  void fromJson_notAnObject_isRefused() {
    assertRefused("[1, 2]")
        .hasMessage("result JSON: the top level must be a JSON object, was an array");
  }

  @Test
  void fromJson_wrongType_namesTheFieldPath() throws IOException {
    ObjectNode tree = tree(ResultFixtures.richResult());
    ((ObjectNode) tree.at("/operations/1")).put("succeeded", "many");

    assertRefused(tree.toString())
        .hasMessage("result JSON: field 'operations[1].succeeded' must be a whole number,"
            + " was \"many\"");
  }

  @Test
  void fromJson_missingField_namesTheFieldPath() throws IOException {
    ObjectNode tree = tree(ResultFixtures.richResult());
    ((ObjectNode) tree.at("/intervals/3/system")).remove("gcPauseMs");

    assertRefused(tree.toString())
        .hasMessage("result JSON: field 'intervals[3].system.gcPauseMs' is missing");
  }

  @Test
  void fromJson_corruptHistogram_namesTheField() throws IOException {
    ObjectNode tree = tree(ResultFixtures.richResult());
    ((ObjectNode) tree.at("/total/serviceTime")).put("histogram", "bm90IGEgaGlzdG9ncmFt");

    assertRefused(tree.toString())
        .hasMessageStartingWith("result JSON: field 'total.serviceTime.histogram' is not a"
            + " base64-encoded compressed HdrHistogram");
  }

  @Test
  void fromJson_unknownEnumValue_listsTheAllowedOnes() throws IOException {
    ObjectNode tree = tree(ResultFixtures.richResult());
    ((ObjectNode) tree.at("/verdicts/0/criterion")).put("metric", "P42");

    assertRefused(tree.toString())
        .hasMessageStartingWith("result JSON: field 'verdicts[0].criterion.metric' must be one of")
        .hasMessageEndingWith("was \"P42\"");
  }

  @Test
  void clientCosts_areWrittenInTheHealthAndEachInterval() throws IOException {
    RunResult rich = ResultFixtures.richResult();
    ObjectNode tree = tree(rich);

    assertThat(LatencyDistribution.fromBase64(tree.at("/generatorHealth/toWire/histogram").textValue()))
        .isEqualTo(rich.generatorHealth().toWire());
    assertThat(tree.at("/generatorHealth/afterAnswer/p99Ms").doubleValue())
        .isEqualTo(rich.generatorHealth().afterAnswer().stats().p99Ms());
    assertThat(LatencyDistribution.fromBase64(tree.at("/intervals/2/afterAnswer/histogram").textValue()))
        .isEqualTo(rich.intervals().get(2).afterAnswer());
    assertThat(tree.at("/intervals/2/toWire/count").longValue()).isEqualTo(120);
  }

  /** Files written before the client's costs were measured still read: no operation reported any. */
  @Test
  void fromJson_withoutTheClientCosts_readsThemAsEmpty() throws IOException {
    ObjectNode tree = tree(ResultFixtures.richResult());
    ((ObjectNode) tree.get("generatorHealth")).remove(List.of("toWire", "afterAnswer"));
    for (JsonNode interval : tree.get("intervals")) {
      ((ObjectNode) interval).remove(List.of("toWire", "afterAnswer"));
    }

    RunResult read = ResultJson.fromJson(tree.toString());

    assertThat(read.generatorHealth().toWire()).isEqualTo(LatencyDistribution.empty());
    assertThat(read.generatorHealth().afterAnswer().count()).isZero();
    assertThat(read.generatorHealth().schedulingLag()).isEqualTo(ResultFixtures.richResult().generatorHealth().schedulingLag());
    assertThat(read.intervals()).allSatisfy(i -> {
      assertThat(i.toWire().count()).isZero();
      assertThat(i.afterAnswer().count()).isZero();
    });
  }

  @Test
  void phasesAndProfileChanges_areWrittenAndReadBack() throws IOException {
    ObjectNode tree = tree(ResultFixtures.richResult());

    assertThat(tree.at("/phases/0/kind").textValue()).isEqualTo("WARM_UP");
    assertThat(tree.at("/phases/0/endS").doubleValue()).isEqualTo(1.5);
    assertThat(tree.at("/phases/0/workload").isNull()).isTrue();
    assertThat(tree.at("/phases/1/description").textValue()).isEqualTo("ramp 0/s to 200/s");
    assertThat(tree.at("/profileChanges/0/atS").doubleValue()).isEqualTo(2.25);
    assertThat(tree.at("/profileChanges/0/setting").textValue()).isEqualTo("RATE");
    assertThat(tree.at("/profileChanges/0/to").doubleValue()).isEqualTo(262.5);
    assertThat(tree.at("/profileChanges/0/by").textValue()).isEqualTo("dashboard");
    RunResult read = ResultJson.fromJson(tree.toString());
    assertThat(read.phases()).isEqualTo(ResultFixtures.phases());
    assertThat(read.profileChanges()).isEqualTo(ResultFixtures.profileChanges());
  }

  @Test
  void sections_areWrittenUnderTheirKey_andReadBackEqual() throws IOException {
    ResultSection fleet = ResultSection.builder("fleet", "Workers")
        .fact("w1", "127.0.0.1, share 1/2, healthy")
        .data("startSkewS", 0.0008)
        .data("workers", List.of(java.util.Map.of("id", "w1", "share", 0.5, "lost", false),
            java.util.Map.of("id", "w2", "lostAtS", 3L, "note", "")))
        .data("nothing", null)
        .data("notANumber", Double.NaN)
        .build();
    RunResult result = ResultFixtures.richResult().withSections(List.of(fleet));

    ObjectNode tree = tree(result);

    assertThat(tree.at("/sections/fleet/title").textValue()).isEqualTo("Workers");
    assertThat(tree.at("/sections/fleet/facts/0/name").textValue()).isEqualTo("w1");
    assertThat(tree.at("/sections/fleet/data/workers/1/lostAtS").longValue()).isEqualTo(3);
    assertThat(tree.at("/sections/fleet/data/notANumber").textValue()).isEqualTo("NaN");
    RunResult read = ResultJson.fromJson(tree.toString());
    assertThat(read.section("fleet").orElseThrow().facts()).isEqualTo(fleet.facts());
    assertThat(read.section("fleet").orElseThrow().data("workers")).isEqualTo(fleet.data("workers"));
    assertThat(read.section("fleet").orElseThrow().data("startSkewS")).isEqualTo(0.0008);
    assertThat(read.section("fleet").orElseThrow().data().containsKey("nothing")).isTrue();
  }

  @Test
  void fromJson_aSectionWithoutItsTitle_namesTheFieldPath() throws IOException {
    ObjectNode tree = tree(ResultFixtures.richResult().withSections(
        List.of(ResultSection.builder("simulation", "Simulation").build())));
    ((ObjectNode) tree.at("/sections/simulation")).remove("title");

    assertThatThrownBy(() -> ResultJson.fromJson(tree.toString()))
        .hasMessageContaining("sections.simulation.title");
  }

  /** Files written before phases and profile changes were recorded still read: there were none. */
  @Test
  void fromJson_withoutPhasesOrProfileChanges_readsThemAsNone() throws IOException {
    ObjectNode tree = tree(ResultFixtures.richResult());
    tree.remove(List.of("phases", "profileChanges"));

    RunResult read = ResultJson.fromJson(tree.toString());

    assertThat(read.phases()).isEmpty();
    assertThat(read.profileChanges()).isEmpty();
    assertThat(read.intervals()).isEqualTo(ResultFixtures.richResult().intervals());
  }

  @Test
  void fromJson_aPhaseEndingBeforeItStarts_isRefused() throws IOException {
    ObjectNode tree = tree(ResultFixtures.richResult());
    ((ObjectNode) tree.at("/phases/1")).put("endS", -1);

    assertThatThrownBy(() -> ResultJson.fromJson(tree.toString()))
        .hasMessageContaining("phases[1].endS");
  }

  /** Files written before memory growth had an interval hold its slope alone: read as unrecorded. */
  @Test
  void fromJson_withoutMemoryGrowthsInterval_readsTheSlopeAsUnrecorded() throws IOException {
    ObjectNode tree = tree(ResultFixtures.richResult());
    ((ObjectNode) tree.get("system")).remove(List.of("memoryGrowthMarginMbPerMinute",
        "memoryGrowthCollections", "memoryGrowthSpanS", "memoryGrowthBasis"));

    RunResult read = ResultJson.fromJson(tree.toString());

    assertThat(read.system().memoryGrowth()).isEqualTo(MemoryGrowth.unrecorded(0.75));
    assertThat(read.system().rssPeakBytes()).isEqualTo(ResultFixtures.richResult().system().rssPeakBytes());
  }

  @Test
  void toJson_memoryGrowthWritesItsIntervalAndEvidence() throws IOException {
    ObjectNode tree = tree(ResultFixtures.richResult());

    assertThat(tree.at("/system/memoryGrowthMbPerMinute").doubleValue()).isEqualTo(0.75);
    assertThat(tree.at("/system/memoryGrowthMarginMbPerMinute").doubleValue()).isEqualTo(0.5);
    assertThat(tree.at("/system/memoryGrowthCollections").intValue()).isEqualTo(17);
    assertThat(tree.at("/system/memoryGrowthSpanS").doubleValue()).isEqualTo(57.25);
    assertThat(tree.at("/system/memoryGrowthBasis").textValue()).isEqualTo("AFTER_ANY_COLLECTION");
  }

  @Test
  void fromJson_unknownFields_areIgnored() throws IOException {
    ObjectNode tree = tree(ResultFixtures.richResult());
    tree.put("addedByHand", "note");

    assertThat(ResultJson.fromJson(tree.toString())).isEqualTo(ResultFixtures.richResult());
  }

  @Test
  void fromJson_duplicateKey_isRefused() {
    assertRefused("{\"schemaVersion\": 1, \"schemaVersion\": 1}")
        .hasMessageContaining("not valid JSON");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String json) {
    return assertThatThrownBy(() -> ResultJson.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ObjectNode tree(RunResult result) throws IOException {
    return (ObjectNode) new ObjectMapper().readTree(
        ResultJson.toJson(result).getBytes(StandardCharsets.UTF_8));
  }
}
