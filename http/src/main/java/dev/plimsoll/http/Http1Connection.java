package dev.plimsoll.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.Iterator;
import java.util.Map;

/**
 * An HTTP/1.1 keep-alive connection: one exchange at a time, no pipelining. The request goes out as
 * the bytes {@link Encodings} made once for it; the response is decoded by Netty's decoder without
 * aggregation, so the body is counted as it streams and kept only up to the limit.
 */
final class Http1Connection extends AbstractConnection {
  private final ResponseDecoder decoder = new ResponseDecoder();
  private Exchange current;
  private boolean keepAlive = true;
  private boolean informational;
  /** Exchanges completed on this connection: a closed reused connection may just be stale. */
  private int served;

  Http1Connection(Slot slot, HttpClientSettings settings) {
    super(slot, settings);
  }

  @Override
  void install(ChannelPipeline pipeline) {
    pipeline.addLast("http1", decoder);
    if (compression) {
      pipeline.addLast("decompress", new HttpContentDecompressor(0));
    }
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
    decoder.noBody = exchange.request.method().equals("HEAD");
    ctx.writeAndFlush(Unpooled.wrappedBuffer(Encodings.http1(exchange.request, compression)), ctx.voidPromise());
    armTimer(exchange.deadlineNanos);
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) {
    try {
      if (msg instanceof HttpObject http) {
        read(http);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void read(HttpObject msg) {
    Exchange e = current;
    if (msg.decoderResult().isFailure()) {
      Throwable cause = msg.decoderResult().cause();
      failCurrent(cause instanceof PrematureChannelClosureException
          ? Failures.closedMidResponse(target, true)
          : Failures.inFlight(target, new DecoderException(cause)));
      ctx.close();
      return;
    }
    if (e == null) {
      // A response nobody asked for: the connection's state is unknown, so it goes.
      ctx.close();
      return;
    }
    if (msg instanceof io.netty.handler.codec.http.HttpResponse head) {
      int code = head.status().code();
      informational = code >= 100 && code < 200;
      if (!informational) {
        keepAlive = HttpUtil.isKeepAlive(head);
        e.head(code, head.status().reasonPhrase(), headers(head.headers()), HttpUtil.getContentLength(head, -1L));
      }
    }
    if (msg instanceof HttpContent content) {
      if (informational) {
        informational = !(msg instanceof LastHttpContent);
        return;
      }
      e.content(content.content());
      if (msg instanceof LastHttpContent) {
        current = null;
        served++;
        if (!keepAlive) {
          ctx.close();
        }
        slot.pool.release(slot);
        e.succeed(HttpProtocol.HTTP_1_1);
      }
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    if (failConnectIfNotReady(cause)) {
      return;
    }
    failCurrent(Failures.inFlight(target, cause));
    context.close();
  }

  /**
   * The peer closed the connection. If it did so cleanly before answering a request sent on a
   * reused connection, the request most likely met the server's idle-connection close (the
   * keep-alive race): an idempotent request is sent once more on a new connection, as browsers and
   * OkHttp do. A reset, a partial response, or a second close fails the request.
   */
  @Override
  void closedWhileReady() {
    Exchange e = current;
    if (e == null) {
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
    failCurrent(Failures.timedOutWaitingForResponse(settings.requestTimeout(), e.headReceived()));
    ctx.close();
    return null;
  }

  private void failCurrent(Throwable cause) {
    Exchange e = current;
    if (e == null) {
      return;
    }
    current = null;
    keepAlive = false;
    slot.pool.release(slot);
    e.fail(cause);
  }

  private static Headers headers(HttpHeaders headers) {
    String[] pairs = new String[headers.size() * 2];
    int i = 0;
    Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence();
    while (it.hasNext() && i < pairs.length) {
      Map.Entry<CharSequence, CharSequence> h = it.next();
      pairs[i++] = h.getKey().toString();
      pairs[i++] = h.getValue().toString();
    }
    return Headers.ofTrusted(pairs);
  }

  /** Netty's response decoder, told when the request was HEAD (whose response has no body). */
  private static final class ResponseDecoder extends HttpResponseDecoder {
    boolean noBody;

    ResponseDecoder() {
      super(new HttpDecoderConfig()
          .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
          .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false)));
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage msg) {
      return noBody || super.isContentAlwaysEmpty(msg);
    }
  }
}
