package dev.plimsoll.http;

/** One open connection as its slot sees it. All methods run on the connection's event loop. */
interface Connection {

  /** Whether a new exchange may start on it: open, and not closing or draining. */
  boolean usable();

  /** Sends the exchange's request; the response, or the failure, ends it. */
  void start(Exchange exchange);

  void close();
}
