package dev.plimsoll.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.atomic.LongAdder;

/** First in every pipeline: counts the bytes on the wire (TLS records included) both ways. */
@ChannelHandler.Sharable
final class ByteCounter extends ChannelDuplexHandler {
  final LongAdder sent = new LongAdder();
  final LongAdder received = new LongAdder();

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    received.add(size(msg));
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    sent.add(size(msg));
    ctx.write(msg, promise);
  }

  private static long size(Object msg) {
    if (msg instanceof ByteBuf b) {
      return b.readableBytes();
    }
    if (msg instanceof ByteBufHolder h) {
      return h.content().readableBytes();
    }
    return 0;
  }
}
