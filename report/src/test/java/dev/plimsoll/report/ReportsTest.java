package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.results.ResultFiles;
import dev.plimsoll.results.testing.ResultFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

  @TempDir Path dir;

  @Test
  void writeAll_createsTheDirectoryWithTheResultAndTheMarkdownReport() throws IOException {
    RunResult rich = ResultFixtures.richResult();
    Path target = dir.resolve("plimsoll-results/run-1");

    List<Path> written = Reports.writeAll(rich, target);

    assertThat(written).containsExactly(target.resolve("result.json"), target.resolve("intervals.csv"),
        target.resolve("latency.hlog"), target.resolve("junit.xml"), target.resolve("report.md"));
    try (Stream<Path> files = Files.list(target)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("result.json", "latency.hlog", "intervals.csv", "junit.xml", "report.md");
    }
    assertThat(ResultFiles.read(target.resolve("result.json"))).isEqualTo(rich);
    assertThat(Files.readString(target.resolve("report.md")))
        .isEqualTo(MarkdownReport.render(rich));
  }

  @Test
  void reporters_areTheBuiltInOnes_inNameOrder() {
    assertThat(Reports.reporters()).extracting(Reporter::name)
        .containsExactly(ConsoleReport.NAME, IntervalsCsvReport.NAME, HdrLogReport.NAME,
            JUnitXmlReport.NAME, MarkdownReport.NAME);
  }

  @Test
  void select_picksReportersByName_orAlias_ignoringCaseAndTheResultFile() {
    assertThat(Reports.select(List.of("junit", "MD", "json", "csv", "junit"))).extracting(Reporter::name)
        .containsExactly("csv", "junit", "markdown");
    assertThat(Reports.select(List.of("json"))).isEmpty();
  }

  @Test
  void select_anUnknownName_isRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> Reports.select(List.of("junit", "htlm")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown report 'htlm'; known: console, csv, hlog, json, junit, markdown, md");
  }

  @Test
  void writeAll_withSelectedReporters_writesTheResultFileAndOnlyThose() throws IOException {
    List<Path> written = Reports.writeAll(ResultFixtures.richResult(), dir, Reports.select(List.of("junit")));

    assertThat(written).containsExactly(dir.resolve("result.json"), dir.resolve("junit.xml"));
    assertThat(dir.toFile().list()).containsExactlyInAnyOrder("result.json", "junit.xml");
  }

  @Test
  void reporters_findANewReporterListedOnOneLineOfTheServicesFile() throws IOException {
    Path services = dir.resolve("plugin/META-INF/services/" + Reporter.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, "# a plug-in's own services file\n" + TitleReport.class.getName()
        + "\n");
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    try (URLClassLoader plugin = new URLClassLoader(
        new URL[] {dir.resolve("plugin").toUri().toURL()}, saved)) {
      thread.setContextClassLoader(plugin);

      List<Reporter> found = Reports.reporters();
      List<Path> written = Reports.writeAll(ResultFixtures.richResult(), dir.resolve("run"));

      assertThat(found).extracting(Reporter::name)
          .containsExactly("console", "csv", "hlog", "junit", "markdown", "title");
      assertThat(written).extracting(p -> p.getFileName().toString())
          .containsExactly("result.json", "intervals.csv", "latency.hlog", "junit.xml", "report.md", "title.txt");
      assertThat(dir.resolve("run/title.txt")).hasContent("checkout-load\n");
    } finally {
      thread.setContextClassLoader(saved);
    }
  }

  @Test
  void write_leavesOutReportsForATerminal_andWritesOnlyTheReportersGiven() throws IOException {
    List<Path> written = Reports.write(ResultFixtures.richResult(), dir,
        List.of(new ConsoleReport(), new TitleReport()));

    assertThat(written).containsExactly(dir.resolve("title.txt"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("title.txt"));
    }
  }

  @Test
  void write_aFailingReporter_doesNotCostTheOthersTheirFiles() {
    Reporter broken = reporter("broken", "broken.txt", out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IllegalStateException("renderer bug");
    });

    assertThatThrownBy(() -> Reports.write(ResultFixtures.richResult(), dir,
        List.of(broken, new MarkdownReport())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("1 of the reports could not be written")
        .hasMessageContaining("renderer bug");
    assertThat(dir.resolve("report.md")).isRegularFile();
    // Atomic: the broken report left neither a partial file nor its temporary one.
    assertThat(dir.resolve("broken.txt")).doesNotExist();
    assertThat(dir.toFile().list()).containsExactly("report.md");
  }

  @Test
  void write_refusesReportersThatWouldOverwriteEachOtherOrTheResult() {
    RunResult result = ResultFixtures.sparseResult();
    Reporter otherMarkdown = reporter("md2", "report.md", out -> { });
    Reporter result2 = reporter("json", "result.json", out -> { });
    Reporter escaping = reporter("escape", "../report.txt", out -> { });
    Reporter sameName = reporter("markdown", "other.md", out -> { });

    assertThatThrownBy(() -> Reports.write(result, dir, List.of(new MarkdownReport(), otherMarkdown)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("reporter 'markdown' and reporter 'md2' both write report.md");
    assertThatThrownBy(() -> Reports.write(result, dir, List.of(result2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the result file and reporter 'json' both write result.json");
    assertThatThrownBy(() -> Reports.write(result, dir, List.of(escaping)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("reporter 'escape' has file name '../report.txt'; expected a plain file name"
            + " such as report.md");
    assertThatThrownBy(() -> Reports.write(result, dir, List.of(new MarkdownReport(), sameName)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("are both named 'markdown'");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void builtInReporters_writeWhatTheirRenderMethodsReturn() throws IOException {
    RunResult rich = ResultFixtures.richResult();

    assertThat(written(new ConsoleReport(), rich)).isEqualTo(ConsoleReport.render(rich, false));
    assertThat(written(new MarkdownReport(), rich)).isEqualTo(MarkdownReport.render(rich));
    assertThat(new ConsoleReport().fileName()).isEmpty();
    assertThat(new MarkdownReport().fileName()).contains("report.md");
  }

  private static String written(Reporter reporter, RunResult result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reporter.write(result, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static Reporter reporter(String name, String fileName, Body body) {
    return new Reporter() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<String> fileName() {
        return Optional.of(fileName);
      }

      @Override
      public void write(RunResult result, OutputStream out) throws IOException {
        body.write(out);
      }
    };
  }

  /** A reporter as a plug-in would add one: a class and a line in a services file. */
  public static final class TitleReport implements Reporter {

    @Override
    public String name() {
      return "title";
    }

    @Override
    public Optional<String> fileName() {
      return Optional.of("title.txt");
    }

    @Override
    public void write(RunResult result, OutputStream out) throws IOException {
      out.write((result.name() + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }
}
