package dev.plimsoll.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.DefaultHttp2Connection;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.DelegatingDecompressorFrameListener;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2FrameListener;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.collection.IntObjectHashMap;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An HTTP/2 connection (h2 over TLS, or h2c with prior knowledge): exchanges are streams,
 * multiplexed up to the server's concurrent-stream limit, which becomes the slot's capacity.
 *
 * <p>Requests the server provably did not process are sent again, on a fresh stream: those refused
 * with REFUSED_STREAM and those above the last stream id of a GOAWAY (RFC 9113, 8.7). That keeps a
 * server's graceful connection rotation (nginx's {@code keepalive_requests}) from showing as errors.
 */
final class Http2Connection extends AbstractConnection {
  /** Streams per connection until the server's SETTINGS say otherwise (RFC 9113 suggests >= 100). */
  static final int INITIAL_MAX_STREAMS = 100;
  private static final int MAX_STREAMS = 10_000;
  /**
   * Sends of one request the server refused unprocessed. Within the request's deadline; high
   * because a server that rotates connections every few requests refuses many streams at once.
   */
  private static final int MAX_RETRIES = 100;

  private final DefaultHttp2Connection http2 = new DefaultHttp2Connection(false);
  private final IntObjectHashMap<Exchange> streams = new IntObjectHashMap<>();
  /** Exchanges in start order, hence deadline order; finished ones are dropped from the head. */
  private final ArrayDeque<Exchange> order = new ArrayDeque<>();
  private final HttpProtocol protocol;
  private Http2ConnectionHandler handler;
  private ChannelHandlerContext handlerContext;
  private boolean draining;
  private Throwable closeCause;

  Http2Connection(Slot slot, HttpClientSettings settings) {
    super(slot, settings);
    this.protocol = target.tls() ? HttpProtocol.H2 : HttpProtocol.H2C;
  }

  @Override
  void install(ChannelPipeline pipeline) {
    Http2FrameListener frames = new Frames();
    if (compression) {
      frames = new DelegatingDecompressorFrameListener(http2, frames, 0);
    }
    http2.addListener(new Lifecycle());
    handler = new Http2ConnectionHandlerBuilder()
        .connection(http2)
        .frameListener(frames)
        .validateHeaders(false)
        .initialSettings(Http2Settings.defaultSettings().pushEnabled(false))
        .encoderEnforceMaxConcurrentStreams(true)
        .gracefulShutdownTimeoutMillis(0)
        .build();
    pipeline.addLast("h2", handler);
    pipeline.addLast("exchange", this);
    handlerContext = pipeline.context(handler);
  }

  /**
   * Runs the headers of a GET of {@code uri} and of an answer through HPACK once, on throwaway
   * codecs, before a run: otherwise the first request loads and initialises the header and HPACK
   * classes and tables on its connection's event loop, where its answer and the requests queued
   * behind it wait (against nginx over h2c, this halved the 12 ms a first request spent there).
   * Sends nothing.
   */
  static void rehearseHeaders(URI uri, boolean compression) {
    ByteBuf block = Unpooled.buffer();
    try {
      DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder();
      DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);
      encoder.encodeHeaders(1, Encodings.h2(HttpRequest.builder(uri).build(), compression), block);
      decoder.decodeHeaders(1, block);
      block.clear();
      encoder.encodeHeaders(2, new DefaultHttp2Headers().status("200").setInt("content-length", 2), block);
      decoder.decodeHeaders(2, block);
    } catch (Http2Exception | RuntimeException e) {
      // Only a rehearsal: the real requests report whatever is wrong.
    } finally {
      block.release();
    }
  }

  @Override
  Throwable checkHandshake() {
    String agreed = channel.pipeline().get(SslHandler.class).applicationProtocol();
    if (ApplicationProtocolNames.HTTP_2.equals(agreed)) {
      return null;
    }
    return new TlsFailureException("server " + target.authority() + " did not agree to h2 via ALPN (it chose "
        + (agreed == null ? "nothing" : agreed) + ")", null);
  }

  @Override
  public boolean usable() {
    return ready && !draining && channel.isActive();
  }

  @Override
  public void start(Exchange exchange) {
    int id = http2.local().incrementAndGetNextStreamId();
    if (id <= 0) {
      // Stream ids used up (2^30 requests): this connection drains and the slot opens another.
      drain();
      slot.dispatch(exchange);
      return;
    }
    exchange.owner = this;
    exchange.streamId = id;
    streams.put(id, exchange);
    order.addLast(exchange);
    Http2Headers headers = Encodings.h2(exchange.request, compression);
    byte[] body = exchange.request.bodyUnsafe();
    // On the wire once its HEADERS are: a body goes as flow control lets it, which is the server's doing.
    handler.encoder().writeHeaders(handlerContext, id, headers, 0, body.length == 0, exchange.sentPromise(handlerContext));
    if (body.length > 0) {
      handler.encoder().writeData(handlerContext, id, Unpooled.wrappedBuffer(body), 0, true, handlerContext.newPromise());
    }
    ctx.flush();
    armTimer(exchange.deadlineNanos);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    if (failConnectIfNotReady(cause)) {
      return;
    }
    if (closeCause == null) {
      closeCause = Failures.inFlight(target, cause);
    }
    context.close();
  }

  @Override
  void closedWhileReady() {
    if (streams.isEmpty()) {
      return;
    }
    List<Exchange> open = new ArrayList<>(streams.values());
    streams.clear();
    order.clear();
    for (Exchange e : open) {
      slot.pool.release(slot);
      e.fail(closeCause != null ? closeCause : Failures.closedMidResponse(target, e.headReceived()));
    }
  }

  @Override
  Long expireExchanges(long nowNanos) {
    Exchange e;
    while ((e = order.peekFirst()) != null) {
      if (e.owner != this || e.done() || streams.get(e.streamId) != e) {
        order.pollFirst();
        continue;
      }
      if (!e.expired(nowNanos)) {
        return e.deadlineNanos;
      }
      order.pollFirst();
      streams.remove(e.streamId);
      handler.resetStream(handlerContext, e.streamId, Http2Error.CANCEL.code(), handlerContext.newPromise());
      ctx.flush();
      slot.pool.release(slot);
      e.fail(Failures.timedOutWaitingForResponse(settings.requestTimeout(), e.headReceived()));
    }
    return null;
  }

  private void finish(int streamId, Exchange e) {
    streams.remove(streamId);
    trimOrder();
    slot.pool.release(slot);
    e.succeed(protocol);
    closeIfDrained();
  }

  private void fail(int streamId, Exchange e, Throwable cause) {
    streams.remove(streamId);
    trimOrder();
    slot.pool.release(slot);
    e.fail(cause);
    closeIfDrained();
  }

  /** Sends again a request the server did not process, on whichever connection has room. */
  private void retry(int streamId, Exchange e) {
    streams.remove(streamId);
    trimOrder();
    slot.pool.release(slot);
    if (e.retries++ >= MAX_RETRIES || e.expired(System.nanoTime())) {
      e.fail(new ConnectionResetException("stream refused by " + target.authority() + " " + MAX_RETRIES
          + " times (not processed)", null));
    } else {
      e.reset();
      slot.pool.send(e);
    }
    closeIfDrained();
  }

  private void trimOrder() {
    Exchange head;
    while ((head = order.peekFirst()) != null && (head.owner != this || streams.get(head.streamId) != head)) {
      order.pollFirst();
    }
  }

  private void drain() {
    draining = true;
    closeIfDrained();
  }

  private void closeIfDrained() {
    if (draining && streams.isEmpty() && channel.isActive()) {
      ctx.close();
    }
  }

  private static Headers headers(Http2Headers headers) {
    String[] pairs = new String[headers.size() * 2];
    int i = 0;
    Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iterator();
    while (it.hasNext()) {
      Map.Entry<CharSequence, CharSequence> h = it.next();
      CharSequence name = h.getKey();
      if (name.length() > 0 && name.charAt(0) == ':') {
        continue;
      }
      pairs[i++] = name.toString();
      pairs[i++] = h.getValue().toString();
    }
    return Headers.ofTrusted(i == pairs.length ? pairs : java.util.Arrays.copyOf(pairs, i));
  }

  private static String reasonPhrase(int code) {
    String phrase = HttpResponseStatus.valueOf(code).reasonPhrase();
    return phrase.indexOf('(') >= 0 ? "" : phrase;
  }

  /** Frames as they arrive (decompressed first when compression is on). */
  private final class Frames extends Http2FrameAdapter {
    @Override
    public void onHeadersRead(ChannelHandlerContext c, int streamId, Http2Headers headers, int padding,
        boolean endOfStream) {
      Exchange e = streams.get(streamId);
      if (e == null) {
        return;
      }
      if (!e.headReceived()) {
        int code;
        try {
          code = Integer.parseInt(String.valueOf(headers.status()));
        } catch (NumberFormatException bad) {
          fail(streamId, e, new HttpProtocolException(
              "malformed response from " + target.authority() + ": :status '" + headers.status() + "'", null));
          return;
        }
        if (code >= 100 && code < 200 && !endOfStream) {
          return;
        }
        e.head(code, reasonPhrase(code), headers(headers), headers.getLong("content-length", -1L));
      }
      if (endOfStream) {
        finish(streamId, e);
      }
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext c, int streamId, Http2Headers headers, int streamDependency,
        short weight, boolean exclusive, int padding, boolean endOfStream) {
      onHeadersRead(c, streamId, headers, padding, endOfStream);
    }

    @Override
    public int onDataRead(ChannelHandlerContext c, int streamId, ByteBuf data, int padding, boolean endOfStream) {
      int processed = data.readableBytes() + padding;
      Exchange e = streams.get(streamId);
      if (e != null) {
        e.content(data);
        if (endOfStream) {
          finish(streamId, e);
        }
      }
      return processed;
    }

    @Override
    public void onRstStreamRead(ChannelHandlerContext c, int streamId, long errorCode) {
      Exchange e = streams.get(streamId);
      if (e == null) {
        return;
      }
      if (errorCode == Http2Error.REFUSED_STREAM.code()) {
        retry(streamId, e);
      } else {
        fail(streamId, e, new ConnectionResetException("stream reset by " + target.authority() + " ("
            + errorName(errorCode) + ")", null));
      }
    }

    @Override
    public void onSettingsRead(ChannelHandlerContext c, Http2Settings settings) {
      Long max = settings.maxConcurrentStreams();
      if (max != null) {
        slot.pool.capacityChanged(slot, (int) Math.max(1, Math.min(MAX_STREAMS, max)));
      }
    }
  }

  /** Connection events: GOAWAY both ways, and streams Netty closed (reset by it, or lost). */
  private final class Lifecycle extends Http2ConnectionAdapter {
    @Override
    public void onGoAwayReceived(int lastStreamId, long errorCode, ByteBuf debugData) {
      draining = true;
      List<Exchange> unprocessed = new ArrayList<>();
      for (IntObjectHashMap.PrimitiveEntry<Exchange> s : streams.entries()) {
        if (s.key() > lastStreamId) {
          unprocessed.add(s.value());
        }
      }
      for (Exchange e : unprocessed) {
        retry(e.streamId, e);
      }
      closeIfDrained();
    }

    @Override
    public void onGoAwaySent(int lastStreamId, long errorCode, ByteBuf debugData) {
      if (errorCode != Http2Error.NO_ERROR.code() && closeCause == null) {
        closeCause = new HttpProtocolException("HTTP/2 " + errorName(errorCode) + " on the connection to "
            + target.authority(), null);
      }
    }

    @Override
    public void onStreamClosed(Http2Stream stream) {
      Exchange e = streams.get(stream.id());
      if (e != null) {
        Throwable cause = closeCause;
        if (cause == null) {
          cause = channel.isActive()
              ? new ConnectionResetException("stream to " + target.authority() + " closed before the response was complete", null)
              : Failures.closedMidResponse(target, e.headReceived());
        }
        fail(stream.id(), e, cause);
      }
    }
  }

  private static String errorName(long code) {
    Http2Error error = Http2Error.valueOf(code);
    return error == null ? "error " + code : error.name();
  }
}
