package dev.plimsoll.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.testing.ModuleDescriptors;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * This module's descriptor, pinned: it exports the reporter's package alone (whose only public
 * type is {@link HtmlReport}) and provides it as a {@link dev.plimsoll.report.Reporter}.
 */
class ModuleDescriptorTest {
  private static final ModuleDescriptor MODULE = ModuleDescriptors.built();

  @Test
  void exportsTheReporterAndNothingElse() {
    assertThat(ModuleDescriptors.describe(MODULE)).isEqualTo("""
        requires transitive dev.plimsoll.report
        exports dev.plimsoll.report.html
        provides dev.plimsoll.report.Reporter with dev.plimsoll.report.html.HtmlReport
        """);
  }

  /** Class-path users find the provider through META-INF/services: the same one, in both places. */
  @Test
  void servicesFilesListWhatTheDescriptorProvides() {
    Map<String, List<String>> listed = ModuleDescriptors.servicesFiles();

    assertThat(MODULE.provides()).hasSameSizeAs(listed.keySet())
        .allSatisfy(p -> assertThat(listed.get(p.service())).as(p.service()).isEqualTo(p.providers()));
  }
}
