package dev.plimsoll.http.scenario;

import dev.plimsoll.http.Headers;
import dev.plimsoll.http.HttpClient;
import dev.plimsoll.http.HttpClientSettings;
import dev.plimsoll.http.HttpRequest;
import dev.plimsoll.http.HttpResponse;
import dev.plimsoll.http.TlsTrust;
import dev.plimsoll.scenario.driver.Action;
import dev.plimsoll.scenario.driver.ExpectedLoad;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/** Sends a scenario's requests with Plimsoll's Netty HTTP client. */
final class NettyRequestExecutor implements RequestExecutor, AutoCloseable {
  /** How long {@link #connectAhead} waits at most: a run should not wait long to start. */
  static final Duration CONNECT_AHEAD_LIMIT = Duration.ofSeconds(5);

  private final HttpClient client;
  /**
   * Checked headers by the map they were made from (by identity): a step whose headers have no
   * expression passes the same map on every call, so they are checked once, not per request.
   */
  private final CheckedHeaders[] checkedHeaders = new CheckedHeaders[16];

  private record CheckedHeaders(Map<String, String> map, Headers headers) {}

  private final ScheduledExecutorService startingExecutor;

  NettyRequestExecutor(HttpSettingsSpec spec) {
    this.client = HttpClient.create(settings(spec));
    this.startingExecutor = client.ioExecutor();
  }

  @Override
  public ScheduledExecutorService startingExecutor() {
    return startingExecutor;
  }

  static HttpClientSettings settings(HttpSettingsSpec spec) {
    TlsTrust trust = spec.insecure() ? TlsTrust.insecure()
        : spec.caFile() != null ? TlsTrust.certificates(spec.caFile()) : TlsTrust.systemDefault();
    return HttpClientSettings.builder()
        .connectionsPerTarget(spec.connections())
        .protocol(spec.protocol())
        .tlsTrust(trust)
        .connectTimeout(spec.connectTimeout())
        .requestTimeout(spec.timeout())
        .followRedirects(spec.followRedirects())
        .compression(spec.compression())
        .build();
  }

  @Override
  public CompletionStage<ResponseView> execute(String method, URI uri, Map<String, String> headers, byte[] body) {
    return send(request(method, uri, headers, body));
  }

  /** Runs the check as the client completes the response: one stage per request, not three. */
  @Override
  public CompletionStage<?> execute(String method, URI uri, Map<String, String> headers, byte[] body,
      Consumer<ResponseView> check) {
    return send(request(method, uri, headers, body), check);
  }

  /**
   * Takes a plain URL apart without {@code java.net.URI} (see {@link HttpRequest#builder(String)});
   * any other is parsed as {@link RequestExecutor#uri(String)} does, so it fails the same way.
   */
  @Override
  public CompletionStage<?> execute(String method, String url, Map<String, String> headers, byte[] body,
      Consumer<ResponseView> check) {
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.builder(url);
    } catch (IllegalArgumentException notHttp) {
      builder = HttpRequest.builder(RequestExecutor.uri(url));
    }
    return send(request(builder, method, headers, body), check);
  }

  /** Builds the request once: the client then keeps its encoded bytes too. */
  @Override
  public Prepared prepare(String method, URI uri, Map<String, String> headers, byte[] body) {
    HttpRequest request = request(method, uri, headers, body);
    return new Prepared() {
      @Override
      public CompletionStage<ResponseView> send() {
        return NettyRequestExecutor.this.send(request);
      }

      @Override
      public CompletionStage<?> send(Consumer<ResponseView> check) {
        return NettyRequestExecutor.this.send(request, check);
      }
    };
  }

  private HttpRequest request(String method, URI uri, Map<String, String> headers, byte[] body) {
    return request(HttpRequest.builder(uri), method, headers, body);
  }

  private HttpRequest request(HttpRequest.Builder request, String method, Map<String, String> headers, byte[] body) {
    request.method(method).headers(headers(headers));
    if (body.length > 0) {
      request.body(body);
    }
    return request.build();
  }

  private Headers headers(Map<String, String> map) {
    if (map.isEmpty()) {
      return Headers.empty();
    }
    int slot = System.identityHashCode(map) & (checkedHeaders.length - 1);
    CheckedHeaders known = checkedHeaders[slot];
    if (known != null && known.map() == map) {
      return known.headers();
    }
    Headers.Builder b = Headers.builder();
    map.forEach(b::add);
    Headers checked = b.build();
    // A record's fields are final, so a racing reader sees it whole or not at all.
    checkedHeaders[slot] = new CheckedHeaders(map, checked);
    return checked;
  }

  private CompletionStage<ResponseView> send(HttpRequest request) {
    return client.send(request).thenApply(Response::new);
  }

  private CompletionStage<?> send(HttpRequest request, Consumer<ResponseView> check) {
    return client.send(request, response -> check.accept(new Response(response)));
  }

  /**
   * Opens every connection to the servers, waiting at most {@link #CONNECT_AHEAD_LIMIT}: past it,
   * or when a server cannot be reached, the run starts anyway and its requests connect as usual.
   */
  @Override
  public void connectAhead(Collection<URI> servers) {
    CompletableFuture<?>[] opened = servers.stream().map(client::connect).toArray(CompletableFuture<?>[]::new);
    try {
      CompletableFuture.allOf(opened).get(CONNECT_AHEAD_LIMIT.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Not an error: the requests that fail to connect report it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Rehearses the run's whole per-request path, engine included, against the client's own server. */
  @Override
  public void warmUp() {
    warmUp(ExpectedLoad.UNKNOWN);
  }

  /**
   * A demanding run (an open model of thousands of arrivals a second) is rehearsed until the JIT has
   * compiled its path, for at most {@link #REHEARSE_AT_MOST}: otherwise the JIT takes half a core
   * through its first seconds and the schedule slips. A lighter run is not: measured on one core, a
   * closed model of 64 users reached full speed 1.7 s sooner without the rehearsal (the run's own
   * path, through its flows and checks, is compiled in its first seconds either way), and a light
   * schedule has the time to spare.
   */
  @Override
  public void warmUp(ExpectedLoad load) {
    warmUp(load, server -> List.of());
  }

  @Override
  public void warmUp(ExpectedLoad load, Function<String, List<Action>> ownSteps) {
    if (load.demanding()) {
      client.warmUp(base -> Rehearsal.run(this, base, ownSteps), REHEARSE_AT_MOST);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  /** A response as the scenario's checks and extractions see it. */
  /** On one core the JIT needs three or four rehearsals of two seconds; on more, one or two. */
  static final Duration REHEARSE_AT_MOST = Duration.ofSeconds(8);

  private record Response(HttpResponse response) implements ResponseView {
    @Override
    public int status() {
      return response.status();
    }

    @Override
    public String header(String name) {
      return response.headers().get(name);
    }

    @Override
    public byte[] body() {
      return response.body();
    }

    @Override
    public long sentAtNanos() {
      return response.sentAtNanos();
    }

    @Override
    public long receivedAtNanos() {
      return response.receivedAtNanos();
    }
  }
}
