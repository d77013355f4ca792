package dev.plimsoll.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.ClosedModel;
import dev.plimsoll.core.OpenModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightTest {
  private static final long GIB = 1L << 30;
  private final List<String> notices = new ArrayList<>();

  @Test
  void demand_addsTheClosedWorkloadsPeakUsers_notTheOpenOnes() {
    Preflight.Demand demand = Preflight.Demand.of(
        List.of(ClosedModel.users(300), ClosedModel.users(200), OpenModel.rate(1000)), 64);

    assertThat(demand).isEqualTo(new Preflight.Demand(500, 64));
  }

  @Test
  void fitsEasily_saysNothing() {
    Preflight.check(new Preflight.Demand(1000, 128), new Preflight.Capacity(20_000, 40, GIB), notices::add);

    assertThat(notices).isEmpty();
  }

  @Test
  void moreConnectionsThanFiles_isRefused_withTheLimitToSet() {
    assertThatThrownBy(() -> Preflight.check(new Preflight.Demand(0, 2000),
        new Preflight.Capacity(1024, 30, 64 * GIB), notices::add))
        .isInstanceOf(ResourceShortageException.class)
        .hasMessage("the run asks for 2,000 connections, but this process may open at most 1,024 files"
            + " (30 already open): raise the limit (ulimit -n 8192) or lower http.connections (--connections)");
  }

  @Test
  void connectionsCloseToTheLimit_isANotice() {
    Preflight.check(new Preflight.Demand(0, 900), new Preflight.Capacity(1024, 30, 64 * GIB), notices::add);

    assertThat(notices).singleElement().asString().contains("900 connections").contains("would run out");
  }

  @Test
  void moreUsersThanHeap_isRefused_andCloseIsANotice() {
    // 64 MiB + 100,000 x 32 KiB: about 3.1 GiB.
    assertThatThrownBy(() -> Preflight.check(new Preflight.Demand(100_000, 0),
        new Preflight.Capacity(-1, -1, 2 * GIB), notices::add))
        .isInstanceOf(ResourceShortageException.class)
        .hasMessageContaining("100,000 users and 0 connections need about 3,189 MiB of heap, and the maximum heap is 2,048 MiB")
        .hasMessageContaining("PLIMSOLL_JAVA_OPTS=-Xmx6g");

    Preflight.check(new Preflight.Demand(100_000, 0), new Preflight.Capacity(-1, -1, 3500L << 20), notices::add);
    assertThat(notices).singleElement().asString().contains("may spend its time collecting garbage");
  }

  @Test
  void bothShort_saysBoth() {
    assertThatThrownBy(() -> Preflight.check(new Preflight.Demand(0, 50_000),
        new Preflight.Capacity(20_000, 30, GIB), notices::add))
        .hasMessageContaining("ulimit -n").hasMessageContaining("; 0 users and 50,000 connections need about");
  }
}
