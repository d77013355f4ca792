package dev.plimsoll.scenario;

import dev.plimsoll.scenario.driver.Driver;
import dev.plimsoll.scenario.driver.DriverSyntax;
import dev.plimsoll.scenario.driver.DriverSyntax.StepKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The drivers a loader or builder uses, checked to fit together: distinct names, and keys that
 * collide neither with each other nor with the scenario's own. A collision is a setup problem, not
 * the file's, so it is an {@link IllegalStateException}.
 */
final class Drivers {

  /** A step kind and the driver that provides it. */
  record Kind(Driver driver, StepKind kind) {}

  /** Keys of flows and steps that are the scenario's, so no driver may take them. */
  private static final Set<String> CORE_STEP_KEYS = Set.of("name", "weight", "steps", "think");

  private final List<Driver> drivers;
  private final Map<String, Driver> byName = new LinkedHashMap<>();
  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private final Map<String, String> sections = new LinkedHashMap<>();
  private final Map<String, String> defaultsKeys = new LinkedHashMap<>();
  private final Set<String> stepKeys = new LinkedHashSet<>();

  private Drivers(Collection<Driver> given) {
    // Sorted by name: messages and the schema list their keys in the same order whatever the classpath order.
    this.drivers = given.stream().sorted(Comparator.comparing(Driver::name)).toList();
    for (Driver d : drivers) {
      if (d.name() == null || d.name().isBlank()) {
        throw new IllegalStateException("driver " + d.getClass().getName() + " has no name");
      }
      Driver same = byName.putIfAbsent(d.name(), d);
      if (same != null) {
        throw new IllegalStateException("two drivers are called '" + d.name() + "': " + same.getClass().getName()
            + " and " + d.getClass().getName());
      }
      DriverSyntax syntax = d.syntax();
      if (syntax.section() != null) {
        claim(sections, syntax.section(), d, "section", SpecKeys.SCENARIO);
      }
      for (String key : syntax.defaultsKeys()) {
        claim(defaultsKeys, key, d, "key in defaults", SpecKeys.DEFAULTS);
      }
      for (StepKind kind : syntax.stepKinds()) {
        Kind other = kinds.putIfAbsent(kind.key(), new Kind(d, kind));
        if (other != null || CORE_STEP_KEYS.contains(kind.key())) {
          throw new IllegalStateException("driver '" + d.name() + "' declares step kind '" + kind.key() + "', which "
              + (other != null ? "driver '" + other.driver().name() + "' declares too" : "is the scenario's own key"));
        }
        for (String key : kind.keys()) {
          if (CORE_STEP_KEYS.contains(key)) {
            throw new IllegalStateException("driver '" + d.name() + "' declares key '" + key + "' for step kind '"
                + kind.key() + "', which is the scenario's own key");
          }
        }
        stepKeys.addAll(kind.allKeys());
      }
    }
    for (Kind k : kinds.values()) {
      for (String key : k.kind().keys()) {
        if (kinds.containsKey(key)) {
          throw new IllegalStateException("driver '" + k.driver().name() + "' declares key '" + key + "' for step kind '"
              + k.kind().key() + "', which is a step kind of driver '" + kinds.get(key).driver().name() + "'");
        }
      }
    }
  }

  private static void claim(Map<String, String> owners, String key, Driver d, String what, List<String> core) {
    String other = owners.putIfAbsent(key, d.name());
    if (other != null || core.contains(key)) {
      throw new IllegalStateException("driver '" + d.name() + "' declares " + what + " '" + key + "', which "
          + (other != null ? "driver '" + other + "' declares too" : "is the scenario's own key"));
    }
  }

  /** The drivers on the classpath, found with {@link ServiceLoader}. */
  static Drivers discover() {
    List<Driver> found = new ArrayList<>();
    ServiceLoader.load(Driver.class).forEach(found::add);
    return new Drivers(found);
  }

  static Drivers of(Collection<Driver> drivers) {
    return new Drivers(drivers);
  }

  List<Driver> all() {
    return drivers;
  }

  /** The driver called {@code name}, or null. */
  Driver named(String name) {
    return byName.get(name);
  }

  /** The step kind introduced by {@code key}, or null. */
  Kind kind(String key) {
    return kinds.get(key);
  }

  /** Every step kind's key. */
  Set<String> kindKeys() {
    return kinds.keySet();
  }

  /** Every key a driver's step may have: each kind's key and the keys that go with it. */
  Set<String> stepKeys() {
    return stepKeys;
  }

  /** The keys of one of {@link SpecKeys#EXTENSIBLE}'s mappings: the scenario's, then the drivers'. */
  List<String> keys(String mapping) {
    List<String> keys = new ArrayList<>(SpecKeys.ALL.get(mapping));
    switch (mapping) {
      case "scenario" -> keys.addAll(sections.keySet());
      case "defaults" -> keys.addAll(defaultsKeys.keySet());
      case "flow", "step" -> keys.addAll(stepKeys);
      default -> throw new IllegalArgumentException("drivers add no keys to " + mapping);
    }
    return keys;
  }

  /** The driver whose section is {@code key}, or null. */
  Driver sectionOwner(String key) {
    String name = sections.get(key);
    return name == null ? null : byName.get(name);
  }

  /** The driver whose key of the defaults section is {@code key}, or null. */
  Driver defaultsOwner(String key) {
    String name = defaultsKeys.get(key);
    return name == null ? null : byName.get(name);
  }

  /** "http, echo", or "none" when no driver is on the classpath. */
  String names() {
    return drivers.isEmpty() ? "none" : String.join(", ", byName.keySet());
  }
}
