package dev.plimsoll.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.testing.ModuleDescriptors;
import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/**
 * This module's descriptor, pinned: what it exports (the demo and the worked examples), to whom, and which packages stay
 * inside. A new package is exported only by changing this test too, so nothing leaks by
 * accident.
 */
class ModuleDescriptorTest {
  private static final ModuleDescriptor MODULE = ModuleDescriptors.built();

  @Test
  void exportsTheApiAndNothingElse() {
    assertThat(ModuleDescriptors.describe(MODULE)).isEqualTo("""
        requires transitive dev.plimsoll.core
        requires transitive dev.plimsoll.results
        exports dev.plimsoll.examples.agent
        exports dev.plimsoll.examples.demo
        exports dev.plimsoll.examples.marketdata
        exports dev.plimsoll.examples.support
        exports dev.plimsoll.examples.vectors
        opens dev.plimsoll.examples.agent to info.picocli
        opens dev.plimsoll.examples.marketdata to info.picocli
        opens dev.plimsoll.examples.support to info.picocli
        opens dev.plimsoll.examples.vectors to info.picocli
        """);
  }


}
