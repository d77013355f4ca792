package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.core.Defaults;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.http.HttpClientSettings;
import dev.plimsoll.http.HttpProtocol;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each default is written once in code ({@link Defaults}, {@link HttpClientSettings}); every layer
 * that applies one and every document that states one agrees with it.
 */
class DocumentedDefaultsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WORKLOAD = """
      workloads:
        - name: w
          closed: { users: 1 }
          mix: [ { name: home, request: { url: http://127.0.0.1:1/ } } ]
      """;

  @Test
  void aFileAQuickTestAndTheJavaClientAllTakeTheSameDefaults() {
    ScenarioSpec file = ScenarioLoader.create().environment(Map.of()).parse(WORKLOAD, "s.yaml", Path.of("."));
    ScenarioSpec quick = HttpQuickTest.url("http://127.0.0.1:1/").users(1).duration(Defaults.DURATION).build();
    for (ScenarioSpec spec : List.of(file, quick)) {
      assertThat(spec.warmUp()).isEqualTo(Defaults.WARM_UP);
      assertThat(spec.interval()).isEqualTo(Defaults.INTERVAL);
      assertThat(spec.gracefulStop()).isEqualTo(Defaults.GRACEFUL_STOP);
      assertThat(spec.seed()).isEqualTo(Defaults.SEED);
      assertThat(HttpDriverSettings.of(spec).http().timeout()).isEqualTo(HttpClientSettings.DEFAULT_REQUEST_TIMEOUT)
          .isEqualTo(HttpClientSettings.defaults().requestTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(HttpDriverSettings.of(spec).http().connectTimeout()).isEqualTo(HttpClientSettings.DEFAULT_CONNECT_TIMEOUT);
    }
    assertThat(file.duration()).isEqualTo(Defaults.DURATION);
    assertThat(HttpDriverSettings.of(file).http()).isEqualTo(HttpSettingsSpec.DEFAULTS);
    assertThat(NettyRequestExecutor.settings(HttpSettingsSpec.DEFAULTS)).isEqualTo(HttpClientSettings.defaults());
  }

  @Test
  void theFormatGuideStatesTheDefaults() throws IOException {
    String guide = Files.readString(Path.of("..", "docs", "scenario-format.md"));
    assertThat(guide)
        .contains(row("duration", Units.formatDuration(Defaults.DURATION)))
        .contains(row("warmUp", Units.formatDuration(Defaults.WARM_UP)))
        .contains(row("interval", Units.formatDuration(Defaults.INTERVAL)))
        .contains(row("gracefulStop", Units.formatDuration(Defaults.GRACEFUL_STOP)))
        .contains(row("seed", String.valueOf(Defaults.SEED)))
        .contains(row("connections", String.valueOf(HttpClientSettings.DEFAULT_CONNECTIONS_PER_TARGET)))
        .contains(row("protocol", HttpSettingsSpec.DEFAULTS.protocol().token()))
        .contains(row("timeout", Units.formatDuration(HttpClientSettings.DEFAULT_REQUEST_TIMEOUT)))
        .contains(row("connectTimeout", Units.formatDuration(HttpClientSettings.DEFAULT_CONNECT_TIMEOUT)));
    assertThat(Files.readString(Path.of("README.md")))
        .contains("| `requestTimeout` | " + HttpClientSettings.DEFAULT_REQUEST_TIMEOUT.toSeconds() + " s |")
        .contains("| `connectTimeout` | " + HttpClientSettings.DEFAULT_CONNECT_TIMEOUT.toSeconds() + " s |")
        .contains("| `connectionsPerTarget` | " + HttpClientSettings.DEFAULT_CONNECTIONS_PER_TARGET + " |");
  }

  @Test
  void theSchemaStatesTheDefaultsAndTheProtocols() throws IOException {
    JsonNode defs = JSON.readTree(ScenarioLoader.jsonSchema(List.of(new HttpDriver()))).path("$defs");
    JsonNode scenario = defs.path("scenario").path("properties");
    assertThat(description(scenario, "duration")).endsWith("Default " + Units.formatDuration(Defaults.DURATION) + ".");
    assertThat(description(scenario, "warmUp")).endsWith("Default " + Units.formatDuration(Defaults.WARM_UP) + ".");
    assertThat(description(scenario, "interval")).endsWith("Default " + Units.formatDuration(Defaults.INTERVAL) + ".");
    assertThat(description(scenario, "gracefulStop"))
        .endsWith("Default " + Units.formatDuration(Defaults.GRACEFUL_STOP) + ".");
    assertThat(description(scenario, "seed")).endsWith("Default " + Defaults.SEED + ".");
    JsonNode http = defs.path("http").path("properties");
    assertThat(description(http, "connections"))
        .endsWith("Default " + HttpClientSettings.DEFAULT_CONNECTIONS_PER_TARGET + ".");
    assertThat(description(http, "protocol")).endsWith("Default " + HttpSettingsSpec.DEFAULTS.protocol().token() + ".");
    assertThat(description(http, "timeout"))
        .endsWith("Default " + Units.formatDuration(HttpClientSettings.DEFAULT_REQUEST_TIMEOUT) + ".");
    assertThat(description(http, "connectTimeout"))
        .endsWith("Default " + Units.formatDuration(HttpClientSettings.DEFAULT_CONNECT_TIMEOUT) + ".");
    List<String> protocols = new ArrayList<>();
    http.path("protocol").path("enum").forEach(p -> protocols.add(p.asText()));
    assertThat(protocols).isEqualTo(HttpProtocol.tokens());
  }

  private static String row(String key, String value) {
    return "| `" + key + "` | `" + value + "` |";
  }

  private static String description(JsonNode properties, String key) {
    return properties.path(key).path("description").asText();
  }
}
