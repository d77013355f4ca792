package dev.plimsoll.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A server-sent events client, as a browser's EventSource reads a stream: events of a name and
 * data, separated by blank lines; comment lines ignored. Reads on a thread of its own until the
 * stream ends or {@link #close} (bounded by the read timeout).
 */
final class EventClient implements AutoCloseable {

  record Event(String name, String data) {}

  private final HttpURLConnection http;
  private final List<Event> events = new ArrayList<>();
  private final Thread reader;
  private volatile boolean ended;

  EventClient(String url) throws IOException {
    http = (HttpURLConnection) URI.create(url).toURL().openConnection();
    http.setConnectTimeout(5000);
    http.setReadTimeout(20_000);
    if (http.getResponseCode() != 200) {
      throw new IOException("events answered " + http.getResponseCode());
    }
    if (!http.getContentType().startsWith("text/event-stream")) {
      throw new IOException("events came as " + http.getContentType());
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(http.getInputStream(), StandardCharsets.UTF_8));
    // The stream opens with a comment: once read, the server counts this client as watching.
    String first = in.readLine();
    if (first == null || !first.startsWith(":")) {
      throw new IOException("the stream opened with " + first);
    }
    reader = Thread.ofPlatform().daemon().name("event-client").start(() -> read(in));
  }

  private void read(BufferedReader in) {
    String name = "message";
    StringBuilder data = new StringBuilder();
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            synchronized (events) {
              events.add(new Event(name, data.toString()));
            }
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
    } catch (IOException e) {
      // Closed by the test, or the server: the stream has ended either way.
    } finally {
      ended = true;
    }
  }

  List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Waits (bounded) for the stream to end; whether it did. */
  boolean awaitEnd(long millis) throws InterruptedException {
    reader.join(millis);
    return ended;
  }

  @Override
  public void close() {
    http.disconnect();
  }
}
