package dev.plimsoll.scenario.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A line echo server on loopback, for the echo driver's tests: it counts lines and open connections. */
public final class EchoServer implements AutoCloseable {
  private final ServerSocket server;
  final AtomicInteger lines = new AtomicInteger();
  final AtomicInteger accepted = new AtomicInteger();
  final AtomicInteger open = new AtomicInteger();

  public EchoServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("echo-accept").start(this::accept);
  }

  /** Lines echoed so far. */
  public int lines() {
    return lines.get();
  }

  /** {@code tcp://127.0.0.1:port}. */
  public String target() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        accepted.incrementAndGet();
        open.incrementAndGet();
        Thread.ofVirtual().name("echo-connection").start(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
         BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
         Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.incrementAndGet();
        out.write(line + "\n");
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.decrementAndGet();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
