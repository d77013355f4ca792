package dev.plimsoll.http;

import dev.plimsoll.core.text.Secrets;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Follows 301, 302, 303, 307 and 308 responses that carry a Location, up to
 * {@link HttpClientSettings#MAX_REDIRECTS} times, within the first request's deadline. 303 (and
 * 301/302 after a POST, as browsers do) turn into a GET without a body; 307 and 308 repeat the
 * method and body. The check applies to the final response only.
 */
final class Redirects {
  private Redirects() {}

  static CompletableFuture<HttpResponse> follow(HttpClient client, HttpRequest request, ResponseCheck check,
      long deadlineNanos) {
    CompletableFuture<HttpResponse> result = new CompletableFuture<>();
    hop(client, request, check, deadlineNanos, 0, 0, result);
    return result;
  }

  /** {@code firstSentAt} is when the first request of the chain went on the wire (0 on the first hop). */
  private static void hop(HttpClient client, HttpRequest request, ResponseCheck check, long deadlineNanos, int hops,
      long firstSentAt, CompletableFuture<HttpResponse> result) {
    client.exchange(request, null, deadlineNanos).whenComplete((answer, error) -> {
      if (error != null) {
        result.completeExceptionally(error);
        return;
      }
      HttpResponse response = hops == 0 ? answer : answer.sentAt(firstSentAt);
      HttpRequest next = next(request, response);
      if (next == null) {
        try {
          if (check != null) {
            check.check(response);
          }
          result.complete(response);
        } catch (Throwable t) {
          result.completeExceptionally(t);
        }
      } else if (hops >= HttpClientSettings.MAX_REDIRECTS) {
        result.completeExceptionally(new HttpProtocolException("too many redirects: more than "
            + HttpClientSettings.MAX_REDIRECTS + ", the last to " + Secrets.redactUrl(next.uri().toString()), null));
      } else {
        hop(client, next, check, deadlineNanos, hops + 1, response.sentAtNanos(), result);
      }
    });
  }

  /** The request a redirect asks for, or null if the response is not one to follow. */
  static HttpRequest next(HttpRequest request, HttpResponse response) {
    int status = response.status();
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
      return null;
    }
    String location = response.headers().get("location");
    if (location == null || location.isBlank()) {
      return null;
    }
    URI target;
    try {
      target = request.uri().resolve(location.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
    boolean keepMethod = status == 307 || status == 308
        || ((status == 301 || status == 302) && !request.method().equals("POST"));
    HttpRequest.Builder b = request.newBuilder().uri(target);
    Headers.Builder headers = request.headers().newBuilder();
    if (!keepMethod) {
      b.method(request.method().equals("HEAD") ? "HEAD" : "GET").body(new byte[0]);
      headers.removeAll("content-type").removeAll("content-length");
    }
    if (!request.target().equals(Target.of(target))) {
      // A different server must not be sent this one's Host or credentials.
      headers.removeAll("host").removeAll("authorization").removeAll("cookie");
    }
    b.headers(headers.build());
    return b.build();
  }
}
