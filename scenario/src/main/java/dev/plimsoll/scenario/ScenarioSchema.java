package dev.plimsoll.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.scenario.driver.Driver;
import dev.plimsoll.scenario.driver.DriverSyntax.StepKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema of scenario files: the scenario's own part (a resource of this module) with each
 * driver's fragment merged in. A fragment's {@code scenario}, {@code defaults} and {@code step}
 * members add properties to those mappings ({@code step} to flows too, for a flow of one step), its
 * step kinds join the one-of of steps and flows, and its {@code $defs} join the definitions.
 */
final class ScenarioSchema {

  private static final String CORE = "/dev/plimsoll/scenario/scenario-schema-core.json";
  private static final Set<String> FRAGMENT_MEMBERS = Set.of("scenario", "defaults", "step", "$defs");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScenarioSchema() {}

  static String assemble(Drivers drivers) {
    ObjectNode root = (ObjectNode) parse(core(), "the scenario schema " + CORE);
    ObjectNode defs = (ObjectNode) root.get("$defs");
    for (Driver driver : drivers.all()) {
      JsonNode fragment = parse(driver.schema(), "the schema of driver '" + driver.name() + "'");
      fragment.fieldNames().forEachRemaining(member -> {
        if (!FRAGMENT_MEMBERS.contains(member)) {
          throw new IllegalStateException("the schema of driver '" + driver.name() + "' has '" + member
              + "' (allowed: " + String.join(", ", FRAGMENT_MEMBERS) + ")");
        }
      });
      addProperties(defs, "scenario", fragment.get("scenario"));
      addProperties(defs, "defaults", fragment.get("defaults"));
      addProperties(defs, "step", fragment.get("step"));
      addProperties(defs, "flow", fragment.get("step"));
      for (StepKind kind : driver.syntax().stepKinds()) {
        for (String mapping : new String[] {"step", "flow"}) {
          ((ArrayNode) defs.get(mapping).get("oneOf")).addObject().putArray("required").add(kind.key());
        }
      }
      JsonNode own = fragment.get("$defs");
      if (own != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = own.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> def = it.next();
          if (defs.has(def.getKey())) {
            throw new IllegalStateException("driver '" + driver.name() + "' defines $defs/" + def.getKey()
                + ", which is already defined");
          }
          defs.set(def.getKey(), def.getValue());
        }
      }
    }
    return write(root);
  }

  /** Adds properties to a mapping; a property two drivers define differently accepts either. */
  private static void addProperties(ObjectNode defs, String mapping, JsonNode added) {
    if (added == null) {
      return;
    }
    ObjectNode properties = (ObjectNode) defs.get(mapping).get("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = added.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode existing = properties.get(p.getKey());
      if (existing == null || existing.equals(p.getValue())) {
        properties.set(p.getKey(), p.getValue());
      } else {
        ObjectNode either = JSON.createObjectNode();
        either.putArray("anyOf").add(existing).add(p.getValue());
        properties.set(p.getKey(), either);
      }
    }
  }

  private static String core() {
    try (InputStream in = ScenarioSchema.class.getResourceAsStream(CORE)) {
      if (in == null) {
        throw new IllegalStateException(CORE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String json, String what) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        throw new IllegalStateException(what + " is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(what + " is not JSON: " + e.getOriginalMessage());
    }
  }

  /** Two-space indents, one value per line, {@code "key": value}: the layout of the file in docs/. */
  private static String write(JsonNode root) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
