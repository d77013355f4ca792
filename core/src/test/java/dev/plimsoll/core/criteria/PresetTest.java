package dev.plimsoll.core.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PresetTest {

  @Test
  void productionHoldsTheProductionLimits() {
    assertThat(Preset.PRODUCTION.criteria())
        .extracting(Criterion::source)
        .containsExactly("p95 < 25ms", "error_rate < 0.1%", "memory_growth < 10MB/min",
            "cpu_avg < 70%");
    assertThat(Preset.PRODUCTION.criteria()).noneMatch(Criterion::abortOnFail);
  }

  @Test
  void developmentIsRelaxedAndHasNoCpuLimit() {
    assertThat(Preset.DEVELOPMENT.criteria())
        .extracting(Criterion::source)
        .containsExactly("p95 < 250ms", "error_rate < 5%", "memory_growth < 100MB/min");
    assertThat(Preset.DEVELOPMENT.criteria())
        .extracting(Criterion::metric)
        .doesNotContain(Metric.CPU_AVG, Metric.CPU_PEAK);
  }

  @Test
  void namedIsCaseInsensitive() {
    assertThat(Preset.named("production")).isEqualTo(Preset.PRODUCTION);
    assertThat(Preset.named("Development")).isEqualTo(Preset.DEVELOPMENT);
    assertThat(Preset.named(" PRODUCTION ")).isEqualTo(Preset.PRODUCTION);
    assertThat(Preset.DEVELOPMENT.label()).isEqualTo("development");
  }

  @Test
  void unknownNameListsThePresets() {
    assertThatThrownBy(() -> Preset.named("prod"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown preset 'prod' (allowed: production, development)");
  }
}
