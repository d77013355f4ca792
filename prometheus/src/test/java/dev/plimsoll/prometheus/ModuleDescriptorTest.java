package dev.plimsoll.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.testing.ModuleDescriptors;
import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/**
 * This module's descriptor, pinned: it exports the endpoint and its address, and hands out none of
 * the Prometheus client's types, so the client can change without changing Plimsoll's API.
 */
class ModuleDescriptorTest {
  private static final ModuleDescriptor MODULE = ModuleDescriptors.built();

  @Test
  void exportsTheApiAndNothingElse() {
    assertThat(ModuleDescriptors.describe(MODULE)).isEqualTo("""
        requires transitive dev.plimsoll.core
        exports dev.plimsoll.prometheus
        """);
  }
}
