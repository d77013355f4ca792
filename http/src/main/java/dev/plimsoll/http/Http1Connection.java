package dev.plimsoll.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import java.util.function.Consumer;

/**
 * An HTTP/1.1 keep-alive connection: one exchange at a time, no pipelining. The request goes out as
 * the bytes {@link Encodings} makes for it; the response is parsed by {@link Http1Parser} as it
 * streams in, without aggregation, so the body is counted as it arrives and kept only up to the
 * limit. With compression on, {@link ContentDecoding} decompresses it on the way.
 */
final class Http1Connection extends AbstractConnection implements Http1Parser.Handler {
  private final Http1Parser parser = new Http1Parser(this);
  private final Consumer<ByteBuf> decoded = this::decoded;
  /** Bytes of a line not complete at the end of a read, with what the next read brings. */
  private ByteBuf cumulation;
  /** See {@link #writeBuffer}; null until a request needs it. */
  private ByteBuf writeBuffer;
  private ContentDecoding decoding;
  private Exchange current;
  private boolean keepAlive = true;
  /** Exchanges completed on this connection: a closed reused connection may just be stale. */
  private int served;

  Http1Connection(Slot slot, HttpClientSettings settings) {
    super(slot, settings);
  }

  @Override
  void install(ChannelPipeline pipeline) {
    pipeline.addLast("exchange", this);
  }

  @Override
  public boolean usable() {
    return ready && keepAlive && current == null && channel.isActive();
  }

  @Override
  public void start(Exchange exchange) {
    current = exchange;
    exchange.owner = this;
    parser.noBody(exchange.request.method().equals("HEAD"));
    ByteBuf bytes = Encodings.keptHttp1(exchange.request, compression);
    if (bytes == null) {
      bytes = writeBuffer(exchange.request);
      Encodings.http1(exchange.request, compression, bytes);
    }
    ctx.writeAndFlush(bytes, ctx.voidPromise());
    ChannelOutboundBuffer pending = channel.unsafe().outboundBuffer();
    if (pending != null && pending.isEmpty()) {
      // Written whole, as nearly always: the request is on the wire now.
      exchange.sentAt(System.nanoTime());
    } else {
      // The socket took part of it: the time is when the rest goes, after which this empty write completes.
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER, exchange.sentPromise(ctx));
    }
    armTimer(exchange.deadlineNanos);
  }

  /**
   * This connection's buffer for requests encoded on each send, empty and with one reference for the
   * write to release. It is the same buffer every time once the last write has let go of it (as it
   * has when the socket took the request whole), so sending costs no pool allocation.
   */
  private ByteBuf writeBuffer(HttpRequest request) {
    ByteBuf b = writeBuffer;
    if (b == null || b.refCnt() != 1) {
      if (b != null) {
        b.release(); // still being written: the write frees it
      }
      b = ctx.alloc().directBuffer(Math.max(Encodings.estimate(request), 256));
      writeBuffer = b;
    } else {
      b.clear();
    }
    return b.retain();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext context) {
    if (writeBuffer != null) {
      writeBuffer.release();
      writeBuffer = null;
    }
    if (cumulation != null) {
      cumulation.release();
      cumulation = null;
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) {
    if (!(msg instanceof ByteBuf in)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    ByteBuf buffer = cumulation == null ? in : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(context.alloc(), cumulation, in);
    cumulation = null;
    try {
      parser.parse(buffer);
    } catch (Http1Parser.MalformedException e) {
      broken(Failures.malformed(target, e.getMessage()));
    } catch (DecoderException e) {
      broken(Failures.inFlight(target, ContentDecoding.failure(e)));
    } finally {
      if (buffer.isReadable() && channel.isActive()) {
        buffer.discardSomeReadBytes();
        cumulation = buffer;
      } else {
        buffer.release();
      }
    }
  }

  @Override
  public boolean head(int status, String reason, String[] fields, long contentLength, boolean persistent) {
    Exchange e = current;
    if (e == null) {
      // A response nobody asked for: the connection's state is unknown, so it goes.
      ctx.close();
      return false;
    }
    keepAlive = persistent;
    long length = contentLength;
    String[] headers = fields;
    if (compression) {
      decoding = ContentDecoding.of(fields, channel);
      if (decoding != null) {
        headers = ContentDecoding.decodedHeaders(fields);
        length = -1;
      }
    }
    e.head(status, reason, Headers.ofTrusted(headers), length);
    return true;
  }

  @Override
  public void content(ByteBuf buffer, int index, int length) {
    Exchange e = current;
    if (e == null) {
      return;
    }
    if (decoding != null) {
      decoding.decode(buffer, index, length, decoded);
    } else {
      e.content(buffer, index, length);
    }
  }

  private void decoded(ByteBuf bytes) {
    Exchange e = current;
    if (e != null) {
      e.content(bytes);
    }
  }

  @Override
  public void complete() {
    Exchange e = current;
    if (e == null) {
      return;
    }
    if (decoding != null) {
      ContentDecoding d = decoding;
      decoding = null;
      d.finish(decoded);
    }
    current = null;
    served++;
    if (!keepAlive) {
      ctx.close();
    }
    slot.pool.release(slot);
    e.succeed(HttpProtocol.HTTP_1_1);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    if (failConnectIfNotReady(cause)) {
      return;
    }
    broken(Failures.inFlight(target, cause));
  }

  /** The response cannot be read on: it fails, and the connection goes. */
  private void broken(Throwable cause) {
    parser.stop();
    failCurrent(cause);
    ctx.close();
  }

  /**
   * The peer closed the connection. A body read until the close is complete now; a response cut
   * short fails. If the peer closed cleanly before answering a request sent on a reused connection,
   * the request most likely met the server's idle-connection close (the keep-alive race): an
   * idempotent request is sent once more on a new connection, as browsers and OkHttp do. A reset,
   * a partial response, or a second close fails the request.
   */
  @Override
  void closedWhileReady() {
    if (cumulation != null) {
      cumulation.release();
      cumulation = null;
    }
    Http1Parser.Closed outcome;
    try {
      outcome = parser.closed();
    } catch (DecoderException e) {
      failCurrent(Failures.inFlight(target, ContentDecoding.failure(e)));
      return;
    }
    Exchange e = current;
    if (e == null || outcome == Http1Parser.Closed.COMPLETED) {
      return;
    }
    if (outcome == Http1Parser.Closed.PREMATURE) {
      failCurrent(Failures.closedMidResponse(target, true));
      return;
    }
    if (!e.headReceived() && served > 0 && e.retries == 0 && idempotent(e.request.method())
        && !e.expired(System.nanoTime())) {
      current = null;
      keepAlive = false;
      slot.pool.release(slot);
      e.retries++;
      e.reset();
      slot.pool.send(e);
      return;
    }
    failCurrent(Failures.closedMidResponse(target, e.headReceived()));
  }

  private static boolean idempotent(String method) {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE" -> true;
      default -> false;
    };
  }

  @Override
  Long expireExchanges(long nowNanos) {
    Exchange e = current;
    if (e == null) {
      return null;
    }
    if (!e.expired(nowNanos)) {
      return e.deadlineNanos;
    }
    // The response may still arrive, and it would be taken for the next request's: close.
    parser.stop();
    failCurrent(Failures.timedOutWaitingForResponse(settings.requestTimeout(), e.headReceived()));
    ctx.close();
    return null;
  }

  private void failCurrent(Throwable cause) {
    if (decoding != null) {
      decoding.discard();
      decoding = null;
    }
    Exchange e = current;
    if (e == null) {
      return;
    }
    current = null;
    keepAlive = false;
    slot.pool.release(slot);
    e.fail(cause);
  }
}
