/**
 * Renderers of a finished run behind one SPI, {@link dev.plimsoll.report.Reporter}: the console
 * report, Markdown, JUnit XML, the intervals as CSV and the HdrHistogram log, found with {@link java.util.ServiceLoader} by
 * {@link dev.plimsoll.report.Reports#writeAll}; and the live progress lines.
 */
module dev.plimsoll.report {
  requires transitive dev.plimsoll.core;
  requires dev.plimsoll.results;

  exports dev.plimsoll.report;
  // The shared opening words of a report, for the report modules only.
  exports dev.plimsoll.report.shared to dev.plimsoll.report.html;

  uses dev.plimsoll.report.Reporter;

  provides dev.plimsoll.report.Reporter with dev.plimsoll.report.ConsoleReport, dev.plimsoll.report.HdrLogReport,
      dev.plimsoll.report.IntervalsCsvReport, dev.plimsoll.report.JUnitXmlReport, dev.plimsoll.report.MarkdownReport;
}
