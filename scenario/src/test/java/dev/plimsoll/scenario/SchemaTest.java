package dev.plimsoll.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.scenario.driver.Driver;
import dev.plimsoll.scenario.driver.DriverReader;
import dev.plimsoll.scenario.driver.DriverSession;
import dev.plimsoll.scenario.driver.DriverSettings;
import dev.plimsoll.scenario.driver.DriverSyntax;
import dev.plimsoll.scenario.driver.ReadContext;
import dev.plimsoll.scenario.echo.EchoDriver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema and the parser accept exactly the same keys: the scenario's own part lists those
 * of {@link SpecKeys}, and a driver's fragment adds its keys where its syntax says.
 */
class SchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode schema(List<Driver> drivers) throws IOException {
    return JSON.readTree(ScenarioLoader.jsonSchema(drivers));
  }

  @Test
  void withoutDriversEveryMappingListsExactlyTheKeysTheParserAccepts() throws IOException {
    JsonNode root = schema(List.of());
    assertThat(root.path("$ref").asText()).isEqualTo("#/$defs/scenario");
    JsonNode defs = root.path("$defs");
    Set<String> withProperties = new LinkedHashSet<>();
    defs.fieldNames().forEachRemaining(name -> {
      if (defs.get(name).has("properties")) {
        withProperties.add(name);
      }
    });
    assertThat(withProperties).containsExactlyInAnyOrderElementsOf(SpecKeys.ALL.keySet());
    for (Map.Entry<String, List<String>> kind : SpecKeys.ALL.entrySet()) {
      JsonNode def = defs.get(kind.getKey());
      assertThat(properties(def)).as("$defs/%s/properties", kind.getKey()).containsExactlyElementsOf(kind.getValue());
      assertThat(def.path("additionalProperties").asBoolean(true)).as("$defs/%s closed", kind.getKey()).isFalse();
    }
  }

  @Test
  void aDriversFragmentAddsExactlyItsKeys() throws IOException {
    Drivers drivers = Drivers.of(List.of(new EchoDriver()));
    JsonNode defs = schema(drivers.all()).path("$defs");
    for (String mapping : SpecKeys.EXTENSIBLE) {
      assertThat(properties(defs.get(mapping))).as(mapping).containsExactlyElementsOf(drivers.keys(mapping));
    }
    assertThat(properties(defs.get("echo"))).containsExactlyElementsOf(new EchoDriver().syntax().mappings().get("echo"));
    assertThat(defs.path("step").path("oneOf").toString()).isEqualTo("[{\"required\":[\"think\"]},{\"required\":[\"echo\"]}]");
    assertThat(defs.path("flow").path("oneOf").toString()).isEqualTo("[{\"required\":[\"steps\"]},{\"required\":[\"echo\"]}]");
    assertThat(ScenarioLoader.jsonSchema()).as("the drivers on the classpath").isEqualTo(ScenarioLoader.jsonSchema(drivers.all()));
  }

  @Test
  void everyReferenceResolves() throws IOException {
    JsonNode root = schema(List.of(new EchoDriver()));
    List<String> refs = new ArrayList<>();
    collectRefs(root, refs);
    assertThat(refs).isNotEmpty().allSatisfy(ref -> {
      assertThat(ref).startsWith("#/$defs/");
      assertThat(root.path("$defs").has(ref.substring("#/$defs/".length()))).as(ref).isTrue();
    });
  }

  @Test
  void aFragmentThatRedefinesADefinitionIsRefused() {
    Driver clash = new FakeDriver("clash", "{\"$defs\": {\"duration\": {\"type\": \"string\"}}}");
    assertThatThrownBy(() -> ScenarioLoader.jsonSchema(List.of(clash)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("driver 'clash' defines $defs/duration, which is already defined");
    assertThatThrownBy(() -> ScenarioLoader.jsonSchema(List.of(new FakeDriver("odd", "{\"workload\": {}}"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the schema of driver 'odd' has 'workload' (allowed: ");
  }

  private static List<String> properties(JsonNode def) {
    List<String> properties = new ArrayList<>();
    def.path("properties").fieldNames().forEachRemaining(properties::add);
    return properties;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals("$ref")) {
          refs.add(e.getValue().asText());
        } else {
          collectRefs(e.getValue(), refs);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }

  /** A driver with a syntax and a schema only, for checks that never read a file. */
  record FakeDriver(String name, DriverSyntax syntax, String schema) implements Driver {
    FakeDriver(String name, String schema) {
      this(name, new DriverSyntax(null, List.of(), List.of(), Map.of()), schema);
    }

    @Override
    public DriverReader reader(ReadContext context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public DriverSession open(DriverSettings settings) {
      throw new UnsupportedOperationException();
    }
  }
}
