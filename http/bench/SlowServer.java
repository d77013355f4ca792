import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A deliberately slow HTTP server for the many-connections benchmark: every response waits
 * DELAY_MS, on a virtual thread, so many requests stay in flight, each on its own connection.
 * Loopback only. Run: java http/bench/SlowServer.java PORT DELAY_MS
 */
public class SlowServer {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    long delayMs = Long.parseLong(args[1]);
    byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 20_000);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", exchange -> {
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    System.out.println("slow server on 127.0.0.1:" + port + ", " + delayMs + " ms per response");
  }
}
