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
}
