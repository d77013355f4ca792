package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

  @TempDir Path dir;

  @Test
  void writeAll_createsTheDirectoryWithTheResultAndTheMarkdownReport() throws IOException {
    RunResult rich = ResultFixtures.richResult();
    Path target = dir.resolve("plimsoll-results/run-1");

    Path written = Reports.writeAll(rich, target);

    assertThat(written).isEqualTo(target);
    try (Stream<Path> files = Files.list(target)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("result.json", "report.md");
    }
    assertThat(ResultJson.read(target.resolve("result.json"))).isEqualTo(rich);
    assertThat(Files.readString(target.resolve("report.md")))
        .isEqualTo(MarkdownReport.render(rich));
  }
}
