/**
 * The HTTP protocol driver: {@link dev.plimsoll.http.HttpClient}, a load-testing HTTP/1.1 and
 * HTTP/2 client with fixed per-target connection pools, and {@link dev.plimsoll.http.HttpOperations},
 * which turns requests into Plimsoll operations.
 *
 * <p><b>Why Netty directly</b>, not Vert.x or Reactor Netty (both built on Netty): a load generator's
 * client is on the measured path of every request, so it should have the fewest layers between the
 * socket and the timestamp, and it needs full control of what those layers do. Used directly,
 * Netty lets this package decide the pooling (a fixed set of N connections per target, FIFO, as wrk
 * has, instead of an elastic pool that hides queueing), when a response counts as complete (the
 * future completes on the event loop as its last byte is read), what is allocated per request
 * (requests are encoded once and reused; bodies are counted but kept only up to a limit), and how
 * each failure is classified. Vert.x adds its own context and scheduling model, Reactor Netty a
 * reactive pipeline and its own pool; each adds work per request and hides decisions a load test
 * has to make explicitly.
 *
 * <p>Failures are {@link dev.plimsoll.http.HttpFailure} subtypes, one per kind of failure, so the
 * error classes of a run say what went wrong.
 */
package dev.plimsoll.http;
