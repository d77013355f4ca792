/**
 * A run's live dashboard: {@link dev.plimsoll.dashboard.Dashboard}, a run listener that serves the
 * run's charts in the browser while it goes, and its report when it ends, with the JDK's HTTP server.
 */
module dev.plimsoll.dashboard {
  requires transitive dev.plimsoll.core;
  requires dev.plimsoll.report.html;
  requires jdk.httpserver;

  exports dev.plimsoll.dashboard;
}
