package dev.plimsoll.http.scenario;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request executor that answers like a tiny shop, in memory, and records every request:
 * {@code GET /} 200; {@code POST /login} 200 with a token for the user named in the body;
 * {@code GET /orders/N} 200 with a JSON order when the bearer token is one it issued, else 401.
 */
final class InMemoryShop implements RequestExecutor {

  record Request(String method, URI uri, Map<String, String> headers, String body) {}

  record Response(int status, Map<String, String> headers, byte[] body) implements ResponseView {
    @Override
    public String header(String name) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
      return null;
    }
  }

  final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
  final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  volatile int orderStatus = 200;

  @Override
  public CompletionStage<ResponseView> execute(String method, URI uri, Map<String, String> headers, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    requests.add(new Request(method, uri, headers, text));
    String path = uri.getPath();
    byPath.computeIfAbsent(path.contains("/orders/") ? method + " /orders/*" : method + " " + path, k -> new AtomicInteger())
        .incrementAndGet();
    if (method.equals("POST") && path.endsWith("/login")) {
      String token = "t" + issued.incrementAndGet();
      tokens.put(token, text);
      return respond(200, Map.of("Set-Cookie", "sid=" + token), "{\"token\":\"" + token + "\"}");
    }
    if (path.contains("/orders/")) {
      String auth = headers.getOrDefault("Authorization", "");
      if (!auth.startsWith("Bearer ") || !tokens.containsKey(auth.substring(7))) {
        return respond(401, Map.of(), "{\"error\":\"who are you\"}");
      }
      return respond(orderStatus, Map.of("Content-Type", "application/json"),
          "{\"id\":" + path.substring(path.lastIndexOf('/') + 1) + ",\"state\":\"open\",\"items\":[{\"sku\":\"a\"}]}");
    }
    return respond(200, Map.of(), "<h1>shop</h1>");
  }

  int count(String methodAndPath) {
    AtomicInteger n = byPath.get(methodAndPath);
    return n == null ? 0 : n.get();
  }

  List<Request> all() {
    return List.copyOf(requests);
  }

  private static CompletableFuture<ResponseView> respond(int status, Map<String, String> headers, String body) {
    return CompletableFuture.completedFuture(new Response(status, headers, body.getBytes(StandardCharsets.UTF_8)));
  }
}
