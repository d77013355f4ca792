package dev.plimsoll.scenario.driver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The keys a driver adds to scenario files. Keys of different drivers must not collide, nor with
 * the scenario's own keys; the loader says so when both drivers are on the classpath.
 *
 * @param section the top-level key of the driver's settings ({@code http}), or null for none
 * @param defaultsKeys the driver's keys in the {@code defaults} section ({@code headers}, {@code checks})
 * @param stepKinds the kinds of step the driver runs
 * @param mappings every mapping the driver reads, by its name in the schema's {@code $defs}, with
 *     the keys it accepts in order: a test checks the schema fragment against them
 */
public record DriverSyntax(
    String section, List<String> defaultsKeys, List<StepKind> stepKinds, Map<String, List<String>> mappings) {

  public DriverSyntax {
    defaultsKeys = List.copyOf(defaultsKeys);
    stepKinds = List.copyOf(stepKinds);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    mappings.forEach((name, keys) -> copy.put(name, List.copyOf(keys)));
    mappings = Collections.unmodifiableMap(copy);
  }

  /**
   * A kind of step, named by the key that introduces it: a step (or a flow of one step) is of this
   * kind when it has {@code key}. Any key in {@code keys} may go with it.
   *
   * @param key the step's own key: {@code request}
   * @param keys the other keys a step of this kind may have: {@code checks}, {@code extract}
   */
  public record StepKind(String key, List<String> keys) {
    public StepKind {
      Objects.requireNonNull(key, "key");
      keys = List.copyOf(keys);
    }

    /** A kind with its key and the other keys it allows. */
    public static StepKind of(String key, String... keys) {
      return new StepKind(key, List.of(keys));
    }

    /** The key and the other keys, in that order. */
    public List<String> allKeys() {
      List<String> all = new ArrayList<>(keys.size() + 1);
      all.add(key);
      all.addAll(keys);
      return all;
    }
  }
}
