package dev.plimsoll.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.testing.ModuleDescriptors;
import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/**
 * This module's descriptor, pinned: it exports the one API package, and hands on the runner's,
 * the results' and JUnit's API, whose types its own methods take and return.
 */
class ModuleDescriptorTest {
  private static final ModuleDescriptor MODULE = ModuleDescriptors.built();

  @Test
  void exportsTheApiAndNothingElse() {
    assertThat(ModuleDescriptors.describe(MODULE)).isEqualTo("""
        requires transitive dev.plimsoll.results
        requires transitive dev.plimsoll.runner
        requires transitive org.junit.jupiter.api
        exports dev.plimsoll.junit
        """);
  }
}
