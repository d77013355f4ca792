package dev.plimsoll.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.results.testing.ResultFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/result-schema.{md,json} and docs/result-example.json in step with the code, and the
 * jar's copy of the schema in step with docs/.
 */
class ResultSchemaDocsTest {

  // Surefire runs in the module's directory; the docs live at the repository root.
  private static final Path DOCS = Path.of("..", "docs");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void example_readsAndWritesBackByteForByte() throws IOException {
    Path example = DOCS.resolve("result-example.json");

    String rewritten = ResultJson.toJson(ResultFiles.read(example));

    assertThat(rewritten).isEqualTo(Files.readString(example));
  }

  @Test
  void markdown_documentsEveryFieldWritten() throws IOException {
    String doc = Files.readString(DOCS.resolve("result-schema.md"));
    Set<String> fields = new TreeSet<>();
    collectFieldNames(tree(), fields);

    assertThat(fields).isNotEmpty()
        .allSatisfy(field -> assertThat(doc).contains("`" + field + "`"));
  }

  @Test
  void jsonSchema_listsExactlyTheFieldsWritten_atEveryLevel() throws IOException {
    JsonNode schema = MAPPER.readTree(DOCS.resolve("result-schema.json").toFile());
    List<String> mismatches = new ArrayList<>();

    compare(tree(), schema, schema, "", mismatches);

    assertThat(mismatches).isEmpty();
  }

  @Test
  void schema_inTheJar_isTheDocumentedOne() throws IOException {
    assertThat(ResultJson.schema()).isEqualTo(Files.readString(DOCS.resolve("result-schema.json")));
  }

  private static JsonNode tree() throws IOException {
    return MAPPER.readTree(ResultJson.toJson(ResultFixtures.richResult()));
  }

  private static void collectFieldNames(JsonNode node, Set<String> into) {
    node.properties().forEach(e -> {
      into.add(e.getKey());
      collectFieldNames(e.getValue(), into);
    });
    node.elements().forEachRemaining(element -> collectFieldNames(element, into));
  }

  /** Walks value and schema together: each object's keys must be its schema's properties. */
  private static void compare(JsonNode value, JsonNode schema, JsonNode root, String path,
      List<String> mismatches) {
    JsonNode resolved = resolve(schema, root);
    if (value.isObject()) {
      JsonNode objectSchema = objectBranch(resolved, root);
      JsonNode free = objectSchema.get("additionalProperties");
      if (free != null && !objectSchema.has("properties")) {
        // An object keyed by names of the run's own (result sections): each member has one schema,
        // or any shape at all (a section's data).
        if (free.isObject()) {
          value.properties().forEach(e -> compare(e.getValue(), free, root, path + "." + e.getKey(), mismatches));
        }
        return;
      }
      Set<String> written = new TreeSet<>();
      value.fieldNames().forEachRemaining(written::add);
      Set<String> documented = new TreeSet<>();
      objectSchema.path("properties").fieldNames().forEachRemaining(documented::add);
      if (!written.equals(documented)) {
        mismatches.add(path + ": written " + written + ", schema " + documented);
        return;
      }
      value.properties().forEach(e -> compare(e.getValue(),
          objectSchema.path("properties").get(e.getKey()), root, path + "." + e.getKey(),
          mismatches));
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        compare(value.get(i), resolved.path("items"), root, path + "[" + i + "]", mismatches);
      }
    }
  }

  private static JsonNode objectBranch(JsonNode schema, JsonNode root) {
    if (schema.has("oneOf")) {
      for (JsonNode branch : schema.get("oneOf")) {
        JsonNode resolved = resolve(branch, root);
        if (resolved.path("type").asText().equals("object")) {
          return resolved;
        }
      }
    }
    return schema;
  }

  private static JsonNode resolve(JsonNode schema, JsonNode root) {
    JsonNode ref = schema.get("$ref");
    return ref == null ? schema : root.at(ref.asText().substring(1));
  }
}
