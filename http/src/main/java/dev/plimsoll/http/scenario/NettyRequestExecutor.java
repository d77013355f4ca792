package dev.plimsoll.http.scenario;

import dev.plimsoll.http.HttpClient;
import dev.plimsoll.http.HttpClientSettings;
import dev.plimsoll.http.HttpRequest;
import dev.plimsoll.http.HttpResponse;
import dev.plimsoll.http.TlsTrust;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Sends a scenario's requests with Plimsoll's Netty HTTP client. */
final class NettyRequestExecutor implements RequestExecutor, AutoCloseable {
  private final HttpClient client;

  NettyRequestExecutor(HttpSettingsSpec spec) {
    this.client = HttpClient.create(settings(spec));
  }

  static HttpClientSettings settings(HttpSettingsSpec spec) {
    TlsTrust trust = spec.insecure() ? TlsTrust.insecure()
        : spec.caFile() != null ? TlsTrust.certificates(spec.caFile()) : TlsTrust.systemDefault();
    return HttpClientSettings.builder()
        .connectionsPerTarget(spec.connections())
        .protocol(spec.protocol())
        .tlsTrust(trust)
        .connectTimeout(spec.connectTimeout())
        .requestTimeout(spec.timeout())
        .followRedirects(spec.followRedirects())
        .compression(spec.compression())
        .build();
  }

  @Override
  public CompletionStage<ResponseView> execute(String method, URI uri, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request = HttpRequest.builder(uri).method(method);
    headers.forEach(request::header);
    if (body.length > 0) {
      request.body(body);
    }
    return client.send(request.build()).thenApply(Response::new);
  }

  @Override
  public void close() {
    client.close();
  }

  /** A response as the scenario's checks and extractions see it. */
  private record Response(HttpResponse response) implements ResponseView {
    @Override
    public int status() {
      return response.status();
    }

    @Override
    public String header(String name) {
      return response.headers().get(name);
    }

    @Override
    public byte[] body() {
      return response.body();
    }
  }
}
