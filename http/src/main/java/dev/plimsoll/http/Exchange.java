package dev.plimsoll.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * One request on its way: from {@link HttpClient#send} through the pool's queue, onto a
 * connection, until its response is complete or it fails. Its fields are touched by one thread at
 * a time (the sender until it is queued, then the event loop of the slot that serves it); it runs
 * on that event loop as a task.
 */
final class Exchange implements Runnable, ChannelFutureListener {
  private static final byte[] EMPTY = new byte[0];
  private static final int INITIAL_BODY_BUFFER = 256;

  final HttpRequest request;
  final ResponseCheck check;
  final long deadlineNanos;
  final CompletableFuture<HttpResponse> future = new CompletableFuture<>();
  private final int maxBodyBytes;

  /** The slot serving it, set when the pool hands it one. */
  Slot slot;
  /** The connection it was started on, so a connection skips exchanges that moved elsewhere. */
  Object owner;
  int streamId;
  int retries;

  /**
   * When the request first went on the wire ({@link System#nanoTime}), or 0: its write (HTTP/1.1)
   * or its HEADERS frame's (HTTP/2) completed. A request sent again elsewhere keeps its first time.
   */
  private long sentAtNanos;
  private boolean headReceived;
  private int status;
  private String reason;
  private Headers headers;
  private byte[] body = EMPTY;
  private int kept;
  private long bodySize;

  Exchange(HttpRequest request, ResponseCheck check, long deadlineNanos, int maxBodyBytes) {
    this.request = request;
    this.check = check;
    this.deadlineNanos = deadlineNanos;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The request's write (HTTP/1.1) or its HEADERS frame's (HTTP/2) completed: its bytes are in the
   * socket. Listens to that write's promise, on the connection's event loop.
   */
  @Override
  public void operationComplete(ChannelFuture write) {
    if (write.isSuccess()) {
      sentAt(System.nanoTime());
    }
  }

  /** The request is on the wire: its write completed at {@code nanos}; a request sent again keeps its first time. */
  void sentAt(long nanos) {
    if (sentAtNanos == 0) {
      sentAtNanos = nanos;
    }
  }

  /** A promise for the write that puts the request on the wire, which notes when it did. */
  ChannelPromise sentPromise(ChannelHandlerContext context) {
    ChannelPromise promise = context.newPromise();
    promise.addListener(this);
    return promise;
  }

  /** Runs on the slot's event loop: the hop from the sending thread. */
  @Override
  public void run() {
    slot.dispatch(this);
  }

  boolean done() {
    return future.isDone();
  }

  boolean expired(long nowNanos) {
    return nowNanos - deadlineNanos >= 0;
  }

  boolean headReceived() {
    return headReceived;
  }

  void head(int statusCode, String reasonPhrase, Headers responseHeaders, long contentLength) {
    headReceived = true;
    status = statusCode;
    reason = reasonPhrase;
    headers = responseHeaders;
    if (contentLength > 0 && maxBodyBytes > 0) {
      body = new byte[(int) Math.min(contentLength, maxBodyBytes)];
    }
  }

  /** Counts the bytes and keeps what fits under the limit; does not release {@code content}. */
  void content(ByteBuf content) {
    content(content, content.readerIndex(), content.readableBytes());
  }

  /** As {@link #content(ByteBuf)}, for {@code n} bytes from {@code index}. */
  void content(ByteBuf content, int index, int n) {
    if (n == 0) {
      return;
    }
    bodySize += n;
    int room = maxBodyBytes - kept;
    if (room <= 0) {
      return;
    }
    int take = Math.min(room, n);
    if (kept + take > body.length) {
      int grown = Math.max(INITIAL_BODY_BUFFER, body.length * 2);
      body = Arrays.copyOf(body, Math.min(maxBodyBytes, Math.max(grown, kept + take)));
    }
    content.getBytes(index, body, kept, take);
    kept += take;
  }

  /** Completes with the response received, or with the check's failure; false if already done. */
  boolean succeed(HttpProtocol protocol) {
    byte[] kept = this.kept == body.length ? body : Arrays.copyOf(body, this.kept);
    // The last byte is in: this runs as the read that completed the response is handled.
    HttpResponse response = new HttpResponse(request, protocol, status, reason, headers, kept, bodySize,
        sentAtNanos, System.nanoTime());
    if (check != null) {
      try {
        check.check(response);
      } catch (Throwable t) {
        return future.completeExceptionally(t);
      }
    }
    return future.complete(response);
  }

  boolean fail(Throwable error) {
    return future.completeExceptionally(error);
  }

  /** Forgets a partial response, before the exchange is sent again elsewhere. */
  void reset() {
    headReceived = false;
    body = EMPTY;
    kept = 0;
    bodySize = 0;
    owner = null;
    streamId = 0;
  }
}
