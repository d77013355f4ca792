package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.driver.DriverSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/scenario-schema.json is the scenario's schema with the HTTP driver's fragment, and that
 * fragment lists exactly the keys the HTTP reader accepts.
 */
class SchemaTest {

  private static final Path DOCS_SCHEMA = Path.of("..", "docs", "scenario-schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String assembled() {
    return ScenarioLoader.jsonSchema(List.of(new HttpDriver()));
  }

  @Test
  void theDocumentedSchemaIsTheScenariosWithTheHttpDriver() throws IOException {
    String assembled = assembled();
    if (!assembled.equals(Files.readString(DOCS_SCHEMA))) {
      // The fragments are the source: a changed one needs the docs file regenerated.
      Files.writeString(Path.of("target", "scenario-schema.json"), assembled);
    }
    assertThat(assembled).as("docs/scenario-schema.json (the assembled schema is in http/target/ to copy)")
        .isEqualTo(Files.readString(DOCS_SCHEMA));
    assertThat(ScenarioLoader.jsonSchema()).as("with the drivers found on the classpath").isEqualTo(assembled);
    assertThat(JSON.readTree(assembled).path("$ref").asText()).isEqualTo("#/$defs/scenario");
  }

  @Test
  void everyMappingListsTheScenariosKeysThenTheDrivers() throws IOException {
    JsonNode core = JSON.readTree(ScenarioLoader.jsonSchema(List.of())).path("$defs");
    JsonNode defs = JSON.readTree(assembled()).path("$defs");
    DriverSyntax syntax = new HttpDriver().syntax();
    Map<String, List<String>> expected = new LinkedHashMap<>();
    core.fieldNames().forEachRemaining(name -> {
      if (core.get(name).has("properties")) {
        expected.put(name, properties(core.get(name)));
      }
    });
    expected.get("scenario").add(syntax.section());
    expected.get("defaults").addAll(syntax.defaultsKeys());
    for (DriverSyntax.StepKind kind : syntax.stepKinds()) {
      expected.get("flow").addAll(kind.allKeys());
      expected.get("step").addAll(kind.allKeys());
    }
    syntax.mappings().forEach((name, keys) -> expected.put(name, new ArrayList<>(keys)));

    List<String> withProperties = new ArrayList<>();
    defs.fieldNames().forEachRemaining(name -> {
      if (defs.get(name).has("properties")) {
        withProperties.add(name);
      }
    });
    assertThat(withProperties).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((name, keys) -> {
      assertThat(properties(defs.get(name))).as("$defs/%s/properties", name).containsExactlyElementsOf(keys);
      assertThat(defs.get(name).path("additionalProperties").asBoolean(true)).as("$defs/%s closed", name).isFalse();
    });
    assertThat(defs.path("step").path("oneOf").toString()).contains("{\"required\":[\"request\"]}");
    assertThat(defs.path("flow").path("oneOf").toString()).contains("{\"required\":[\"request\"]}");
  }

  @Test
  void everyReferenceResolves() throws IOException {
    JsonNode root = JSON.readTree(assembled());
    List<String> refs = new ArrayList<>();
    collectRefs(root, refs);
    assertThat(refs).isNotEmpty().allSatisfy(ref -> {
      assertThat(ref).startsWith("#/$defs/");
      assertThat(root.path("$defs").has(ref.substring("#/$defs/".length()))).as(ref).isTrue();
    });
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
}
