package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.testing.ModuleDescriptors;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * This module's descriptor, pinned: what it exports (core's API packages; the engine and the
 * system probes stay inside), to whom, and which packages stay inside. A new package is exported
 * only by changing this test too, so nothing leaks by accident.
 */
class ModuleDescriptorTest {
  private static final ModuleDescriptor MODULE = ModuleDescriptors.built();

  @Test
  void exportsTheApiAndNothingElse() {
    assertThat(ModuleDescriptors.describe(MODULE)).isEqualTo("""
        requires transitive HdrHistogram
        exports dev.plimsoll.core
        exports dev.plimsoll.core.criteria
        exports dev.plimsoll.core.metrics
        exports dev.plimsoll.core.result
        exports dev.plimsoll.core.text
        exports dev.plimsoll.core.units
        uses dev.plimsoll.core.EngineProvider
        provides dev.plimsoll.core.EngineProvider with dev.plimsoll.core.engine.DefaultEngineProvider
        contains dev.plimsoll.core.engine
        contains dev.plimsoll.core.system
        """);
  }

  /** Class-path users find the providers through META-INF/services: the same ones, listed in both places. */
  @Test
  void servicesFilesListWhatTheDescriptorProvides() {
    Map<String, List<String>> listed = ModuleDescriptors.servicesFiles();

    assertThat(MODULE.provides()).hasSameSizeAs(listed.keySet())
        .allSatisfy(p -> assertThat(listed.get(p.service())).as(p.service()).isEqualTo(p.providers()));
  }


}
