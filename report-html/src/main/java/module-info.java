/**
 * The self-contained HTML report of a run, {@code report.html}: a {@link dev.plimsoll.report.Reporter}
 * named {@code html}, found with {@link java.util.ServiceLoader}. It exports nothing but its
 * reporter, {@link dev.plimsoll.report.html.HtmlReport}.
 */
module dev.plimsoll.report.html {
  requires transitive dev.plimsoll.report;
  requires com.fasterxml.jackson.core;

  exports dev.plimsoll.report.html;

  provides dev.plimsoll.report.Reporter with dev.plimsoll.report.html.HtmlReport;
}
