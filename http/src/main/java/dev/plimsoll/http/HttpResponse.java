package dev.plimsoll.http;

import java.nio.charset.StandardCharsets;

/**
 * A complete response. The body kept is at most {@link HttpClientSettings#maxResponseBodyBytes()}
 * long; {@link #bodySize()} counts every body byte received (after decompression), kept or not.
 * Immutable.
 */
public final class HttpResponse {
  private final HttpRequest request;
  private final HttpProtocol protocol;
  private final int status;
  private final String reason;
  private final Headers headers;
  private final byte[] body;
  private final long bodySize;
  private final long sentAtNanos;
  private final long receivedAtNanos;

  HttpResponse(HttpRequest request, HttpProtocol protocol, int status, String reason, Headers headers,
      byte[] body, long bodySize, long sentAtNanos, long receivedAtNanos) {
    this.request = request;
    this.protocol = protocol;
    this.status = status;
    this.reason = reason;
    this.headers = headers;
    this.body = body;
    this.bodySize = bodySize;
    this.sentAtNanos = sentAtNanos;
    this.receivedAtNanos = receivedAtNanos;
  }

  /** This response with another request's time on the wire: the first of a chain of redirects. */
  HttpResponse sentAt(long nanos) {
    return new HttpResponse(request, protocol, status, reason, headers, body, bodySize, nanos, receivedAtNanos);
  }

  /**
   * When the request went on the wire: the write of the whole request (HTTP/1.1) or of its HEADERS
   * frame (HTTP/2; a body follows as flow control lets it) completed. In {@link System#nanoTime()}'s
   * time, which the engine's system clock reads too, so it compares with an operation's start;
   * after redirects, the first request's; 0 when unknown (the write was not confirmed before the
   * answer came). The client's own cost before a request is the time from the operation's intended
   * start to this.
   */
  public long sentAtNanos() {
    return sentAtNanos;
  }

  /**
   * When the response's last byte was read, in {@link System#nanoTime()}'s time. Whatever happens
   * after this (checks, the caller's own code) is the client's cost, not the server's.
   */
  public long receivedAtNanos() {
    return receivedAtNanos;
  }

  /** The request this answers: after redirects, the last one sent. */
  public HttpRequest request() {
    return request;
  }

  /** The protocol this response came over. */
  public HttpProtocol protocol() {
    return protocol;
  }

  public int status() {
    return status;
  }

  /**
   * The reason phrase: the server's for HTTP/1.1, the standard one for HTTP/2 (which sends none),
   * e.g. "Service Unavailable"; empty for a code without a standard phrase.
   */
  public String reason() {
    return reason;
  }

  /** True for 2xx. */
  public boolean successful() {
    return status >= 200 && status < 300;
  }

  public Headers headers() {
    return headers;
  }

  /** A copy of the body bytes kept (possibly truncated, see {@link #bodyTruncated()}). */
  public byte[] body() {
    return body.clone();
  }

  /** The body bytes kept, decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The number of body bytes kept. */
  public int bodyLength() {
    return body.length;
  }

  /** Every body byte received, kept or discarded. */
  public long bodySize() {
    return bodySize;
  }

  public boolean bodyTruncated() {
    return bodySize > body.length;
  }

  @Override
  public String toString() {
    return protocol.label() + " " + status + (reason.isEmpty() ? "" : " " + reason) + " (" + bodySize + " body bytes) for "
        + request;
  }
}
