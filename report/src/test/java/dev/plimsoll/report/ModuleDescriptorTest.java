package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.testing.ModuleDescriptors;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * This module's descriptor, pinned: what it exports (the renderers' API and SPI), to whom, and
 * which packages stay inside. A new package is exported only by changing this test too, so
 * nothing leaks by accident.
 */
class ModuleDescriptorTest {
  private static final ModuleDescriptor MODULE = ModuleDescriptors.built();

  @Test
  void exportsTheApiAndNothingElse() {
    assertThat(ModuleDescriptors.describe(MODULE)).isEqualTo("""
        requires transitive dev.plimsoll.core
        exports dev.plimsoll.report
        exports dev.plimsoll.report.shared to dev.plimsoll.report.html
        uses dev.plimsoll.report.Reporter
        provides dev.plimsoll.report.Reporter with dev.plimsoll.report.ConsoleReport, dev.plimsoll.report.HdrLogReport, dev.plimsoll.report.IntervalsCsvReport, dev.plimsoll.report.JUnitXmlReport, dev.plimsoll.report.MarkdownReport
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
