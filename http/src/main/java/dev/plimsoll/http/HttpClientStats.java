package dev.plimsoll.http;

/**
 * A client's counters since it was created.
 *
 * @param connectionsOpened connects started (a pool opens each of its connections lazily, and
 *     again after one closes)
 * @param bytesSent bytes written to sockets, TLS records included
 * @param bytesReceived bytes read from sockets, TLS records included
 */
public record HttpClientStats(long connectionsOpened, long bytesSent, long bytesReceived) {}
