package dev.plimsoll.http;

import dev.plimsoll.core.AsyncOperation;
import dev.plimsoll.core.OperationContext;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns HTTP requests into Plimsoll operations. The operations are asynchronous: they complete
 * when the response is in, so the engine measures the whole exchange and an open model needs no
 * thread per request in flight. By default any status but 2xx fails the operation with an
 * {@link HttpStatusException} ("HTTP 503 Service Unavailable"), so each failing status is its own
 * error class; every other failure is an {@link HttpFailure} subtype.
 *
 * <pre>{@code
 * HttpClient client = HttpClient.create(HttpClientSettings.defaults());
 * Mix mix = Mix.builder()
 *     .addAsync("home", 8, HttpOperations.request(client, HttpRequest.get("http://127.0.0.1:8080/")))
 *     .addAsync("item", 1, HttpOperations.request(client,
 *         ctx -> HttpRequest.get("http://127.0.0.1:8080/items/" + ctx.random().nextInt(1000))))
 *     .build();
 * }</pre>
 */
public final class HttpOperations {
  private HttpOperations() {}

  /** Sends the same request every time; fails on any status but 2xx. */
  public static AsyncOperation request(HttpClient client, HttpRequest request) {
    return request(client, request, ResponseCheck.successful());
  }

  /** Sends the same request every time; the check decides what counts as a failure. */
  public static AsyncOperation request(HttpClient client, HttpRequest request, ResponseCheck check) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(check, "check");
    return context -> client.send(request, reporting(check, context));
  }

  /** Sends the request the function makes for each call; fails on any status but 2xx. */
  public static AsyncOperation request(HttpClient client, Function<OperationContext, HttpRequest> requests) {
    return request(client, requests, ResponseCheck.successful());
  }

  /** Sends the request the function makes for each call; the check decides what counts as a failure. */
  public static AsyncOperation request(
      HttpClient client, Function<OperationContext, HttpRequest> requests, ResponseCheck check) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(check, "check");
    return context -> client.send(Objects.requireNonNull(requests.apply(context), "request made by the function"),
        reporting(check, context));
  }

  /**
   * The check, after telling the engine when the request was on the wire and the answer in (for
   * the generator's health): it runs as the response completes, before the operation does.
   */
  private static ResponseCheck reporting(ResponseCheck check, OperationContext context) {
    if (context == null) {
      return check; // called outside a run, as a test may
    }
    return response -> {
      context.requestSent(response.sentAtNanos());
      context.responseReceived(response.receivedAtNanos());
      check.check(response);
    };
  }
}
