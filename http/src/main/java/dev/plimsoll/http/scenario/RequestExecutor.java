package dev.plimsoll.http.scenario;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletionStage;

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
}
