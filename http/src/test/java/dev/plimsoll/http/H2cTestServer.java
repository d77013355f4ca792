package dev.plimsoll.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamFrame;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An h2c (prior knowledge) server on Netty that misbehaves per stream, by path: {@code /ok} answers
 * 200 "ok"; {@code /reset} resets the stream (INTERNAL_ERROR); {@code /refuse-once} refuses every
 * other such stream (REFUSED_STREAM), answering the rest; {@code /silent} never answers;
 * {@code /goaway} answers, then sends GOAWAY with that stream as the last one it will process.
 */
final class H2cTestServer implements AutoCloseable {
  final AtomicInteger refusals = new AtomicInteger();
  private final EventLoopGroup group = new NioEventLoopGroup(1);
  private final Channel server;

  H2cTestServer(int maxConcurrentStreams) throws InterruptedException {
    server = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(maxConcurrentStreams))
                .build());
            ch.pipeline().addLast(new Streams());
          }
        })
        .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
  }

  int port() {
    return ((java.net.InetSocketAddress) server.localAddress()).getPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  private final class Streams extends SimpleChannelInboundHandler<Http2StreamFrame> {
    private boolean refuseNext = true;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
      if (!(frame instanceof Http2HeadersFrame headers) || !headers.isEndStream()) {
        return;
      }
      String path = String.valueOf(headers.headers().path());
      switch (path) {
        case "/reset" -> ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR).stream(frame.stream()));
        case "/silent" -> { }
        case "/refuse-once" -> {
          if (refuseNext) {
            refusals.incrementAndGet();
            ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.REFUSED_STREAM).stream(frame.stream()));
          } else {
            ok(ctx, frame);
          }
          refuseNext = !refuseNext;
        }
        case "/goaway" -> {
          ok(ctx, frame);
          ctx.writeAndFlush(new DefaultHttp2GoAwayFrame(Http2Error.NO_ERROR)
              .setExtraStreamIds(0));
        }
        default -> ok(ctx, frame);
      }
    }

    private void ok(ChannelHandlerContext ctx, Http2StreamFrame frame) {
      ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")).stream(frame.stream()));
      ctx.writeAndFlush(new DefaultHttp2DataFrame(
          Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII), true).stream(frame.stream()));
    }
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
