package dev.plimsoll.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.results.GateLimitText.Kind;
import org.junit.jupiter.api.Test;

class GateLimitTextTest {

  @Test
  void parse_aPercentForAllOrForOneOperation() {
    assertThat(GateLimitText.parse("90%")).isEqualTo(new GateLimitText(null, 0.9));
    assertThat(GateLimitText.parse(" 85 ")).isEqualTo(new GateLimitText(null, 0.85));
    assertThat(GateLimitText.parse("login=85%")).isEqualTo(new GateLimitText("login", 0.85));
    assertThat(GateLimitText.parse("total = 200 %")).isEqualTo(new GateLimitText("total", 2.0));
    assertThat(GateLimitText.parse("login=85%").text()).isEqualTo("login=85%");
    assertThat(GateLimitText.parse("150").text()).isEqualTo("150%");
  }

  @Test
  void parse_badText_isQuoted() {
    assertThatThrownBy(() -> GateLimitText.parse("login=fast"))
        .hasMessage("'login=fast' is not a percent (e.g. login=85%)");
    assertThatThrownBy(() -> GateLimitText.parse("-5%"))
        .hasMessage("'-5%' is not a percent (e.g. 90%)");
    assertThatThrownBy(() -> GateLimitText.parse("log in=85%"))
        .hasMessage("'log in=85%': 'log in' is not an operation name");
  }

  @Test
  void applyTo_setsTheHalfItNames_andChecksItsRange() {
    RegressionGate.Builder gate = RegressionGate.builder();
    GateLimitText.parse("login=85%").applyTo(gate, Kind.THROUGHPUT);
    GateLimitText.parse("200%").applyTo(gate, Kind.LATENCY);

    assertThat(gate.build().limitsFor("login")).isEqualTo(new GateLimits(0.85, 2.0));
    assertThat(gate.build().limitsFor("search")).isEqualTo(new GateLimits(0.9, 2.0));
    assertThatThrownBy(() -> GateLimitText.parse("login=110%").applyTo(RegressionGate.builder(), Kind.THROUGHPUT))
        .hasMessage("login=110%: the least throughput must be 100% or less");
    assertThatThrownBy(() -> GateLimitText.parse("90%").applyTo(RegressionGate.builder(), Kind.LATENCY))
        .hasMessage("90%: the most latency must be 100% or more");
  }
}
