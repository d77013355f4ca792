package dev.plimsoll.dashboard;

import dev.plimsoll.core.Plimsoll;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A process that runs with a dashboard as a program would and never closes it: it prints the
 * dashboard's URL, waits for a line on stdin (a watcher has connected), runs a short scenario and
 * returns from main. The process ends only if nothing the dashboard started keeps it alive.
 */
public final class WatchedProcess {
  private WatchedProcess() {}

  public static void main(String[] args) throws Exception {
    Dashboard dashboard = Dashboard.start(DashboardTest.ANY_PORT);
    System.out.println(dashboard.url());
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    Plimsoll.run(DashboardTest.scenario("watched", Duration.ofMillis(600), dashboard));
    System.out.println("run ended");
    System.out.flush();
  }
}
