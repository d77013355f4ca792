package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.result.ResultSection;
import dev.plimsoll.core.result.RunResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Sections a run's listeners add to its result ({@link RunListener#resultSections}). */
class ResultSectionsTest {
  private final VirtualClock clock = VirtualClock.create();

  private RunResult run(RunListener... listeners) throws Exception {
    Scenario.Builder b = Scenario.builder("sections").clock(clock).duration(Duration.ofSeconds(2))
        .workload(Workload.of("w", ctx -> {}, OpenModel.rate(10)));
    for (RunListener l : listeners) {
      b.listener(l);
    }
    Scenario scenario = b.build();
    RunHandle handle = clock.call(() -> Plimsoll.start(scenario));
    return handle.result().get(30, TimeUnit.SECONDS);
  }

  private static RunListener adding(ResultSection section) {
    return new RunListener() {
      @Override
      public List<ResultSection> resultSections(RunResult result) {
        return List.of(section);
      }
    };
  }

  @Test
  void aListenersSectionIsInTheResult_andTheListenersAreToldTheResultWithIt() throws Exception {
    AtomicReference<RunResult> told = new AtomicReference<>();
    List<Long> completedSeen = new ArrayList<>();
    RunListener counting = new RunListener() {
      @Override
      public List<ResultSection> resultSections(RunResult result) {
        completedSeen.add(result.total().completed());
        return List.of(ResultSection.builder("counted", "Counted")
            .fact("completed", Long.toString(result.total().completed())).build());
      }

      @Override
      public void runCompleted(RunResult result) {
        told.set(result);
      }
    };

    RunResult result = run(counting);

    assertThat(completedSeen).containsExactly(20L);
    assertThat(result.section("counted").orElseThrow().facts())
        .containsExactly(new ResultSection.Fact("completed", "20"));
    assertThat(told.get()).isEqualTo(result);
  }

  @Test
  void aListenerThatFails_orRepeatsAKey_isLeftOut_andTheRunKeepsItsResult() throws Exception {
    RunListener failing = new RunListener() {
      @Override
      public List<ResultSection> resultSections(RunResult result) {
        throw new IllegalStateException("broken");
      }
    };

    RunResult result = run(adding(ResultSection.builder("a", "A").build()), failing,
        adding(ResultSection.builder("a", "A again").build()), adding(ResultSection.builder("b", "B").build()));

    assertThat(result.total().completed()).isEqualTo(20);
    assertThat(result.sections()).extracting(ResultSection::title).containsExactly("A", "B");
  }

  @Test
  void data_isCopied_andNumbersAreHeldAsLongOrDouble() {
    List<Object> list = new ArrayList<>(List.of(1, 2.5f));
    ResultSection s = ResultSection.builder("x", "X").data("list", list).data("big", new BigDecimal("0.25"))
        .data("nested", Map.of("n", (short) 3)).build();
    list.add("later");

    assertThat(s.data("list")).isEqualTo(List.of(1L, 2.5d));
    assertThat(s.data("big")).isEqualTo(0.25d);
    assertThat(s.data("nested")).isEqualTo(Map.of("n", 3L));
    assertThatThrownBy(() -> s.data().put("y", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aKeyThatIsNotAWord_orDataThatIsNotJson_isRefusedNamingWhere() {
    assertThatThrownBy(() -> ResultSection.builder("my section", "X").build())
        .hasMessageContaining("my section");
    assertThatThrownBy(() -> ResultSection.builder("x", "X").data("when", List.of(Duration.ZERO)).build())
        .hasMessageContaining("x.when[0]").hasMessageContaining("java.time.Duration");
  }
}
