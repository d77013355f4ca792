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

  HttpResponse(HttpRequest request, HttpProtocol protocol, int status, String reason, Headers headers,
      byte[] body, long bodySize) {
    this.request = request;
    this.protocol = protocol;
    this.status = status;
    this.reason = reason;
    this.headers = headers;
    this.body = body;
    this.bodySize = bodySize;
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
