package dev.plimsoll.http;

import dev.plimsoll.core.InvalidConfigurationException;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link HttpClient} connects and what it keeps. Immutable; make one with {@link #builder()}
 * or change a copy with {@link #newBuilder()}.
 *
 * <pre>{@code
 * HttpClientSettings settings = HttpClientSettings.builder()
 *     .connectionsPerTarget(128)
 *     .protocol(HttpProtocol.H2)
 *     .tlsTrust(TlsTrust.certificates(Path.of("ca.pem")))
 *     .requestTimeout(Duration.ofSeconds(2))
 *     .build();
 * }</pre>
 */
public final class HttpClientSettings {

  /** Redirects followed for one request when {@link Builder#followRedirects(boolean)} is on. */
  public static final int MAX_REDIRECTS = 5;

  // The defaults of every way HTTP is configured: this builder, a scenario file's http section
  // (HttpSettingsSpec.DEFAULTS is derived from defaults()) and `plimsoll http`. Written only here.
  public static final int DEFAULT_CONNECTIONS_PER_TARGET = 64;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Long enough for a slow response under load, short enough that a hung server shows as errors. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_RESPONSE_BODY_BYTES = 1 << 20;
  static final int MAX_CONNECTIONS_PER_TARGET = 100_000;
  /** The longest connect or request timeout: a day. */
  static final Duration MAX_TIMEOUT = Duration.ofDays(1);

  private final int connectionsPerTarget;
  private final HttpProtocol protocol;
  private final TlsTrust tlsTrust;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final boolean followRedirects;
  private final boolean compression;
  private final int maxResponseBodyBytes;
  private final int ioThreads;

  private HttpClientSettings(Builder b) {
    this.connectionsPerTarget = b.connectionsPerTarget;
    this.protocol = b.protocol;
    this.tlsTrust = b.tlsTrust;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.followRedirects = b.followRedirects;
    this.compression = b.compression;
    this.maxResponseBodyBytes = b.maxResponseBodyBytes;
    this.ioThreads = b.ioThreads;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every setting at its default. */
  public static HttpClientSettings defaults() {
    return builder().build();
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  /** Keep-alive connections per target (scheme, host, port), like wrk's {@code -c}. */
  public int connectionsPerTarget() {
    return connectionsPerTarget;
  }

  public HttpProtocol protocol() {
    return protocol;
  }

  public TlsTrust tlsTrust() {
    return tlsTrust;
  }

  /** The longest a TCP connect (and, for TLS, the handshake) may take. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The longest from {@link HttpClient#send} until the whole response is in, queueing included. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Whether 3xx responses with a Location are followed, up to {@link #MAX_REDIRECTS}. */
  public boolean followRedirects() {
    return followRedirects;
  }

  /** Whether gzip and deflate are asked for (Accept-Encoding) and decoded. */
  public boolean compression() {
    return compression;
  }

  /** The most body bytes kept per response; the rest is counted in the body size and discarded. */
  public int maxResponseBodyBytes() {
    return maxResponseBodyBytes;
  }

  /** Event-loop threads shared by all connections. */
  public int ioThreads() {
    return ioThreads;
  }

  @Override
  public String toString() {
    return "HttpClientSettings{connectionsPerTarget=" + connectionsPerTarget
        + ", protocol=" + protocol
        + ", tlsTrust=" + tlsTrust
        + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout
        + ", followRedirects=" + followRedirects
        + ", compression=" + compression
        + ", maxResponseBodyBytes=" + maxResponseBodyBytes
        + ", ioThreads=" + ioThreads + '}';
  }

  /**
   * Builds {@link HttpClientSettings}. Each setter checks its value at once and throws an
   * {@link InvalidConfigurationException} naming the setting ({@code http.<setting>}).
   */
  public static final class Builder {
    private int connectionsPerTarget = DEFAULT_CONNECTIONS_PER_TARGET;
    private HttpProtocol protocol = HttpProtocol.HTTP_1_1;
    private TlsTrust tlsTrust = TlsTrust.systemDefault();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private boolean followRedirects;
    private boolean compression;
    private int maxResponseBodyBytes = DEFAULT_MAX_RESPONSE_BODY_BYTES;
    private int ioThreads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    private Builder(HttpClientSettings s) {
      connectionsPerTarget = s.connectionsPerTarget;
      protocol = s.protocol;
      tlsTrust = s.tlsTrust;
      connectTimeout = s.connectTimeout;
      requestTimeout = s.requestTimeout;
      followRedirects = s.followRedirects;
      compression = s.compression;
      maxResponseBodyBytes = s.maxResponseBodyBytes;
      ioThreads = s.ioThreads;
    }

    /** @throws InvalidConfigurationException unless between 1 and 100,000 */
    public Builder connectionsPerTarget(int connections) {
      require(connections >= 1 && connections <= MAX_CONNECTIONS_PER_TARGET, "connectionsPerTarget",
          "must be between 1 and " + MAX_CONNECTIONS_PER_TARGET + " (was " + connections + ")");
      this.connectionsPerTarget = connections;
      return this;
    }

    public Builder protocol(HttpProtocol httpProtocol) {
      require(httpProtocol != null, "protocol", "is required (HTTP_1_1, H2 or H2C)");
      this.protocol = httpProtocol;
      return this;
    }

    public Builder tlsTrust(TlsTrust trust) {
      require(trust != null, "tlsTrust", "is required (systemDefault, certificates(pem) or insecure)");
      this.tlsTrust = trust;
      return this;
    }

    /** @throws InvalidConfigurationException unless positive and at most a day */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = checkTimeout("connectTimeout", timeout);
      return this;
    }

    /** @throws InvalidConfigurationException unless positive and at most a day */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = checkTimeout("requestTimeout", timeout);
      return this;
    }

    public Builder followRedirects(boolean follow) {
      this.followRedirects = follow;
      return this;
    }

    public Builder compression(boolean enabled) {
      this.compression = enabled;
      return this;
    }

    /** @throws InvalidConfigurationException if negative */
    public Builder maxResponseBodyBytes(int bytes) {
      require(bytes >= 0, "maxResponseBodyBytes", "must be >= 0 (was " + bytes + ")");
      this.maxResponseBodyBytes = bytes;
      return this;
    }

    /** @throws InvalidConfigurationException unless between 1 and 1,024 */
    public Builder ioThreads(int threads) {
      require(threads >= 1 && threads <= 1024, "ioThreads", "must be between 1 and 1024 (was " + threads + ")");
      this.ioThreads = threads;
      return this;
    }

    public HttpClientSettings build() {
      return new HttpClientSettings(this);
    }

    private static Duration checkTimeout(String name, Duration timeout) {
      require(timeout != null, name, "is required");
      require(!timeout.isNegative() && !timeout.isZero() && timeout.compareTo(MAX_TIMEOUT) <= 0, name,
          "must be > 0s and at most " + Units.formatDuration(MAX_TIMEOUT) + " (was " + Units.formatDuration(timeout) + ")");
      return timeout;
    }

    private static void require(boolean condition, String setting, String problem) {
      if (!condition) {
        throw new InvalidConfigurationException("http." + setting, problem);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpClientSettings s
        && connectionsPerTarget == s.connectionsPerTarget
        && protocol == s.protocol
        && tlsTrust.equals(s.tlsTrust)
        && connectTimeout.equals(s.connectTimeout)
        && requestTimeout.equals(s.requestTimeout)
        && followRedirects == s.followRedirects
        && compression == s.compression
        && maxResponseBodyBytes == s.maxResponseBodyBytes
        && ioThreads == s.ioThreads;
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectionsPerTarget, protocol, tlsTrust, connectTimeout, requestTimeout,
        followRedirects, compression, maxResponseBodyBytes, ioThreads);
  }
}
