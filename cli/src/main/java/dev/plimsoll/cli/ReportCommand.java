package dev.plimsoll.cli;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.report.ConsoleReport;
import dev.plimsoll.report.Reports;
import dev.plimsoll.results.ResultFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    header = "Renders the reports of a saved result.json again.",
    description = {
        "Renders the reports of a saved result again: the console report on standard output and",
        "every report file (report.md, ...) beside the result (or in --out). Exits with the run's",
        "own exit code."
    })
final class ReportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RESULT.json", description = "A result file written by a run.")
  Path resultFile;

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for the report files (default: the result file's).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(resultFile)) {
      throw new UserException("no result file at " + resultFile);
    }
    RunResult result = ResultFiles.read(resultFile);
    System.out.print(ConsoleReport.render(result, Terminal.colour()));
    Path directory = out != null ? out : resultFile.toAbsolutePath().getParent();
    for (Path report : Reports.write(result, directory, Reports.reporters())) {
      System.out.println("report: " + report);
    }
    return ExitCodes.of(result.status());
  }
}
