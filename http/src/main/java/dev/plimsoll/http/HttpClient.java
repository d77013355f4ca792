package dev.plimsoll.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP/1.1 and HTTP/2 client for load tests, on Netty. One set of event-loop threads serves
 * every connection; each target (scheme, host, port) gets a fixed pool of
 * {@link HttpClientSettings#connectionsPerTarget()} keep-alive connections, opened on first use
 * and opened again after they close.
 *
 * <ul>
 *   <li>HTTP/1.1: a request waits (FIFO) for a free connection; one request per connection at a
 *       time, no pipelining, as wrk and browsers do.
 *   <li>HTTP/2 (h2 over TLS, h2c): requests are streams, spread over the pool's connections up to
 *       the server's concurrent-stream limit on each; past that they wait, FIFO.
 * </ul>
 *
 * <p>A failure never breaks the pool: a connection that failed is closed and replaced on demand.
 * Futures complete on an event loop, as the last byte of the response is read; code chained on
 * them with non-async methods runs there and must not block.
 *
 * <pre>{@code
 * try (HttpClient client = HttpClient.create(HttpClientSettings.builder().connectionsPerTarget(16).build())) {
 *   HttpResponse response = client.send(HttpRequest.get("http://127.0.0.1:8080/")).join();
 * }
 * }</pre>
 */
public final class HttpClient implements AutoCloseable {
  /** Enough calls for the JIT's top tier to compile the paths (its thresholds are about 15,000). */
  private static final int WARM_UP_REQUESTS = 20_000;
  private static final int WARM_UP_CONNECTIONS = 16;
  private static final long WARM_UP_LIMIT_NANOS = 5_000_000_000L;

  private final HttpClientSettings settings;
  private final Transport transport;
  private final ConcurrentHashMap<Target, ConnectionPool> pools = new ConcurrentHashMap<>();
  private final long requestTimeoutNanos;
  private volatile boolean closed;

  private HttpClient(HttpClientSettings settings) {
    this.settings = settings;
    this.transport = new Transport(settings);
    this.requestTimeoutNanos = settings.requestTimeout().toNanos();
  }

  /**
   * A client with these settings; it starts its event-loop threads at once.
   *
   * @throws dev.plimsoll.core.InvalidConfigurationException if the TLS trust cannot be loaded
   */
  public static HttpClient create(HttpClientSettings settings) {
    return new HttpClient(Objects.requireNonNull(settings, "settings"));
  }

  /** A client with the default settings. */
  public static HttpClient create() {
    return create(HttpClientSettings.defaults());
  }

  public HttpClientSettings settings() {
    return settings;
  }

  /**
   * Sends the request; the future completes with the response (any status), or exceptionally
   * with an {@link HttpFailure} subtype saying what went wrong.
   */
  public CompletableFuture<HttpResponse> send(HttpRequest request) {
    return send(request, null);
  }

  /**
   * Sends the request and, before completing, applies the check to the (final) response: what the
   * check throws becomes the future's failure. The check runs on the event loop and must be quick.
   */
  public CompletableFuture<HttpResponse> send(HttpRequest request, ResponseCheck check) {
    Objects.requireNonNull(request, "request");
    long deadline = System.nanoTime() + requestTimeoutNanos;
    if (settings.followRedirects()) {
      return Redirects.follow(this, request, check, deadline);
    }
    return exchange(request, check, deadline);
  }

  CompletableFuture<HttpResponse> exchange(HttpRequest request, ResponseCheck check, long deadlineNanos) {
    Exchange exchange = new Exchange(request, check, deadlineNanos, settings.maxResponseBodyBytes());
    if (closed) {
      exchange.fail(new IllegalStateException("the HTTP client is closed"));
      return exchange.future;
    }
    Target target = request.target();
    ConnectionPool pool = pools.get(target);
    if (pool == null) {
      String mismatch = Transport.schemeMismatch(settings.protocol(), target);
      if (mismatch != null) {
        exchange.fail(new IllegalArgumentException(mismatch));
        return exchange.future;
      }
      pool = pools.computeIfAbsent(target, t -> new ConnectionPool(transport, t));
    }
    pool.send(exchange);
    return exchange.future;
  }

  /**
   * Opens every connection of the pool for {@code uri}'s server now, ahead of the requests, so
   * that the first requests do not wait for TCP, TLS and HTTP/2 set-up; with HTTP/2, also runs a
   * GET of the URI through the header codecs once, off the wire. Sends no request. The
   * future completes when every connection is open, or exceptionally with the first failure (an
   * {@link HttpFailure}, or an {@link IllegalArgumentException} when the protocol does not suit
   * the scheme); a connection that failed to open is opened again by the next request, as usual.
   * Only the path of the URI is ignored.
   */
  public CompletableFuture<Void> connect(URI uri) {
    Objects.requireNonNull(uri, "uri");
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("the HTTP client is closed"));
    }
    Target target = Target.of(uri);
    String mismatch = Transport.schemeMismatch(settings.protocol(), target);
    if (mismatch != null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(mismatch));
    }
    if (settings.protocol().http2()) {
      Http2Connection.rehearseHeaders(uri, settings.compression());
    }
    return pools.computeIfAbsent(target, t -> new ConnectionPool(transport, t)).connectAll();
  }

  /**
   * Rehearses the client's HTTP/1.1 path (building, encoding, sending, parsing, completing) against
   * a server of its own on loopback inside this process, until the JIT has compiled it, so that the
   * first seconds of a run are not spent interpreting: some tens of thousands of requests, at most
   * a few seconds. As {@link #warmUp(Consumer)} with the client's own request loops.
   */
  public void warmUp() {
    warmUp(base -> WarmUp.loops(this, base, WARM_UP_REQUESTS, WARM_UP_CONNECTIONS, WARM_UP_LIMIT_NANOS));
  }

  /**
   * Rehearses a load generator's whole path, {@code load} included, against a server of the
   * client's own: calls {@code load} with that server's base URL (such as
   * {@code http://127.0.0.1:41234/warm-up/}; it answers every request it is sent with 200 and a
   * short body, in turn in a few real servers' shapes), then closes the server. {@code load} should send through this client for at
   * most a few seconds. Sends nothing to any other server, and {@link #stats()} leaves the
   * rehearsal out. The JIT's work is the process's: only the first rehearsal of a process runs;
   * later ones, HTTP/2 clients (whose header codec {@link #connect} rehearses) and closed clients
   * do nothing.
   */
  public void warmUp(Consumer<String> load) {
    warmUp(load, Duration.ZERO);
  }

  /**
   * As {@link #warmUp(Consumer)}, calling {@code load} again while the JIT still compiles hard
   * under it, until {@code atMost} has passed: what a generator that must keep a schedule of
   * thousands of arrivals a second needs, where the JIT's work would otherwise take half a core
   * through the run's first seconds. {@link Duration#ZERO} calls {@code load} once.
   */
  public void warmUp(Consumer<String> load, Duration atMost) {
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(atMost, "atMost");
    if (closed || settings.protocol() != HttpProtocol.HTTP_1_1 || !WarmUp.firstInProcess()) {
      return;
    }
    WarmUp.serve(this, load, atMost.toNanos());
  }

  Transport transport() {
    return transport;
  }

  /** Closes and drops the pool of this (cleartext) server: the warm-up's, once it is over. */
  void forget(String host, int port) {
    ConnectionPool pool = pools.remove(Target.of(false, host, port));
    if (pool != null) {
      pool.close();
    }
  }

  /** Counters since creation: connections opened, bytes sent and received. */
  public HttpClientStats stats() {
    return new HttpClientStats(
        transport.connectionsOpened.sum(), transport.bytes.sent.sum(), transport.bytes.received.sum());
  }

  /**
   * One of the client's I/O threads, as an executor: a request sent from a task on it goes to a
   * connection of that thread without a hand-off between threads (with one I/O thread, as on a
   * generator pinned to one core, to every connection). A load generator can run its own
   * scheduling there; tasks must be short, since they hold up the thread's I/O.
   */
  public ScheduledExecutorService ioExecutor() {
    return transport.group.next();
  }

  /** Whether connections use the native epoll transport (Linux) rather than NIO. */
  public boolean nativeTransport() {
    return transport.epoll;
  }

  /** Fails queued requests, closes every connection and stops the event loops. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    pools.values().forEach(ConnectionPool::close);
    transport.close();
  }
}
