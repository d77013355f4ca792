package dev.plimsoll.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.results.testing.ResultFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJournalTest {
  @TempDir Path dir;

  private final RunResult rich = ResultFixtures.richResult();

  private Path journalOf(int intervals) throws IOException {
    Path file = dir.resolve("out").resolve(RunJournal.FILE_NAME);
    try (RunJournal journal = RunJournal.create(file)) {
      journal.begin(rich.config(), rich.environment(),
          List.of(Criterion.parse("p95 < 25ms"), Criterion.parse("search.p95 < 0.001ms")),
          ResultFixtures.START);
      for (int i = 0; i < intervals; i++) {
        journal.append(ResultFixtures.interval(i, i < 2));
      }
    }
    return file;
  }

  @Test
  void recoversEveryCompleteInterval_measuredOnesSummed_markedIncomplete() throws IOException {
    Path file = journalOf(5);

    RunResult recovered = JournalRecovery.recover(file);

    assertThat(recovered.incomplete()).isTrue();
    assertThat(recovered.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(recovered.stopReason()).startsWith("incomplete:").contains("5 intervals, up to 5s");
    assertThat(recovered.intervals()).hasSize(5);
    List<IntervalSnapshot> measured = recovered.intervals().subList(2, 5);
    assertThat(recovered.total().started())
        .isEqualTo(measured.stream().mapToLong(i -> i.total().started()).sum());
    assertThat(recovered.total().succeeded())
        .isEqualTo(measured.stream().mapToLong(i -> i.total().succeeded()).sum());
    assertThat(recovered.total().failed())
        .isEqualTo(measured.stream().mapToLong(i -> i.total().failed()).sum());
    assertThat(recovered.total().responseTime().count())
        .isEqualTo(measured.stream().mapToLong(i -> i.total().responseTime().count()).sum());
    assertThat(recovered.measuredDuration()).hasSeconds(3);
    assertThat(recovered.operations()).extracting(o -> o.name())
        .containsExactly(ResultFixtures.SEARCH, ResultFixtures.CHECKOUT, "delivery");
    assertThat(recovered.errors()).isNotEmpty();
    assertThat(recovered.verdicts()).hasSize(2);
    assertThat(recovered.verdicts().get(1).passed()).isFalse();
    assertThat(recovered.environment()).isEqualTo(rich.environment());
    assertThat(recovered.config()).isEqualTo(rich.config());
    assertThat(recovered.endTime()).isEqualTo(ResultFixtures.START.plusSeconds(5));
    // It is an ordinary result: it round-trips through result.json, the flag with it.
    assertThat(ResultJson.fromJson(ResultJson.toJson(recovered))).isEqualTo(recovered);
  }

  @Test
  void phasesAndProfileChanges_areRecovered_upToTheLastCompleteInterval() throws IOException {
    Path file = dir.resolve("steered").resolve(RunJournal.FILE_NAME);
    ProfileChange first = ResultFixtures.profileChanges().get(0);
    ProfileChange late = new ProfileChange(java.time.Duration.ofMillis(3500), "shoppers",
        ProfileChange.Setting.RATE, 262.5, 10, "api");
    try (RunJournal journal = RunJournal.create(file)) {
      journal.begin(rich.config(), rich.environment(), List.of(), ResultFixtures.START);
      journal.phases(ResultFixtures.phases());
      journal.append(ResultFixtures.interval(0, true));
      journal.append(ResultFixtures.interval(1, true));
      journal.profileChange(first);
      journal.append(ResultFixtures.interval(2, false));
      // In the interval the crash cut short: after what the recovered result covers.
      journal.profileChange(late);
    }

    RunResult recovered = JournalRecovery.recover(file);

    assertThat(recovered.intervals()).hasSize(3);
    assertThat(recovered.phases()).isEqualTo(ResultFixtures.phases());
    assertThat(recovered.profileChanges()).containsExactly(first);
  }

  @Test
  void tornLastLine_isIgnored() throws IOException {
    Path file = journalOf(3);
    String whole = Files.readString(file);
    String lastLine = whole.substring(whole.lastIndexOf('\n', whole.length() - 2) + 1);
    // The crash came halfway through writing a fourth interval.
    Files.writeString(file, lastLine.substring(0, lastLine.length() / 2), StandardOpenOption.APPEND);

    RunResult recovered = JournalRecovery.recover(file);

    assertThat(recovered.intervals()).hasSize(3);
    assertThat(recovered.stopReason()).doesNotContain("damaged");
  }

  @Test
  void damagedLine_endsTheRecoveryThere_andSaysSo() throws IOException {
    Path file = journalOf(4);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(3, "\0\0\0\0");
    Files.write(file, lines, StandardCharsets.UTF_8);

    RunResult recovered = JournalRecovery.recover(file);

    assertThat(recovered.intervals()).extracting(IntervalSnapshot::index).containsExactly(0, 1);
    assertThat(recovered.stopReason()).contains("2 damaged lines left out");
  }

  @Test
  void headerOnly_givesAnEmptyIncompleteResult() throws IOException {
    RunResult recovered = JournalRecovery.recover(journalOf(0));

    assertThat(recovered.incomplete()).isTrue();
    assertThat(recovered.intervals()).isEmpty();
    assertThat(recovered.total().started()).isZero();
    assertThat(recovered.stopReason()).contains("no interval was complete");
  }

  @Test
  void tornHeader_orAnotherFile_isACleanError() throws IOException {
    Path torn = dir.resolve("torn.jsonl");
    Files.writeString(torn, "{\"plimsollJournal\":1,\"na");
    Path other = dir.resolve("other.jsonl");
    Files.writeString(other, "{\"hello\":1}\n");

    assertThatThrownBy(() -> JournalRecovery.recover(torn))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no complete header line");
    assertThatThrownBy(() -> JournalRecovery.recover(other))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plimsollJournal")
        .hasMessageContaining("is missing");
  }

  @Test
  void eachIntervalIsOneCompactLine() throws IOException {
    List<String> lines = Files.readAllLines(journalOf(3));

    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("{\"plimsollJournal\":1,");
    assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l).startsWith("{\"interval\":{\"index\":"));
  }
}
