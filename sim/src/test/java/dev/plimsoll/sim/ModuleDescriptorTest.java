package dev.plimsoll.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.testing.ModuleDescriptors;
import org.junit.jupiter.api.Test;

/** This module's descriptor, pinned: the simulation API, nothing of its machinery. */
class ModuleDescriptorTest {

  @Test
  void exportsTheApiAndNothingElse() {
    assertThat(ModuleDescriptors.describe(ModuleDescriptors.built())).isEqualTo("""
        requires transitive dev.plimsoll.core
        exports dev.plimsoll.sim
        """);
  }
}
