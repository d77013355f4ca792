package dev.plimsoll.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON Schema and the parser accept exactly the same keys, and the jar carries the schema. */
class SchemaTest {

  private static final Path DOCS_SCHEMA = Path.of("..", "docs", "scenario-schema.json");

  private static JsonNode schema() throws IOException {
    return new ObjectMapper().readTree(ScenarioLoader.jsonSchema());
  }

  @Test
  void theJarCarriesTheDocumentedSchema() throws IOException {
    assertThat(ScenarioLoader.jsonSchema()).isEqualTo(Files.readString(DOCS_SCHEMA));
    assertThat(schema().path("$ref").asText()).isEqualTo("#/$defs/scenario");
  }

  @Test
  void everyMappingListsExactlyTheKeysTheParserAccepts() throws IOException {
    JsonNode defs = schema().path("$defs");
    Set<String> withProperties = new LinkedHashSet<>();
    defs.fieldNames().forEachRemaining(name -> {
      if (defs.get(name).has("properties")) {
        withProperties.add(name);
      }
    });
    assertThat(withProperties).containsExactlyInAnyOrderElementsOf(SpecKeys.ALL.keySet());
    for (Map.Entry<String, List<String>> kind : SpecKeys.ALL.entrySet()) {
      JsonNode def = defs.get(kind.getKey());
      List<String> properties = new ArrayList<>();
      def.path("properties").fieldNames().forEachRemaining(properties::add);
      assertThat(properties).as("$defs/%s/properties", kind.getKey()).containsExactlyElementsOf(kind.getValue());
      assertThat(def.path("additionalProperties").asBoolean(true)).as("$defs/%s closed", kind.getKey()).isFalse();
    }
  }

  @Test
  void everyReferenceResolves() throws IOException {
    JsonNode root = schema();
    List<String> refs = new ArrayList<>();
    collectRefs(root, refs);
    assertThat(refs).isNotEmpty().allSatisfy(ref -> {
      assertThat(ref).startsWith("#/$defs/");
      assertThat(root.path("$defs").has(ref.substring("#/$defs/".length()))).as(ref).isTrue();
    });
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
