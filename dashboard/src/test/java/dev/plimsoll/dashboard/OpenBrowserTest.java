package dev.plimsoll.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * k6's users met a process that never ended while a browser had its dashboard open. Here a watcher
 * stays connected to the event stream and never loads the report: the process still ends, within
 * the dashboard's linger of the run's end.
 */
@Timeout(60)
class OpenBrowserTest {

  @Test
  void aWatcherStillConnectedWhenTheRunEndsDoesNotKeepTheProcessAlive() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        WatchedProcess.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String url = out.readLine();
      assertThat(url).startsWith("http://127.0.0.1:");
      try (EventClient watcher = new EventClient(url + "events")) {
        OutputStream in = process.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        assertThat(out.readLine()).isEqualTo("run ended");
        long ended = System.nanoTime();

        boolean exited = process.waitFor(Dashboard.LINGER.toSeconds() + 8, TimeUnit.SECONDS);

        assertThat(exited).as("the process ended with a watcher still connected").isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ended))
            .isLessThan(Dashboard.LINGER.toMillis() + 3000);
        List<EventClient.Event> events = watcher.events();
        assertThat(events).extracting(EventClient.Event::name).contains("interval", "end");
      }
    } finally {
      process.destroyForcibly();
    }
  }

}
