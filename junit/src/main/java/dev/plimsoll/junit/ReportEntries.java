package dev.plimsoll.junit;

import dev.plimsoll.report.html.HtmlReport;
import dev.plimsoll.results.ResultFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Tells JUnit (and so the IDE and the build's XML report) where a load test's reports are. */
final class ReportEntries {
  static final String REPORT = "plimsoll.report";
  static final String RESULT = "plimsoll.result";

  private ReportEntries() {}

  /** {@value #REPORT}: the HTML report as a {@code file:} URI; {@value #RESULT}: result.json's path. Nothing when the run wrote nothing. */
  static void publish(ExtensionContext context, Path directory) {
    if (Files.isRegularFile(directory.resolve(ResultFiles.FILE_NAME))) {
      context.publishReportEntry(REPORT, directory.resolve(HtmlReport.FILE_NAME).toAbsolutePath().toUri().toString());
      context.publishReportEntry(RESULT, directory.resolve(ResultFiles.FILE_NAME).toAbsolutePath().toString());
    }
  }
}
