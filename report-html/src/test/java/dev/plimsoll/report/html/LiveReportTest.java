package dev.plimsoll.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.results.testing.ResultFixtures;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveReportTest {

  private static final RunProgress PROGRESS = new RunProgress(Duration.ofSeconds(3),
      Duration.ofSeconds(10), Duration.ZERO, 30, 1, 0, false);

  @Test
  void thePageHasTheChartsSoFarAndMayConnectOnlyBackToItsServer() {
    RunResult rich = ResultFixtures.richResult();
    LiveReport live = new LiveReport(rich.config(), rich.startTime());
    rich.intervals().forEach(live::add);

    String page = live.page();

    assertThat(page).contains("connect-src 'self'", "id=\"live-status\"", "\"id\":\"throughput\"",
        "\"id\":\"latency\"", "EventSource('" + LiveReport.EVENTS_PATH + "')");
    // No tables yet: they come with the final report.
    assertThat(page).doesNotContain("id=\"operations\"");
    assertThat(LiveReport.finalPage(rich)).doesNotContain("connect-src").contains("id=\"operations\"");
  }

  @Test
  void anEventIsOneLineOfJsonWithTheIntervalsFiguresAndTheCharts() throws IOException {
    RunResult rich = ResultFixtures.richResult();
    LiveReport live = new LiveReport(rich.config(), rich.startTime());
    IntervalSnapshot first = rich.intervals().get(0);
    live.add(first);
    live.add(rich.intervals().get(1));

    String event = live.event(rich.intervals().get(1), PROGRESS);

    assertThat(event).doesNotContain("\n", "\r");
    List<String> fields = topLevelFields(event);
    assertThat(fields).containsExactly("interval", "progress", "charts");
    assertThat(event).contains("\"throughput\":", "\"p99Ms\":", "\"inFlight\":", "\"system\":{",
        "\"elapsedSeconds\":3", "\"id\":\"throughput\"");
  }

  @Test
  void hostileTextInAnEventCannotEndAScriptOrBecomeMarkup() {
    RunResult hostile = HostileResults.result();
    LiveReport live = new LiveReport(new ScenarioDescription(HostileResults.RUN_NAME,
        Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 1L,
        List.of(), List.of()),
        hostile.startTime());
    hostile.intervals().forEach(live::add);

    String event = live.event(hostile.intervals().get(hostile.intervals().size() - 1), PROGRESS);
    String page = live.page();

    assertThat(event).doesNotContain("<", ">", "\u2028");
    assertThat(page).doesNotContain(HostileResults.RUN_NAME, HostileResults.SCRIPT_NAME);
  }

  private static List<String> topLevelFields(String json) throws IOException {
    List<String> fields = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        fields.add(parser.currentName());
        parser.nextToken();
        parser.skipChildren();
      }
      assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(parser.nextToken()).isNull();
    }
    return fields;
  }
}
