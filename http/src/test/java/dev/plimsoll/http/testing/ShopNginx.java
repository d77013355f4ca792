package dev.plimsoll.http.testing;

import java.nio.file.Path;

/** An nginx that answers every request of examples/scenarios/shop.yaml, for tests that run the examples. */
public final class ShopNginx {
  private static final String SHOP = """
      server {
        listen 127.0.0.1:%d;
        location = /nginx_status { stub_status; }
        location = / { default_type text/html; return 200 '<h1>shop</h1>'; }
        location = /login { default_type application/json; return 200 '{"token":"t0k3n"}'; }
        location = /orders/1 { default_type application/json; return 200 '{"id":1,"state":"open"}'; }
      }
      """;

  private ShopNginx() {}

  /** Starts it on one free loopback port, in {@code dir}. */
  public static Nginx start(Path dir) {
    return Nginx.start(dir, 1, ports -> SHOP.formatted(ports[0]));
  }
}
