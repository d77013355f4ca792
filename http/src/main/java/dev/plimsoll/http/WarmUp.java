package dev.plimsoll.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Runs the client's HTTP/1.1 path against a server of its own, on loopback inside this process,
 * until the JIT has compiled it: the first seconds of a run are otherwise spent interpreting, when
 * a load generator that should keep a schedule is slowest. Nothing is sent anywhere else, and the
 * client's counters leave the rehearsal out.
 */
final class WarmUp {
  private static final AtomicBoolean DONE = new AtomicBoolean();
  /**
   * While the compiler threads take more than this share of a core under the rehearsal's load,
   * that load still makes the JIT compile more (methods crossing its thresholds, recompiled with
   * fuller profiles): another round is worth it.
   */
  private static final double STILL_COMPILING_SHARE = 0.10;
  private static final long COMPILER_QUIET_NANOS = 250_000_000;
  /** Compiling for less than this share of one core is the JIT's background hum, not a queue. */
  private static final double COMPILER_QUIET_SHARE = 0.05;
  private static final long COMPILER_POLL_NANOS = 25_000_000;
  private static final long COMPILER_WAIT_LIMIT_NANOS = 3_000_000_000L;

  private WarmUp() {}

  /** True once per process: the caller rehearses; the JIT keeps what it compiled for every client after. */
  static boolean firstInProcess() {
    return DONE.compareAndSet(false, true);
  }

  /**
   * Runs {@code load} with the base URL of a server on loopback that answers every request, then
   * closes the server and takes what the rehearsal added out of the client's counters.
   */
  static void serve(HttpClient client, Consumer<String> load, long atMostNanos) {
    Transport transport = client.transport();
    long opened = transport.connectionsOpened.sum();
    long sent = transport.bytes.sent.sum();
    long received = transport.bytes.received.sum();
    Channel server = new ServerBootstrap()
        .group(transport.group)
        .channel(serverChannel(transport))
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new RehearsalAnswerer());
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0))
        .syncUninterruptibly()
        .channel();
    int port = ((InetSocketAddress) server.localAddress()).getPort();
    try {
      String base = "http://127.0.0.1:" + port + "/warm-up/";
      long deadline = System.nanoTime() + atMostNanos;
      double compiling;
      do {
        long work = JitActivity.workNanos();
        long start = System.nanoTime();
        load.accept(base);
        compiling = (JitActivity.workNanos() - work) / (double) Math.max(1, System.nanoTime() - start);
      } while (compiling > STILL_COMPILING_SHARE && System.nanoTime() < deadline);
      awaitCompilation();
    } catch (RuntimeException e) {
      // A rehearsal that could not finish only leaves the JIT colder: the run goes ahead.
    } finally {
      server.close().syncUninterruptibly();
      client.forget("127.0.0.1", port);
      transport.connectionsOpened.add(opened - transport.connectionsOpened.sum());
      transport.bytes.sent.add(sent - transport.bytes.sent.sum());
      transport.bytes.received.add(received - transport.bytes.received.sum());
    }
  }

  /**
   * Waits until the JIT has compiled what the rehearsal queued: its compiler threads otherwise go
   * on compiling into the run's first seconds, and on a generator pinned to one core take half
   * that core from the run's own scheduling. Done when the compiler threads used less than
   * {@link #COMPILER_QUIET_SHARE} of one core over {@link #COMPILER_QUIET_NANOS}
   * ({@link JitActivity}), or after {@link #COMPILER_WAIT_LIMIT_NANOS}.
   */
  private static void awaitCompilation() {
    long start = System.nanoTime();
    long windowStart = start;
    long workAtWindowStart = JitActivity.workNanos();
    while (System.nanoTime() - start < COMPILER_WAIT_LIMIT_NANOS) {
      LockSupport.parkNanos(COMPILER_POLL_NANOS);
      long now = System.nanoTime();
      if (now - windowStart >= COMPILER_QUIET_NANOS) {
        long work = JitActivity.workNanos();
        if (work - workAtWindowStart < COMPILER_QUIET_SHARE * (now - windowStart)) {
          return;
        }
        windowStart = now;
        workAtWindowStart = work;
      }
    }
  }

  /**
   * Sends {@code requests} requests over {@code loops} connections, each a new {@link HttpRequest}
   * made from text as a templated scenario step makes its requests (the ones a constant step sends
   * take the client's kept-bytes path after two sends anyway), and waits at most {@code limitNanos}.
   */
  static void loops(HttpClient client, String base, int requests, int loops, long limitNanos) {
    try {
      AtomicInteger left = new AtomicInteger(requests);
      CompletableFuture<?>[] done = new CompletableFuture<?>[loops];
      for (int i = 0; i < loops; i++) {
        done[i] = new CompletableFuture<>();
        loop(client, base, left, done[i]);
      }
      CompletableFuture.allOf(done).get(limitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Not finished: the JIT is only colder.
    }
  }

  private static void loop(HttpClient client, String base, AtomicInteger left, CompletableFuture<?> done) {
    int n = left.decrementAndGet();
    if (n < 0) {
      done.complete(null);
      return;
    }
    client.send(HttpRequest.builder(base + n).header("Accept", "text/plain").build(), ResponseCheck.successful())
        .whenComplete((response, error) -> {
          if (error != null) {
            done.completeExceptionally(error);
          } else {
            loop(client, base, left, done);
          }
        });
  }

  private static Class<? extends ServerChannel> serverChannel(Transport transport) {
    return transport.epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }
}
