package dev.plimsoll.http;

import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One place for a connection in a pool, bound to one event loop. It opens its connection on first
 * use, holds requests while it connects, and opens a new one when the old one closed or is
 * draining (an HTTP/2 GOAWAY, an HTTP/1.1 {@code Connection: close}).
 */
final class Slot {
  final ConnectionPool pool;
  final EventLoop loop;

  // Guarded by the pool's lock.
  int inUse;
  int capacity;
  boolean listed;

  // Confined to the event loop.
  private Connection connection;
  /** The connection being opened, or null. */
  private Connection connecting;
  private final ArrayDeque<Exchange> pending = new ArrayDeque<>(1);
  private final Runnable pendingCheck = this::expirePending;
  private ScheduledFuture<?> pendingTimer;
  /** Waiting for the connection being opened ahead of the requests ({@link #connectAhead}); usually null. */
  private List<CompletableFuture<Void>> openWaiters;
  private boolean closed;

  Slot(ConnectionPool pool, EventLoop loop, int capacity) {
    this.pool = pool;
    this.loop = loop;
    this.capacity = capacity;
  }

  /** From any thread: starts the exchange on this slot's event loop. */
  void submit(Exchange exchange) {
    if (loop.inEventLoop()) {
      dispatch(exchange);
    } else {
      loop.execute(exchange);
    }
  }

  /** On the event loop: starts the exchange on the connection, opening one if needed. */
  void dispatch(Exchange exchange) {
    if (exchange.done()) {
      pool.release(this);
      return;
    }
    if (exchange.expired(System.nanoTime())) {
      exchange.fail(Failures.timedOutWaitingForConnection(pool.transport.settings.requestTimeout()));
      pool.release(this);
      return;
    }
    if (closed) {
      exchange.fail(new IllegalStateException("the HTTP client is closed"));
      pool.release(this);
      return;
    }
    Connection c = connection;
    if (c != null && c.usable()) {
      c.start(exchange);
      return;
    }
    pending.addLast(exchange);
    if (pendingTimer == null) {
      schedulePendingCheck(exchange.deadlineNanos);
    }
    if (connecting == null) {
      connection = null;
      connecting = pool.transport.connect(this);
    }
  }

  /**
   * On the event loop: opens this slot's connection ahead of the requests, unless it is open;
   * {@code opened} completes when it is, or exceptionally when opening fails.
   */
  void connectAhead(CompletableFuture<Void> opened) {
    if (closed) {
      opened.completeExceptionally(new IllegalStateException("the HTTP client is closed"));
      return;
    }
    Connection c = connection;
    if (c != null && c.usable()) {
      opened.complete(null);
      return;
    }
    if (openWaiters == null) {
      openWaiters = new ArrayList<>(1);
    }
    openWaiters.add(opened);
    if (connecting == null) {
      connection = null;
      connecting = pool.transport.connect(this);
    }
  }

  /** Tells those waiting for the connection to open that it did ({@code failure} null) or did not. */
  private void openedAhead(Throwable failure) {
    List<CompletableFuture<Void>> waiters = openWaiters;
    if (waiters == null) {
      return;
    }
    openWaiters = null;
    for (CompletableFuture<Void> w : waiters) {
      if (failure == null) {
        w.complete(null);
      } else {
        w.completeExceptionally(failure);
      }
    }
  }

  /** The connection is open (and, with TLS, the handshake done): the held requests go out. */
  void ready(Connection c) {
    if (connecting != c) {
      return;
    }
    connecting = null;
    connection = c;
    openedAhead(null);
    Exchange e;
    while ((e = pending.pollFirst()) != null) {
      dispatch(e);
    }
  }

  /** The connect or the handshake failed: every held request fails with the same cause. */
  void connectFailed(Connection c, Throwable cause) {
    if (connecting != c) {
      return;
    }
    connecting = null;
    connection = null;
    openedAhead(cause);
    Exchange e;
    while ((e = pending.pollFirst()) != null) {
      e.fail(cause);
      pool.release(this);
    }
  }

  /** The connection closed; the next request opens a new one. */
  void closed(Connection c) {
    if (connection == c) {
      connection = null;
    }
  }

  private void schedulePendingCheck(long deadlineNanos) {
    pendingTimer = loop.schedule(pendingCheck, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /**
   * Fails the held requests whose deadline passed while the connection was being opened: the
   * request timeout bounds the whole wait, even when the connect timeout is longer.
   */
  private void expirePending() {
    pendingTimer = null;
    long now = System.nanoTime();
    long next = Long.MAX_VALUE;
    for (Iterator<Exchange> it = pending.iterator(); it.hasNext(); ) {
      Exchange e = it.next();
      if (e.expired(now)) {
        it.remove();
        e.fail(Failures.timedOutWaitingForConnection(pool.transport.settings.requestTimeout()));
        pool.release(this);
      } else {
        next = Math.min(next, e.deadlineNanos);
      }
    }
    if (!pending.isEmpty()) {
      schedulePendingCheck(next);
    }
  }

  void close() {
    closed = true;
    openedAhead(new IllegalStateException("the HTTP client was closed before the connection opened"));
    if (connection != null) {
      connection.close();
    }
    if (connecting != null) {
      connecting.close();
    }
  }
}
