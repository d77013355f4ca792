package dev.plimsoll.http.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx for tests, started from a temporary prefix on free loopback ports, in the
 * foreground and as one process ({@code master_process off}), so it runs as the test's user and
 * dies with {@link #close()}. Tests that need it are skipped, saying why, when nginx is not
 * installed ({@code apt-get install nginx}; .ci/run installs it). Shared with other modules' tests
 * through this module's test jar, so in a package of its own: on the class path beside the module
 * {@code dev.plimsoll.http}, a class of the package {@code dev.plimsoll.http} would be hidden.
 */
public final class Nginx implements AutoCloseable {
  private static final String HTTP_BLOCK = """
      master_process off;
      daemon off;
      worker_rlimit_nofile 8192;
      pid %1$s/nginx.pid;
      error_log %1$s/error.log warn;
      events { worker_connections 4096; }
      http {
        access_log off;
        keepalive_requests 1000000;
        keepalive_timeout 75s;
        client_body_temp_path %1$s/body; proxy_temp_path %1$s/proxy; fastcgi_temp_path %1$s/fcgi;
        uwsgi_temp_path %1$s/uwsgi; scgi_temp_path %1$s/scgi;
        default_type text/plain;
      %2$s
      }
      """;

  public final Path dir;
  private final int[] ports;
  private final Process process;

  private Nginx(Path dir, int[] ports, Process process) {
    this.dir = dir;
    this.ports = ports;
    this.process = process;
  }

  public static void assumeInstalled() {
    assumeTrue(installed(), "nginx is not installed (apt-get install nginx): skipping tests against a real nginx");
  }

  public static boolean installed() {
    try {
      Process p = new ProcessBuilder("nginx", "-v").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public static String version() {
    try {
      Process p = new ProcessBuilder("nginx", "-v").redirectErrorStream(true).start();
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  public interface PortsConfig {
    String servers(int[] ports);
  }

  /** Starts nginx with the server blocks that {@code servers} makes from {@code portCount} free ports. */
  public static Nginx start(Path dir, int portCount, PortsConfig servers) {
    assumeInstalled();
    try {
      int[] ports = freePorts(portCount);
      Path conf = dir.resolve("nginx.conf");
      Files.writeString(conf, HTTP_BLOCK.formatted(dir, servers.servers(ports)));
      Process process = new ProcessBuilder("nginx", "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
          "-c", conf.toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("stdout.log").toFile())
          .start();
      Nginx nginx = new Nginx(dir, ports, process);
      nginx.awaitListening();
      return nginx;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port(int index) {
    return ports[index];
  }

  public String url(int portIndex, String path) {
    return "http://127.0.0.1:" + ports[portIndex] + path;
  }

  /** nginx's count of requests (stub_status), this request included. */
  public long requests(int portIndex) {
    return Long.parseLong(status(portIndex)[2].trim().split("\\s+")[2]);
  }

  /** stub_status's lines: "Active connections: 1 \nserver accepts handled requests\n 1 1 1 \n...". */
  private String[] status(int portIndex) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url(portIndex, "/nginx_status")).toURL().openConnection();
      c.setConnectTimeout(2000);
      c.setReadTimeout(2000);
      try (InputStream in = c.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n");
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** nginx's count of open client connections (stub_status), this request's included. */
  public long activeConnections(int portIndex) {
    return Long.parseLong(status(portIndex)[0].replaceAll("[^0-9]", ""));
  }

  String errorLog() {
    try {
      return Files.readString(dir.resolve("error.log"));
    } catch (IOException e) {
      return "(no error log: " + e.getMessage() + ")";
    }
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    for (int port : ports) {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("nginx exited with " + process.exitValue() + ": " + errorLog()
              + Files.readString(dir.resolve("stdout.log")));
        }
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", port), 200);
          break;
        } catch (IOException notYet) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("nginx did not listen on " + port + " within 15 s: " + errorLog());
          }
          sleep(20);
        }
      }
    }
  }

  public static int[] freePorts(int count) throws IOException {
    ServerSocket[] sockets = new ServerSocket[count];
    int[] ports = new int[count];
    try {
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        ports[i] = sockets[i].getLocalPort();
      }
    } finally {
      for (ServerSocket s : sockets) {
        if (s != null) {
          s.close();
        }
      }
    }
    return ports;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
