package dev.plimsoll.http;

import dev.plimsoll.core.text.Secrets;
import io.netty.buffer.ByteBuf;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One HTTP request: method, absolute http(s) URI, header fields and body. Immutable, so one
 * instance can be sent any number of times from any thread; the client then encodes it once.
 *
 * <pre>{@code
 * HttpRequest search = HttpRequest.get("http://127.0.0.1:8080/search?q=boots");
 * HttpRequest order = HttpRequest.builder("http://127.0.0.1:8080/orders")
 *     .post("{\"sku\":42}".getBytes(UTF_8))
 *     .header("content-type", "application/json")
 *     .build();
 * }</pre>
 */
public final class HttpRequest {
  private static final byte[] NO_BODY = new byte[0];

  private final String method;
  /** The URI: as given, or parsed from {@link #plain}'s text when first asked for. */
  private volatile URI uri;
  /** A plain URL given as text (see {@link PlainUrl}), not parsed unless asked for; else null. */
  private final PlainUrl plain;
  private final String uriText;
  private final String pathAndQuery;
  private final Headers headers;
  private final byte[] body;
  private final Target target;

  // Encoded forms, made by Encodings and reused. Event loops may race to fill one; they make equal
  // values, and volatile publishes them safely.
  volatile ByteBuf http1;
  volatile ByteBuf http1Compressed;
  volatile Object h2;
  volatile Object h2Compressed;
  /** Set on the first HTTP/1.1 send: the encoding is kept from the second on (a request sent once never is). */
  volatile boolean sent;

  private HttpRequest(Builder b) {
    this.method = b.method;
    this.uri = b.uri;
    this.plain = b.plain;
    this.uriText = b.uriText;
    this.headers = b.headers != null ? b.headers.build() : b.fixedHeaders;
    this.body = b.body;
    if (plain != null) {
      this.pathAndQuery = plain.pathAndQuery();
      this.target = Target.of(plain.tls(), plain.host(), plain.port());
    } else {
      this.pathAndQuery = pathAndQuery(uri);
      this.target = Target.of(uri);
    }
  }

  public static HttpRequest get(String uri) {
    return builder(uri).build();
  }

  public static HttpRequest get(URI uri) {
    return builder(uri).build();
  }

  /**
   * A builder for this URL. A URL in the plain form most load tests use is taken apart without
   * {@code java.net.URI} (whose parser would cost more than the rest of building the request);
   * the {@link #uri()} is made from it only if asked for.
   */
  public static Builder builder(String uri) {
    return new Builder().uri(uri);
  }

  public static Builder builder(URI uri) {
    return new Builder().uri(uri);
  }

  public Builder newBuilder() {
    Builder b = new Builder();
    b.method = method;
    b.uri = plain == null ? uri : null;
    b.plain = plain;
    b.uriText = uriText;
    b.fixedHeaders = headers;
    b.body = body;
    return b;
  }

  /** Upper-case method token, e.g. GET. */
  public String method() {
    return method;
  }

  public URI uri() {
    URI u = uri;
    if (u == null) {
      u = URI.create(uriText);
      uri = u;
    }
    return u;
  }

  public Headers headers() {
    return headers;
  }

  /** A copy of the body (empty when there is none). */
  public byte[] body() {
    return body.length == 0 ? body : body.clone();
  }

  public int bodyLength() {
    return body.length;
  }

  byte[] bodyUnsafe() {
    return body;
  }

  Target target() {
    return target;
  }

  /** The path and query as sent on the request line, e.g. {@code /search?q=boots}. */
  String pathAndQuery() {
    return pathAndQuery;
  }

  private static String pathAndQuery(URI uri) {
    String path = uri.getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    String query = uri.getRawQuery();
    return query == null ? path : path + '?' + query;
  }

  /** The method and URI, the URI's user information and secret query values masked. */
  @Override
  public String toString() {
    return method + " " + Secrets.redactUrl(plain != null ? uriText : uri.toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpRequest r
        && method.equals(r.method)
        && uri().equals(r.uri())
        && headers.equals(r.headers)
        && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, uri(), headers, Arrays.hashCode(body));
  }

  private static URI parse(String uri) {
    Objects.requireNonNull(uri, "uri");
    try {
      return URI.create(uri);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Secrets.redactText("request URI '" + uri + "' is not a valid URI: " + e.getMessage()));
    }
  }

  /** Builds an {@link HttpRequest}: GET without a body unless told otherwise. */
  public static final class Builder {
    private String method = "GET";
    private URI uri;
    private PlainUrl plain;
    private String uriText;
    /** Headers set as a whole, used as they are until a header is added (then copied into a builder). */
    private Headers fixedHeaders = Headers.empty();
    private Headers.Builder headers;
    private byte[] body = NO_BODY;

    private Builder() {}

    /** @throws IllegalArgumentException unless an absolute http or https URI with a host */
    public Builder uri(URI target) {
      Objects.requireNonNull(target, "uri");
      String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException(
            "request URI '" + Secrets.redactUrl(target.toString()) + "' must be absolute with scheme http or https");
      }
      if (target.getHost() == null || target.getHost().isEmpty()) {
        throw new IllegalArgumentException("request URI '" + Secrets.redactUrl(target.toString()) + "' has no host");
      }
      this.uri = target;
      this.plain = null;
      this.uriText = null;
      return this;
    }

    /** @throws IllegalArgumentException unless an absolute http or https URI with a host */
    public Builder uri(String target) {
      PlainUrl p = PlainUrl.parse(Objects.requireNonNull(target, "uri"));
      if (p == null) {
        return uri(parse(target));
      }
      this.uri = null;
      this.plain = p;
      this.uriText = target;
      return this;
    }

    /** @throws IllegalArgumentException unless an HTTP token such as GET, POST or PROPFIND */
    public Builder method(String name) {
      Objects.requireNonNull(name, "method");
      this.method = switch (name) {
        // The common ones, as they are: no check or case change needed.
        case "GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS" -> name;
        default -> {
          if (!isToken(name)) {
            throw new IllegalArgumentException("method '" + name + "' is not an HTTP token");
          }
          yield name.toUpperCase(Locale.ROOT);
        }
      };
      return this;
    }

    private static boolean isToken(String name) {
      if (name.isEmpty()) {
        return false;
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
          return false;
        }
      }
      return true;
    }

    public Builder header(String name, String value) {
      if (headers == null) {
        headers = fixedHeaders.newBuilder();
      }
      headers.add(name, value);
      return this;
    }

    /** Replaces the headers with these (already checked, so this is cheap). */
    public Builder headers(Headers all) {
      fixedHeaders = Objects.requireNonNull(all, "headers");
      headers = null;
      return this;
    }

    /** The body, copied. */
    public Builder body(byte[] bytes) {
      body = Objects.requireNonNull(bytes, "body").length == 0 ? NO_BODY : bytes.clone();
      return this;
    }

    public Builder body(String text) {
      return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public Builder get() {
      return method("GET");
    }

    public Builder post(byte[] bytes) {
      return method("POST").body(bytes);
    }

    /** POST with the text as a UTF-8 body. */
    public Builder post(String text) {
      return method("POST").body(text);
    }

    public Builder put(byte[] bytes) {
      return method("PUT").body(bytes);
    }

    public Builder delete() {
      return method("DELETE");
    }

    public Builder head() {
      return method("HEAD");
    }

    /**
     * The request. A URI with user information ({@code http://alice:pass@host/}) is sent with
     * {@code Authorization: Basic} for it, as curl does, unless an Authorization header is given;
     * the user information itself never goes on the wire.
     */
    public HttpRequest build() {
      if (uri == null && plain == null) {
        throw new IllegalStateException("request URI is not set");
      }
      if (uri != null && uri.getRawUserInfo() != null) {
        Headers current = headers != null ? headers.build() : fixedHeaders;
        if (!current.contains("authorization")) {
          headers = current.newBuilder().add("authorization", BasicAuth.header(uri.getRawUserInfo()));
        }
      }
      return new HttpRequest(this);
    }
  }
}
