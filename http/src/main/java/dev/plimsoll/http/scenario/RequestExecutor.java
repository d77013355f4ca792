package dev.plimsoll.http.scenario;

import java.net.URI;
import dev.plimsoll.scenario.driver.ExpectedLoad;
import dev.plimsoll.scenario.driver.Action;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Sends one request of a scenario and completes with its response. The HTTP driver renders each
 * request step and hands it here; checks, extraction, think time and measurement stay on the
 * driver's side. Runs use the Netty client; tests may pass their own with {@link HttpDriver#using}.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Return at once; never block the calling thread waiting for the response (closed-model users
 *       and open-model arrivals are virtual threads, continuations may run on any thread).
 *   <li>Complete normally with any response the server gave, whatever its status: deciding what is
 *       a failure is the checks' job. Complete exceptionally only when there is no response
 *       (connection refused, timeout, protocol error); the exception's type and message become the
 *       error class in the report, so keep messages stable (no per-request ids).
 *   <li>Send {@code headers} as given, in order, plus whatever the protocol requires (Host,
 *       Content-Length).
 * </ul>
 */
interface RequestExecutor {

  /**
   * Sends a request.
   *
   * @param method the HTTP method, upper case
   * @param uri the absolute URI (the scenario's target already applied)
   * @param headers header names and values, in the order to send them; unmodifiable
   * @param body the body; an empty array when there is none, never null. It may be shared between
   *     calls (a {@code bodyFile}), so read it, never modify it
   */
  CompletionStage<ResponseView> execute(String method, URI uri, Map<String, String> headers, byte[] body);

  /**
   * Sends a request and checks its response: the stage completes when {@code check} has accepted
   * the response, or exceptionally with what it threw (or with the executor's failure). The default
   * is {@link #execute(String, URI, Map, byte[])} followed by the check; a driver can run the check
   * as the response completes instead, sparing a stage per request.
   */
  default CompletionStage<?> execute(String method, URI uri, Map<String, String> headers, byte[] body,
      Consumer<ResponseView> check) {
    return checked(execute(method, uri, headers, body), check);
  }

  /**
   * As {@link #execute(String, URI, Map, byte[], Consumer)}, for an absolute URL (the scenario's
   * target already applied) that nobody has parsed yet: scenarios send templated URLs, a new one
   * per call, and a driver that takes a plain URL apart for less than {@code java.net.URI} does
   * saves that on every call. It must fail an invalid URL as {@link #uri(String)} does. The default
   * parses it with {@link #uri(String)}.
   */
  default CompletionStage<?> execute(String method, String url, Map<String, String> headers, byte[] body,
      Consumer<ResponseView> check) {
    return execute(method, uri(url), headers, body, check);
  }

  /**
   * Parses an absolute URL as scenarios do.
   *
   * @throws IllegalArgumentException "invalid URL '...': why" when it is not a URI
   */
  static URI uri(String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid URL '" + url + "': " + e.getMessage());
    }
  }

  /** The response stage followed by the check, as the defaults do it. */
  static CompletionStage<?> checked(CompletionStage<ResponseView> response, Consumer<ResponseView> check) {
    if (response == null) {
      throw new IllegalStateException("the request executor returned null instead of a CompletionStage");
    }
    return response.thenAccept(check);
  }

  /**
   * Prepares a request that is the same on every call (no expression in its URL, headers or body),
   * to be sent any number of times, from any thread. Arguments and failures as for
   * {@link #execute}: what this throws, the caller treats as that call's failure and asks again next
   * time. The default sends through {@link #execute} each time; a driver can do its per-request
   * work here once instead (parsing the URI, validating and encoding the request).
   */
  default Prepared prepare(String method, URI uri, Map<String, String> headers, byte[] body) {
    return () -> execute(method, uri, headers, body);
  }

  /**
   * Gets ready to send to these servers (scheme, host and port; paths are ignored) before the run
   * starts: opens connections, exercises code paths. Sends no request the servers would count.
   * Returns within a few seconds whatever happens; failures are not errors (the requests that then
   * fail report them). The default does nothing.
   */
  default void connectAhead(Collection<URI> servers) {}

  /** Before the run: rehearses the driver's own code paths, sending nothing to the system under test. */
  default void warmUp() {}

  /** As {@link #warmUp()}, for a run as hard as {@code load}: a demanding one is rehearsed longer. */
  default void warmUp(ExpectedLoad load) {
    warmUp();
  }

  /**
   * As {@link #warmUp(ExpectedLoad)}, rehearsing the run's own steps too: {@code ownSteps} gives
   * them sending to a rehearsal server's base URL instead of the target (those it can redirect).
   */
  default void warmUp(ExpectedLoad load, Function<String, List<Action>> ownSteps) {
    warmUp(load);
  }

  /** The thread requests are cheapest to send from, or null; see {@link dev.plimsoll.scenario.driver.DriverSession#startingExecutor()}. */
  default ScheduledExecutorService startingExecutor() {
    return null;
  }

  /** A request prepared once by {@link #prepare}. */
  @FunctionalInterface
  interface Prepared {

    /** Sends the request again; as {@link RequestExecutor#execute(String, URI, Map, byte[])}. */
    CompletionStage<ResponseView> send();

    /** Sends the request again and checks the response; as {@link RequestExecutor#execute(String, URI, Map, byte[], Consumer)}. */
    default CompletionStage<?> send(Consumer<ResponseView> check) {
      return checked(send(), check);
    }
  }
}
