package dev.plimsoll.examples.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.examples.support.Colours;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ring, the plan's arithmetic, and a short baseline run through the engine. */
class MarketDataTest {
  @TempDir Path dir;

  @Test
  void aPublishedRecordReadsBack_untilTheRingLapsIt() throws Exception {
    try (MappedRingBuffer ring = new MappedRingBuffer(dir.resolve("r.ring"), 4)) {
      long first = ring.write(MarketEvent.TRADE, 2, 7, 1_000_123, 50, 0, 99);
      assertThat(ring.read(first)).isEqualTo(new MarketEvent(0, MarketEvent.TRADE, 2, 7, 1_000_123, 50, 0, 99));
      for (int i = 0; i < 4; i++) {
        ring.write(MarketEvent.BOOK_UPDATE, 1, 1, 1, 1, 101, i);
      }
      assertThat(ring.read(first)).isNull();
      assertThat(ring.read(4)).extracting(MarketEvent::sideAndLevel).isEqualTo(101);
      assertThat(ring.read(5)).isNull();
    }
  }

  @Test
  void concurrentWriters_eachRecordIsPublishedWhole_andNoneIsLost() throws Exception {
    int writers = 4;
    int each = 10_000;
    try (MappedRingBuffer ring = new MappedRingBuffer(dir.resolve("c.ring"), 1 << 16)) {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      java.util.List<Thread> threads = new java.util.ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int exchange = w;
        threads.add(Thread.ofPlatform().start(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            return;
          }
          for (int i = 0; i < each; i++) {
            // Every field derives from (exchange, i), so a torn record shows as a mismatch.
            ring.write(MarketEvent.TRADE, exchange, i, 1_000_000L * exchange + i, i, exchange, 7L * i);
          }
        }));
      }
      start.countDown();
      for (Thread t : threads) {
        t.join();
      }
      assertThat(ring.published()).isEqualTo((long) writers * each);
      int[] perExchange = new int[writers];
      for (long seq = 0; seq < ring.published(); seq++) {
        MarketEvent e = ring.read(seq);
        assertThat(e).as("sequence %d", seq).isNotNull();
        assertThat(e.priceTicks()).isEqualTo(1_000_000L * e.exchange() + e.symbol());
        assertThat(e.quantity()).isEqualTo(e.symbol());
        assertThat(e.sideAndLevel()).isEqualTo(e.exchange());
        assertThat(e.timestampNanos()).isEqualTo(7L * e.symbol());
        perExchange[e.exchange()]++;
      }
      assertThat(perExchange).containsOnly(each);
    }
  }

  @Test
  void theOptionsOverrideTheScenario_andBadOnesAreNamed() {
    FeedPlan plan = MarketScenario.STRESS.plan(null, 20_000, null, 5, null);
    assertThat(plan).isEqualTo(new FeedPlan("stress", 10, 20_000, 50_000, Duration.ofSeconds(5), 100, 1));
    assertThatThrownBy(() -> MarketScenario.BASELINE.plan(0, null, null, null, null))
        .hasMessage("--exchanges must be from 1 to 100 (was 0)");
    assertThatThrownBy(() -> MarketScenario.named("soak")).hasMessage(
        "unknown scenario 'soak' (known: baseline, stress, endurance, burst)");
  }

  @Test
  void aBurstSecondCountsFiveTimes() {
    FeedPlan burst = MarketScenario.BURST.plan(1, 100, 100, 20, 1);
    assertThat(burst.burstSeconds(Duration.ZERO, Duration.ofSeconds(20))).isEqualTo(20 + 2 * 4.0);
    assertThat(burst.burstSeconds(Duration.ofSeconds(2), Duration.ofSeconds(20))).isEqualTo(18 + 4.0);
  }

  @Test
  void theStatusLineIsColouredByBand_onlyWhenColoursAreOn() {
    FeedReport.Rate green = new FeedReport.Rate("trades", 100, 95);
    FeedReport.Rate yellow = new FeedReport.Rate("trades", 100, 80);
    FeedReport.Rate red = new FeedReport.Rate("trades", 100, 79.9);
    assertThat(Colours.always().paint(green.describe(), green.colour())).isEqualTo("\u001b[32mtrades 95.0 % of 100/s\u001b[0m");
    assertThat(yellow.colour()).isEqualTo(Colours.Colour.YELLOW);
    assertThat(red.colour()).isEqualTo(Colours.Colour.RED);
    assertThat(Colours.none().paint("x", Colours.Colour.RED)).isEqualTo("x");
    assertThat(Colours.forStandardOutput(java.util.Map.of("NO_COLOR", "1")).paint("x", Colours.Colour.RED)).isEqualTo("x");
  }

  @Test
  void aShortBaselineRun_reportsNanosecondLatencyRatesCpuAndMemory() throws Exception {
    FeedPlan plan = MarketScenario.BASELINE.plan(null, 2_000, 1_000, 3, null);

    FeedReport report = MarketDataFeed.run(plan, 1 << 16, dir);

    assertThat(report.trades().achievedPerSecond()).isPositive();
    assertThat(report.p50Ns()).isPositive().isLessThanOrEqualTo(report.p90Ns());
    assertThat(report.p99Ns()).isLessThanOrEqualTo(report.p999Ns()).isLessThanOrEqualTo(report.maxNs());
    assertThat(report.statusLine(Colours.none())).matches(
        "(PASSED|FAILED)  trades \\d+\\.\\d % of 6,000/s  order-book updates \\d+\\.\\d % of 3,000/s");
    Path json = dir.resolve("summary.json");
    MarketDataExample.writeJson(report, json);
    JsonNode summary = new ObjectMapper().readTree(json.toFile());
    assertThat(summary.path("writeLatency").path("p999Ns").asLong()).isEqualTo(report.p999Ns());
    assertThat(summary.path("rates").get(0).path("targetPerSecond").asDouble()).isEqualTo(6_000);
    assertThat(summary.path("memory").path("heapPeakBytes").asLong()).isPositive();
    assertThat(dir.resolve("report.md")).isNotEmptyFile();
  }

  @Test
  @Tag("full")
  void full_baselineAndBurstForAMinute_endurance30Minutes() throws Exception {
    for (MarketScenario scenario : new MarketScenario[] {MarketScenario.BASELINE, MarketScenario.BURST,
        MarketScenario.ENDURANCE}) {
      FeedReport report = MarketDataFeed.run(scenario.plan(null, null, null, null, null), MarketDataFeed.RING_SLOTS,
          Path.of("target/plimsoll/market-data-full", scenario.label()));
      assertThat(report.passed()).as(report.statusLine(Colours.none())).isTrue();
    }
  }
}
