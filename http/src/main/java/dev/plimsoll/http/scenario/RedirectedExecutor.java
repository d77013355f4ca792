package dev.plimsoll.http.scenario;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * An executor sending every request to one server instead of the one its URL names, keeping the
 * path and query: the run's own steps, rehearsed at the client's rehearsal server, take the run's
 * path (its prepared requests, its checks) without sending the system under test anything, whether
 * their URLs are written from the target or absolute. An HTTPS URL is sent as HTTP to the server.
 */
final class RedirectedExecutor implements RequestExecutor {
  private final RequestExecutor delegate;
  /** Scheme, host and port, as {@code http://127.0.0.1:40123}. */
  private final String server;

  RedirectedExecutor(RequestExecutor delegate, String server) {
    this.delegate = delegate;
    this.server = server;
  }

  @Override
  public CompletionStage<ResponseView> execute(String method, URI uri, Map<String, String> headers, byte[] body) {
    return delegate.execute(method, redirected(uri), headers, body);
  }

  @Override
  public CompletionStage<?> execute(String method, URI uri, Map<String, String> headers, byte[] body,
      Consumer<ResponseView> check) {
    return delegate.execute(method, redirected(uri), headers, body, check);
  }

  @Override
  public CompletionStage<?> execute(String method, String url, Map<String, String> headers, byte[] body,
      Consumer<ResponseView> check) {
    return delegate.execute(method, redirected(url), headers, body, check);
  }

  @Override
  public Prepared prepare(String method, URI uri, Map<String, String> headers, byte[] body) {
    return delegate.prepare(method, redirected(uri), headers, body);
  }

  @Override
  public ScheduledExecutorService startingExecutor() {
    return delegate.startingExecutor();
  }

  private URI redirected(URI uri) {
    return RequestExecutor.uri(redirected(uri.toString()));
  }

  /** {@code url} with its scheme and authority replaced by the server's. */
  String redirected(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url; // not absolute: the executor refuses it as it would in the run
    }
    int from = scheme + 3;
    int end = from;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    return server + url.substring(end);
  }
}
