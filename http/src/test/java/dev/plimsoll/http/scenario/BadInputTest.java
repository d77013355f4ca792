package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plimsoll.scenario.DryRun;
import dev.plimsoll.scenario.ScenarioBuilder;
import dev.plimsoll.scenario.ScenarioLoader;
import dev.plimsoll.scenario.ScenarioSpec;
import dev.plimsoll.scenario.driver.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever is wrong with a file, the loader answers with a {@link ScenarioException} and its
 * position, never with another exception: every value of a full scenario is replaced in turn by
 * values of the wrong kind.
 */
class BadInputTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @TempDir
  Path folder;

  @Test
  void everyValueReplacedByTheWrongKind_givesAPositionedMessage() throws IOException {
    Files.writeString(folder.resolve("users.csv"), "name,password\nann,a1\n");
    Files.writeString(folder.resolve("body.json"), "{}");
    JsonNode original = YAML.readTree("""
        name: shop
        target: http://127.0.0.1:8080
        duration: 1m
        warmUp: 10s
        interval: 1s
        gracefulStop: 2s
        seed: 42
        http: { connections: 64, protocol: h2, timeout: 5s, connectTimeout: 2s, insecure: false, followRedirects: true, compression: false }
        defaults: { headers: { Accept: application/json }, thinkTime: 1s, checks: { status: [200], maxSize: 1MB } }
        variables: { tenant: acme }
        feeders: { users: { file: users.csv, order: random, format: csv } }
        workloads:
          - name: browse
            open: { stages: [ { duration: 10s, target: 10/s } ], start: 1/s, arrivals: poisson, maxInFlight: 10 }
            mix:
              - name: home
                weight: 3
                request: { method: GET, url: /, headers: { X-T: "${tenant}" } }
                checks: { status: [200, 2xx], bodyContains: x, jsonPath: { "$.a": b }, maxSize: 1KB }
              - name: buy
                steps:
                  - request: { method: POST, url: /login, body: '{"u":"${users.name}"}' }
                    extract: { token: { jsonPath: $.token }, id: { regex: "(\\\\d+)" }, c: { header: Set-Cookie } }
                  - think: { uniform: [1ms, 2ms] }
                  - request: { url: "/o/${token}", bodyTemplate: body.json }
          - name: spiky
            open: { spike: { base: 1/s, peak: 2/s, at: 1s, length: 1s } }
            mix: [ { name: s, request: { url: /s } } ]
          - name: team
            closed: { stages: [ { duration: 1s, target: 2 } ], thinkTime: { exponential: 1s }, iterationsPerUser: 3, sharedIterations: 5 }
            mix: [ { name: t, request: { url: /t } } ]
        criteria: [ "p95 < 25ms" ]
        preset: production
        """);
    assertThat(load(YAML.writeValueAsString(original))).isNull();

    List<JsonNode> wrong = List.of(NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(), NODES.textNode("x"),
        NODES.numberNode(-1), NODES.textNode("1x/s"), NODES.booleanNode(true), NODES.textNode("${"),
        NODES.arrayNode().add(NODES.objectNode()), NODES.objectNode().set("zz", NODES.nullNode()));
    List<String> failures = new ArrayList<>();
    int[] cases = {0};
    visit(original, "", path -> {
      for (JsonNode replacement : wrong) {
        JsonNode mutated = original.deepCopy();
        replace(mutated, path, replacement);
        cases[0]++;
        try {
          String problem = load(YAML.writeValueAsString(mutated));
          if (problem != null && !problem.matches("shop\\.yaml:\\d+:\\d+: .*|PLIMSOLL_.*|shop\\.yaml: .*")) {
            failures.add(path + " = " + replacement + ": " + problem);
          }
        } catch (RuntimeException | IOException e) {
          failures.add(path + " = " + replacement + ": " + e);
        }
      }
    });
    assertThat(cases[0]).isGreaterThan(500);
    assertThat(failures).isEmpty();
  }

  /** Null when it loads, the message when it is refused; anything else propagates. */
  private String load(String yaml) {
    try {
      ScenarioSpec spec = ScenarioLoader.create().environment(Map.of()).parse(yaml, "shop.yaml", folder);
      DryRun.describe(spec);
      ScenarioBuilder.open(spec, HttpDriver.using((m, u, h, b) -> null)).close();
      return null;
    } catch (ScenarioException e) {
      return e.getMessage();
    }
  }

  /** Calls back with the path (a list of keys and indexes, '/'-joined) of every node. */
  private static void visit(JsonNode node, String path, Consumer<String> each) {
    if (!path.isEmpty()) {
      each.accept(path);
    }
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> visit(node.get(name), path + "/" + name, each));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        visit(node.get(i), path + "/" + i, each);
      }
    }
  }

  private static void replace(JsonNode root, String path, JsonNode value) {
    String[] parts = path.substring(1).split("/");
    JsonNode parent = root;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
    }
    String last = parts[parts.length - 1];
    if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
  }
}
