package dev.plimsoll.scenario.echo;

import dev.plimsoll.scenario.driver.Action;
import dev.plimsoll.scenario.driver.BuildContext;
import dev.plimsoll.scenario.driver.CheckFailedException;
import dev.plimsoll.scenario.driver.DriverSession;
import dev.plimsoll.scenario.driver.DriverStep;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One run's connections, opened on first use (at most the settings' number) and shared by every
 * step; each call borrows one, sends a line, reads the answer and gives it back. Blocking IO runs
 * on virtual threads, so an action still returns at once.
 */
final class EchoSession implements DriverSession {
  private final EchoSettings settings;
  private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private record Connection(Socket socket, Writer out, BufferedReader in) {}

  EchoSession(EchoSettings settings) {
    this.settings = settings;
    this.idle = new ArrayBlockingQueue<>(settings.connections());
  }

  boolean closed() {
    return closed;
  }

  @Override
  public Action compile(DriverStep step, BuildContext context) {
    EchoStep echo = (EchoStep) step;
    InetSocketAddress address = new InetSocketAddress(context.target().getHost(), context.target().getPort());
    return ctx -> {
      String line = echo.line().render(ctx, context.sequence());
      return CompletableFuture.supplyAsync(() -> exchange(address, line), io).thenAccept(answer -> {
        if (echo.expect() != null && !answer.contains(echo.expect())) {
          throw new CheckFailedException("check expect '" + echo.expect() + "' failed: got '" + answer + "'");
        }
        if (echo.store() != null) {
          ctx.state().put(echo.store(), answer);
        }
      });
    };
  }

  private String exchange(InetSocketAddress address, String line) {
    Connection c = borrow(address);
    try {
      c.out().write(line + "\n");
      c.out().flush();
      String answer = c.in().readLine();
      if (answer == null) {
        throw new IllegalStateException("the server closed the connection");
      }
      idle.add(c);
      return answer;
    } catch (IOException e) {
      all.remove(c);
      close(c);
      throw new UncheckedIOException(e);
    }
  }

  private Connection borrow(InetSocketAddress address) {
    Connection c = idle.poll();
    if (c != null) {
      return c;
    }
    synchronized (all) {
      if (all.size() < settings.connections()) {
        try {
          Socket socket = new Socket();
          socket.connect(address, (int) settings.timeout().toMillis());
          socket.setSoTimeout((int) settings.timeout().toMillis());
          c = new Connection(socket, new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8),
              new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)));
          all.add(c);
          return c;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    try {
      c = idle.poll(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (c == null) {
      throw new IllegalStateException("no connection free within " + settings.timeout());
    }
    return c;
  }

  @Override
  public void close() {
    closed = true;
    io.shutdownNow();
    all.forEach(EchoSession::close);
  }

  private static void close(Connection c) {
    try {
      c.socket().close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
