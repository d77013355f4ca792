package dev.plimsoll.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The fixed set of connections to one target, and the queue of requests waiting for one.
 *
 * <p>A pool has N slots, each bound to one event loop and holding at most one live connection,
 * opened on first use and opened again after it closes. A slot has a capacity: 1 for HTTP/1.1 (no
 * pipelining), the server's concurrent-stream limit for HTTP/2. Slots with spare capacity wait in
 * {@code available}, in FIFO order, so that load spreads over all N connections as wrk spreads it;
 * requests that find none wait in {@code waiting}, also FIFO. Deadlines are send time plus one
 * fixed timeout, so the queue is in deadline order too and its expired requests are at its head.
 *
 * <p>The lock guards only slot counts and the two queues; connection work runs on event loops.
 */
final class ConnectionPool {
  final Transport transport;
  final Target target;
  private final Slot[] slots;
  private final ArrayDeque<Slot> available;
  private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
  private final Runnable sweep = this::sweepExpired;
  private boolean sweepScheduled;
  private boolean closed;

  ConnectionPool(Transport transport, Target target) {
    this.transport = transport;
    this.target = target;
    int n = transport.settings.connectionsPerTarget();
    int capacity = transport.settings.protocol().http2() ? Http2Connection.INITIAL_MAX_STREAMS : 1;
    this.slots = new Slot[n];
    this.available = new ArrayDeque<>(n);
    for (int i = 0; i < n; i++) {
      slots[i] = new Slot(this, transport.group.next(), capacity);
      available.addLast(slots[i]);
      slots[i].listed = true;
    }
  }

  /** Hands the exchange to a slot with room, or queues it. */
  void send(Exchange exchange) {
    Slot slot;
    synchronized (this) {
      if (closed) {
        slot = null;
      } else {
        slot = available.pollFirst();
        if (slot == null) {
          waiting.addLast(exchange);
          if (!sweepScheduled) {
            scheduleSweep(exchange.deadlineNanos);
          }
          return;
        }
        take(slot);
      }
    }
    if (slot == null) {
      exchange.fail(new IllegalStateException("the HTTP client is closed"));
      return;
    }
    exchange.slot = slot;
    slot.submit(exchange);
  }

  /**
   * An exchange on {@code slot} has ended: the slot serves the next waiting request, or has room
   * again. Runs on the slot's event loop.
   */
  void release(Slot slot) {
    Exchange next;
    synchronized (this) {
      next = waiting.pollFirst();
      if (next == null) {
        slot.inUse--;
        if (!slot.listed && slot.inUse < slot.capacity && !closed) {
          slot.listed = true;
          available.addLast(slot);
        }
      }
    }
    if (next != null) {
      next.slot = slot;
      slot.dispatch(next);
    }
  }

  /** An HTTP/2 server told its concurrent-stream limit. Runs on the slot's event loop. */
  void capacityChanged(Slot slot, int capacity) {
    List<Exchange> started = null;
    synchronized (this) {
      slot.capacity = capacity;
      while (slot.inUse < slot.capacity && !waiting.isEmpty()) {
        if (started == null) {
          started = new ArrayList<>();
        }
        started.add(waiting.pollFirst());
        slot.inUse++;
      }
      if (!slot.listed && slot.inUse < slot.capacity && !closed) {
        slot.listed = true;
        available.addLast(slot);
      }
    }
    if (started != null) {
      for (Exchange e : started) {
        e.slot = slot;
        slot.dispatch(e);
      }
    }
  }

  private void take(Slot slot) {
    slot.inUse++;
    if (slot.inUse < slot.capacity) {
      available.addLast(slot);
    } else {
      slot.listed = false;
    }
  }

  private void scheduleSweep(long deadlineNanos) {
    sweepScheduled = true;
    long delay = Math.max(0, deadlineNanos - System.nanoTime());
    slots[0].loop.schedule(sweep, delay, TimeUnit.NANOSECONDS);
  }

  /** Fails the requests that waited for a connection past their deadline. */
  private void sweepExpired() {
    List<Exchange> expired = new ArrayList<>();
    long now = System.nanoTime();
    synchronized (this) {
      sweepScheduled = false;
      Exchange head;
      while ((head = waiting.peekFirst()) != null && head.expired(now)) {
        expired.add(waiting.pollFirst());
      }
      if (head != null) {
        scheduleSweep(head.deadlineNanos);
      }
    }
    for (Exchange e : expired) {
      e.fail(Failures.timedOutWaitingForConnection(transport.settings.requestTimeout()));
    }
  }

  /** Opens every slot's connection that is not open yet; completes when all are, or one failed. */
  CompletableFuture<Void> connectAll() {
    CompletableFuture<?>[] opened = new CompletableFuture<?>[slots.length];
    for (int i = 0; i < slots.length; i++) {
      Slot slot = slots[i];
      CompletableFuture<Void> open = new CompletableFuture<>();
      opened[i] = open;
      slot.loop.execute(() -> slot.connectAhead(open));
    }
    return CompletableFuture.allOf(opened);
  }

  /** Fails queued requests and closes every connection. */
  void close() {
    List<Exchange> queued;
    synchronized (this) {
      closed = true;
      queued = new ArrayList<>(waiting);
      waiting.clear();
      available.clear();
    }
    for (Exchange e : queued) {
      e.fail(new IllegalStateException("the HTTP client was closed before the request was sent"));
    }
    for (Slot s : slots) {
      s.loop.execute(s::close);
    }
  }
}
