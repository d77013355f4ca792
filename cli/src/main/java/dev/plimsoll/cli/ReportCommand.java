package dev.plimsoll.cli;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.report.ConsoleReport;
import dev.plimsoll.report.Reporter;
import dev.plimsoll.report.Reports;
import dev.plimsoll.results.JournalRecovery;
import dev.plimsoll.results.ResultFiles;
import dev.plimsoll.results.RunJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    header = "Renders the reports of a saved result.json again, or recovers a crashed run's.",
    description = {
        "Renders the reports of a saved result again: the console report on standard output and",
        "every report file (report.md, report.html, ...) beside the result (or in --out); with",
        "--html, only report.html. Exits with the run's own exit code.",
        "",
        "With --recover DIR, rebuilds the result of a run that was killed or lost power from the",
        "journal it kept in DIR (" + RunJournal.FILE_NAME + "), up to its last complete interval:",
        "result.json and every report are written into DIR (or --out), marked incomplete, and the",
        "exit code is the one of an aborted run (3)."
    })
final class ReportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RESULT.json", arity = "0..1", description = "A result file written by a run.")
  Path resultFile;

  @Option(names = "--recover", paramLabel = "DIR",
      description = "Rebuild result.json and the reports from the journal of a run that never finished, in DIR.")
  Path recover;

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for the report files (default: the result file's).")
  Path out;

  @Option(names = "--html", description = "Write only the HTML report, report.html, of the saved result.")
  boolean htmlOnly;

  /** The name of the HTML report among the reporters (dev.plimsoll.report.html.HtmlReport.NAME). */
  private static final String HTML_REPORTER = "html";

  @Override
  public Integer call() throws IOException {
    if (recover != null) {
      if (htmlOnly) {
        throw new UserException("--html renders a saved RESULT.json; --recover writes every report");
      }
      if (resultFile != null) {
        throw new UserException("give either RESULT.json or --recover DIR, not both");
      }
      return recover(recover);
    }
    if (resultFile == null) {
      throw new UserException("missing RESULT.json (or --recover DIR for a run that never finished)");
    }
    if (!Files.isRegularFile(resultFile)) {
      throw new UserException("no result file at " + resultFile);
    }
    List<Reporter> reporters = Reports.reporters();
    if (htmlOnly) {
      reporters = reporters.stream().filter(r -> r.name().equals(HTML_REPORTER)).toList();
      if (reporters.isEmpty()) {
        throw new UserException("the HTML report (module plimsoll-report-html) is not installed");
      }
    }
    RunResult result = ResultFiles.read(resultFile);
    System.out.print(ConsoleReport.render(result, Terminal.colour()));
    Path directory = out != null ? out : resultFile.toAbsolutePath().getParent();
    for (Path report : Reports.write(result, directory, reporters)) {
      System.out.println("report: " + report);
    }
    return ExitCodes.of(result.status());
  }

  private int recover(Path runDirectory) throws IOException {
    Path journal = runDirectory.resolve(RunJournal.FILE_NAME);
    if (!Files.isRegularFile(journal)) {
      if (Files.isRegularFile(runDirectory.resolve(ResultFiles.FILE_NAME))) {
        throw new UserException("no journal in " + runDirectory + ": the run finished and wrote its"
            + " result; see it with: plimsoll report " + runDirectory.resolve(ResultFiles.FILE_NAME));
      }
      throw new UserException("no journal (" + RunJournal.FILE_NAME + ") in " + runDirectory);
    }
    RunResult result = JournalRecovery.recover(journal);
    Path directory = out != null ? out : runDirectory;
    List<Path> written = Reports.writeAll(result, directory);
    System.out.print(ConsoleReport.render(result, Terminal.colour()));
    System.out.println("results: " + String.join("  ", written.stream().map(Path::toString).toList()));
    return ExitCodes.of(result.status());
  }
}
