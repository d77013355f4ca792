package dev.plimsoll.http.scenario;

/**
 * What checks and extraction see of a response: a status, headers and a body. A
 * {@link RequestExecutor} adapts its client's response type to it.
 */
interface ResponseView {

  /** The status code, e.g. 200. */
  int status();

  /** The first value of the header called {@code name} (any case), or null when there is none. */
  String header(String name);

  /** The whole body, decoded (decompressed) if the driver was asked to; never null. */
  byte[] body();

  /** What {@link #sentAtNanos} and {@link #receivedAtNanos} say when the executor does not know. */
  long UNKNOWN = Long.MIN_VALUE;

  /**
   * When the request's last byte went on the wire, in {@link System#nanoTime()}'s time (the run's
   * system clock), or {@link #UNKNOWN}. The engine reports the client's cost before it.
   */
  default long sentAtNanos() {
    return UNKNOWN;
  }

  /** When the response's last byte arrived, as {@link #sentAtNanos}; the client's cost follows it. */
  default long receivedAtNanos() {
    return UNKNOWN;
  }
}
