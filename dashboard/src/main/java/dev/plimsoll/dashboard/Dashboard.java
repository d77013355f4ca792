package dev.plimsoll.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.plimsoll.core.RunListener;
import dev.plimsoll.core.RunProgress;
import dev.plimsoll.core.Steering;
import dev.plimsoll.core.metrics.IntervalSnapshot;
import dev.plimsoll.core.result.Phase;
import dev.plimsoll.core.result.ProfileChange;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.ScenarioDescription;
import dev.plimsoll.report.html.LiveReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A run's live dashboard, at {@code http://HOST:PORT/}: the same charts as {@code report.html},
 * drawn from the intervals seen so far and redrawn every interval from server-sent events
 * ({@code /events}), and the final report once the run has ended. A {@link RunListener}. A
 * {@code POST /stop} with the {@linkplain #controlToken control token} stops the run gracefully;
 * a {@code POST /steer} with it changes a workload's rate or users ({@link #onSteer}).
 *
 * <pre>{@code
 * try (Dashboard dashboard = Dashboard.start(new InetSocketAddress("127.0.0.1", 9401))) {
 *   RunResult result = Runner.forScenario(scenario).listener(dashboard).build().run();
 * }
 * }</pre>
 *
 * <p>The server starts at once, so a port already taken fails before the run. When the run
 * completes, every open event stream is ended (a browser's page then loads the final report) and
 * the server stops once the browsers watching have loaded it, or after {@link #LINGER} at most:
 * an open browser never keeps the process alive. {@link #close()} stops it the same way (at once
 * when the run never completed). A dashboard serves one run.
 */
public final class Dashboard implements RunListener, AutoCloseable {

  /** The longest the server stays up after the run, for watching browsers to load the report. */
  public static final Duration LINGER = Duration.ofSeconds(2);

  /** Why a run stopped from the dashboard ended, as its result records it. */
  public static final String STOP_REASON = "stopped from the dashboard";

  /** Who made a change from the dashboard, as the result records it. */
  public static final String BY = "dashboard";

  /** The request header that carries the control token. */
  public static final String TOKEN_HEADER = "X-Plimsoll-Token";

  /** A comment line sent on an idle event stream, so that a vanished browser is noticed. */
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

  private static final String WAITING = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<meta http-equiv=\"refresh\" content=\"1\"><title>Plimsoll: waiting</title></head>"
      + "<body><p>The run has not started yet.</p></body></html>\n";

  private final HttpServer server;
  private final ExecutorService handlers;
  private final InetSocketAddress address;
  private final byte[] token = newToken();
  /** How a control request stops the run; null until the run can be stopped. */
  private volatile Consumer<String> stop;
  /** How a control request changes the load; null until the run can be steered. */
  private volatile Steering steering;

  private final Object lock = new Object();
  // Guarded by lock.
  private LiveReport live;
  private String latestEvent;
  private long eventNumber;
  private String finalPage;
  private boolean stopping;
  private int watchers;
  private int watchersToServe;
  private boolean stopped;

  private Dashboard(InetSocketAddress address) throws IOException {
    this.server = HttpServer.create(address, 0);
    // Virtual threads: an event stream holds its thread for the whole run, and they never keep
    // the process alive.
    this.handlers = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("plimsoll-dashboard-", 0).factory());
    server.setExecutor(handlers);
    server.createContext("/", this::page);
    server.createContext("/" + LiveReport.EVENTS_PATH, this::events);
    server.createContext("/" + LiveReport.STOP_PATH, this::stop);
    server.createContext("/" + LiveReport.STEER_PATH, this::steer);
    server.createContext("/" + LiveReport.KNOBS_PATH, this::knobs);
    server.start();
    this.address = server.getAddress();
  }

  /**
   * Starts serving at {@code address}; port 0 picks a free port ({@link #port()} says which).
   *
   * @throws UncheckedIOException if the server cannot listen there (the port is taken, say)
   */
  public static Dashboard start(InetSocketAddress address) {
    Objects.requireNonNull(address, "address");
    try {
      return new Dashboard(address);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the dashboard at " + hostAndPort(address) + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  /** The port the dashboard is served on. */
  public int port() {
    return address.getPort();
  }

  /** Where the dashboard is served: {@code http://127.0.0.1:9401/}. */
  public String url() {
    return "http://" + hostAndPort(address) + "/";
  }

  /**
   * The token that control requests must carry (print it for the one running the test): viewing
   * needs none, stopping the run does.
   */
  public String controlToken() {
    return new String(token, StandardCharsets.US_ASCII);
  }

  /**
   * Lets a control request with the {@linkplain #controlToken token} stop the run gracefully:
   * {@code stop} is called with {@link #STOP_REASON} (with a {@code RunningTest} or
   * {@code RunHandle}, their {@code stop}).
   */
  public void onStop(Consumer<String> stop) {
    this.stop = Objects.requireNonNull(stop, "stop");
  }

  /**
   * Lets a control request with the {@linkplain #controlToken token} change the load: an open
   * model's rate, a closed model's users ({@code RunningTest.steering()} or
   * {@code RunHandle.steering()}). Each change is recorded as made by {@value #BY}.
   */
  public void onSteer(Steering steering) {
    this.steering = Objects.requireNonNull(steering, "steering");
  }

  @Override
  public void runStarted(ScenarioDescription scenario, Instant startTime) {
    synchronized (lock) {
      live = new LiveReport(scenario, startTime);
    }
  }

  @Override
  public void phasesPlanned(List<Phase> phases) {
    LiveReport report;
    synchronized (lock) {
      report = live;
    }
    if (report != null) {
      report.phases(phases);
    }
  }

  @Override
  public void profileChanged(ProfileChange change) {
    LiveReport report;
    synchronized (lock) {
      report = live;
    }
    if (report != null) {
      report.change(change);
    }
  }

  @Override
  public void intervalCompleted(IntervalSnapshot interval, RunProgress progress) {
    LiveReport report;
    synchronized (lock) {
      report = live;
      if (report == null) {
        return;
      }
      report.add(interval);
      if (watchers == 0) {
        // Nobody to tell: the page of a browser that comes later is drawn from every interval.
        return;
      }
    }
    String event = report.event(interval, progress);
    synchronized (lock) {
      latestEvent = event;
      eventNumber++;
      lock.notifyAll();
    }
  }

  @Override
  public void runCompleted(RunResult result) {
    String page = LiveReport.finalPage(result);
    synchronized (lock) {
      finalPage = page;
      watchersToServe = watchers;
      stopping = true;
      lock.notifyAll();
    }
    Thread.ofVirtual().name("plimsoll-dashboard-stop").start(this::close);
  }

  /**
   * Stops the server: once the browsers that watched the end of the run have loaded its report, or
   * after {@link #LINGER} at most; at once when the run has not completed. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lock) {
      long deadline = System.nanoTime() + LINGER.toNanos();
      boolean completed = finalPage != null;
      stopping = true;
      lock.notifyAll();
      try {
        while (completed && watchersToServe > 0 && !stopped) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          lock.wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (stopped) {
        return;
      }
      stopped = true;
      lock.notifyAll();
    }
    server.stop(0);
    handlers.shutdownNow();
  }

  private void page(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/")) {
        send(exchange, 404, "text/plain", "Not found: the dashboard is at /\n");
        return;
      }
      if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain", "Method not allowed\n");
        return;
      }
      String page;
      LiveReport report;
      synchronized (lock) {
        page = finalPage;
        report = live;
      }
      boolean ended = page != null;
      if (!ended) {
        page = report == null ? WAITING : report.page();
      }
      send(exchange, 200, "text/html", page);
      if (ended) {
        servedFinalPage();
      }
    }
  }

  /**
   * Whether a control request may act: a POST with the right token. If not, the answer is sent
   * (405 or 403) and nothing changes.
   */
  private boolean authorised(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      send(exchange, 405, "text/plain", "Method not allowed: POST with the control token\n");
      return false;
    }
    String given = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
    // Compared in constant time: the answer must not tell how much of a guess was right.
    if (given == null || !MessageDigest.isEqual(token, given.trim().getBytes(StandardCharsets.US_ASCII))) {
      send(exchange, 403, "text/plain", "The control token is missing or wrong: it was printed on the console\n");
      return false;
    }
    return true;
  }

  private void steer(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!authorised(exchange)) {
        return;
      }
      String form = readForm(exchange.getRequestBody());
      if (form == null) {
        send(exchange, 413, "text/plain", "The request is too large: send workload and rate or users only\n");
        return;
      }
      Steering control = steering;
      boolean ended;
      synchronized (lock) {
        ended = finalPage != null || stopping;
      }
      if (ended) {
        send(exchange, 409, "text/plain", "There is no run to change\n");
        return;
      }
      if (control == null) {
        send(exchange, 409, "text/plain", "Nothing changed: this run's load cannot be changed while it goes\n");
        return;
      }
      ProfileChange change;
      try {
        change = SteerRequest.parse(form).applyTo(control, BY);
      } catch (IllegalArgumentException e) {
        send(exchange, 400, "text/plain", "Nothing changed: " + e.getMessage() + "\n");
        return;
      } catch (IllegalStateException e) {
        send(exchange, 409, "text/plain", "Nothing changed: " + e.getMessage() + "\n");
        return;
      }
      send(exchange, 200, "text/plain", "Changed " + change.describe() + "\n");
    }
  }

  /** Each workload's setting now, for the page's fields; viewing, so no token. */
  private void knobs(HttpExchange exchange) throws IOException {
    try (exchange) {
      Steering control = steering;
      boolean ended;
      synchronized (lock) {
        ended = finalPage != null || stopping;
      }
      List<Steering.Knob> knobs = control == null || ended ? List.of() : control.knobs();
      send(exchange, 200, "application/json", SteerRequest.json(knobs));
    }
  }

  /** The request's body as text, or null when it is longer than a form of a change can be. */
  private static String readForm(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(SteerRequest.MAX_BYTES + 1);
    return bytes.length > SteerRequest.MAX_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private void stop(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!authorised(exchange)) {
        return;
      }
      Consumer<String> action = stop;
      boolean ended;
      synchronized (lock) {
        ended = finalPage != null || stopping;
      }
      if (action == null || ended) {
        send(exchange, 409, "text/plain", "There is no run to stop\n");
        return;
      }
      action.accept(STOP_REASON);
      send(exchange, 202, "text/plain", "Stopping: operations in flight get the graceful-stop period\n");
    }
  }

  private static byte[] newToken() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
  }

  /** Counted once the report is sent whole, so that stopping the server cannot cut it short. */
  private void servedFinalPage() {
    synchronized (lock) {
      if (watchersToServe > 0) {
        watchersToServe--;
        lock.notifyAll();
      }
    }
  }

  private void events(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      exchange.sendResponseHeaders(200, 0);
      OutputStream body = exchange.getResponseBody();
      synchronized (lock) {
        if (stopped) {
          return;
        }
        watchers++;
      }
      try {
        stream(body);
      } catch (IOException e) {
        // The browser went away: nothing to do but stop sending.
      } finally {
        synchronized (lock) {
          watchers--;
        }
      }
    }
  }

  /** Sends each new interval's event until the run ends, then the end event. */
  private void stream(OutputStream body) throws IOException {
    write(body, ": plimsoll live dashboard\n\n");
    long seen;
    synchronized (lock) {
      seen = eventNumber;
    }
    while (true) {
      String event = null;
      boolean end;
      synchronized (lock) {
        long deadline = System.nanoTime() + KEEP_ALIVE.toNanos();
        while (eventNumber == seen && !stopping && System.nanoTime() < deadline) {
          try {
            lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (eventNumber != seen) {
          event = latestEvent;
          seen = eventNumber;
        }
        end = stopping;
      }
      if (event != null) {
        write(body, "event: interval\ndata: " + event + "\n\n");
      }
      if (end) {
        write(body, "event: end\ndata: {}\n\n");
        return;
      }
      if (event == null) {
        write(body, ": keep-alive\n\n");
      }
    }
  }

  private static void write(OutputStream body, String text) throws IOException {
    body.write(text.getBytes(StandardCharsets.UTF_8));
    body.flush();
  }

  private static void send(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private static String hostAndPort(InetSocketAddress address) {
    String host = address.getHostString();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
