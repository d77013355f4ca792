package dev.plimsoll.http;

import dev.plimsoll.http.testing.Nginx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 server on plain sockets that misbehaves on request, by path:
 *
 * <ul>
 *   <li>{@code /ok}: 200 with a 2-byte body, keep-alive
 *   <li>{@code /slow}: the same, after {@link #SLOW_MILLIS}
 *   <li>{@code /slow-redirect}: 302 to {@code /ok}, after {@link #SLOW_MILLIS}
 *   <li>{@code /reset}: reads the request, then resets the connection (SO_LINGER 0)
 *   <li>{@code /500}: 500 Internal Server Error
 *   <li>{@code /truncated}: announces 100 body bytes, sends 10 and closes
 *   <li>{@code /stale-next}: 200 with keep-alive, then reads the connection's next request and
 *       closes cleanly without answering it, as a server closing an idle connection does when a
 *       request crosses its close
 * </ul>
 *
 * One virtual thread per connection; every socket is closed with the server.
 */
final class MisbehavingServer implements AutoCloseable {
  static final int SLOW_MILLIS = 1_500;

  private final ServerSocket server;
  private final List<Socket> sockets = new ArrayList<>();
  private final AtomicLong requests = new AtomicLong();
  private volatile boolean closed;

  MisbehavingServer() throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("misbehaving-accept").start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  long requests() {
    return requests.get();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket s = server.accept();
        synchronized (sockets) {
          sockets.add(s);
        }
        Thread.ofVirtual().start(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      boolean dropNext = false;
      while (!closed) {
        String path = readRequest(in);
        if (path == null) {
          return;
        }
        if (dropNext) {
          return;
        }
        requests.incrementAndGet();
        switch (path) {
          case "/slow" -> {
            Thread.sleep(SLOW_MILLIS);
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
          }
          case "/slow-redirect" -> {
            Thread.sleep(SLOW_MILLIS);
            write(out, "HTTP/1.1 302 Found\r\nLocation: /ok\r\nContent-Length: 0\r\n\r\n");
          }
          case "/reset" -> {
            socket.setSoLinger(true, 0);
            return;
          }
          case "/500" -> write(out, "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\noops");
          case "/truncated" -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
            return;
          }
          case "/stale-next" -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            dropNext = true;
          }
          default -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        }
      }
    } catch (IOException | InterruptedException e) {
      // The client went away, or the server is closing.
    }
  }

  /** The request's path, after reading its head (these tests send no bodies); null at the end. */
  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b;
      try {
        b = in.read();
      } catch (SocketTimeoutException e) {
        return null;
      }
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String requestLine = head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
    String[] parts = requestLine.split(" ");
    return parts.length >= 2 ? parts[1] : "/";
  }

  private static void write(OutputStream out, String response) throws IOException {
    out.write(response.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    synchronized (sockets) {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  /** A port that nothing listens on: connects to it are refused. */
  static int refusingPort() throws IOException {
    return Nginx.freePorts(1)[0];
  }

  /**
   * A listening socket that never accepts, its accept queue filled by parked connections: further
   * connects get no answer and time out. Close it to release everything.
   */
  static final class Blackhole implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    Blackhole() throws IOException {
      server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      // Linux queues backlog + 1 connections; a few more attempts make sure the queue is full.
      for (int i = 0; i < 4; i++) {
        Socket s = new Socket();
        fillers.add(s);
        try {
          s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
        } catch (SocketTimeoutException full) {
          break;
        }
      }
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      for (Socket s : fillers) {
        s.close();
      }
      server.close();
    }
  }
}
