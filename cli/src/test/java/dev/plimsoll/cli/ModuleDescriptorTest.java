package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.testing.ModuleDescriptors;
import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/**
 * This module's descriptor, pinned: what it exports (nothing: the command is run, not called),
 * to whom, and which packages stay inside. A new package is exported only by changing this test
 * too, so nothing leaks by accident.
 */
class ModuleDescriptorTest {
  private static final ModuleDescriptor MODULE = ModuleDescriptors.built();

  @Test
  void exportsTheApiAndNothingElse() {
    assertThat(ModuleDescriptors.describe(MODULE)).isEqualTo("""
        opens dev.plimsoll.cli to info.picocli
        """);
  }


}
