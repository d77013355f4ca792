package dev.plimsoll.http.scenario;

import dev.plimsoll.http.HttpClientSettings;
import dev.plimsoll.http.HttpProtocol;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Client settings from the file's {@code http} section, passed through to the HTTP driver as they
 * are; this module does not interpret them.
 *
 * @param connections the most connections the client opens to the target
 * @param protocol HTTP/1.1, HTTP/2 over TLS, or HTTP/2 over clear text
 * @param timeout the longest a request may take, from sending to the last byte of the response
 * @param connectTimeout the longest a connection (TCP and TLS) may take to set up
 * @param insecure accept any server certificate
 * @param caFile PEM certificates to trust, resolved against the scenario file's folder; null for the JDK's
 * @param followRedirects follow 3xx responses (a flow's checks then see the final response)
 * @param compression ask for and decode gzip/deflate responses
 */
record HttpSettingsSpec(
    int connections,
    HttpProtocol protocol,
    Duration timeout,
    Duration connectTimeout,
    boolean insecure,
    Path caFile,
    boolean followRedirects,
    boolean compression) {

  /** The settings of a file without an {@code http} section: the client's own defaults. */
  public static final HttpSettingsSpec DEFAULTS = of(HttpClientSettings.defaults());

  public HttpSettingsSpec withConnections(int count) {
    return new HttpSettingsSpec(count, protocol, timeout, connectTimeout, insecure, caFile, followRedirects, compression);
  }

  private static HttpSettingsSpec of(HttpClientSettings client) {
    return new HttpSettingsSpec(client.connectionsPerTarget(), client.protocol(), client.requestTimeout(),
        client.connectTimeout(), false, null, client.followRedirects(), client.compression());
  }
}
