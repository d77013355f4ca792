package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.results.ResultFiles;
import dev.plimsoll.results.RunJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run killed with kill -9, its result rebuilt from its journal by `plimsoll report --recover`. */
class CrashRecoveryTest {
  private static final Pattern COUNT = Pattern.compile("\"(started|succeeded|failed)\":(\\d+)");

  @Test
  void killedRun_isRecoveredUpToItsLastCompleteInterval(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("run");
    Path journal = out.resolve(RunJournal.FILE_NAME);
    try (CliProcess run = CliProcess.start(dir.resolve("output.txt"),
        "demo", "--duration", "20s", "--no-progress", "--out", out.toString())) {
      // The demo warms up for 3 s of its 20: wait for measured intervals as well.
      assertThat(CliProcess.await(30, () -> Files.exists(journal) && Files.readAllLines(journal).size() >= 8))
          .as("journal lines after a while: %s", run.output()).isTrue();
      run.signal("KILL");
      assertThat(run.waitFor(10)).isTrue();
    }
    assertThat(out.resolve("result.json")).doesNotExist();
    List<String> lines = Files.readAllLines(journal);

    CliRunner.Outcome recovered = CliRunner.run("report", "--recover", out.toString());

    assertThat(recovered.code()).as(recovered.err()).isEqualTo(ExitCodes.ABORTED);
    assertThat(recovered.out()).contains("INCOMPLETE").contains("result.json").contains("report.md");
    RunResult result = ResultFiles.read(out.resolve("result.json"));
    assertThat(result.incomplete()).isTrue();
    assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(Files.readString(out.resolve("result.json"))).contains("\"incomplete\": true");
    assertThat(Files.readString(out.resolve("report.md"))).contains("Incomplete result");
    // Every interval the journal holds, and the summary is the sum of its measured ones.
    long started = 0;
    long succeeded = 0;
    long failed = 0;
    int intervals = 0;
    // Read here with a pattern, not with the code under test: counts appear only in operations.
    for (String line : lines.subList(1, lines.size())) {
      if (!line.endsWith("}}")) {
        continue; // torn by the kill
      }
      intervals++;
      if (line.contains("\"warmUp\":true")) {
        continue;
      }
      Matcher m = COUNT.matcher(line);
      while (m.find()) {
        long n = Long.parseLong(m.group(2));
        switch (m.group(1)) {
          case "started" -> started += n;
          case "succeeded" -> succeeded += n;
          default -> failed += n;
        }
      }
    }
    assertThat(result.intervals()).hasSize(intervals);
    assertThat(succeeded).isPositive();
    assertThat(result.total().started()).isEqualTo(started);
    assertThat(result.total().succeeded()).isEqualTo(succeeded);
    assertThat(result.total().failed()).isEqualTo(failed);
  }

  @Test
  void finishedRun_leavesNoJournal_andRecoverSaysWhereTheResultIs(@TempDir Path dir) {
    Path out = dir.resolve("run");
    CliRunner.Outcome run = CliRunner.run("demo", "--duration", "5s", "--no-progress", "--out", out.toString());
    assertThat(out.resolve("result.json")).as(run.out() + run.err()).isRegularFile();
    assertThat(out.resolve(RunJournal.FILE_NAME)).doesNotExist();

    CliRunner.Outcome recover = CliRunner.run("report", "--recover", out.toString());

    assertThat(recover.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(recover.err()).contains("the run finished and wrote its result").contains("plimsoll report ");
  }
}
