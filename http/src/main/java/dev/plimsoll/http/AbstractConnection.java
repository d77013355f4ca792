package dev.plimsoll.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What HTTP/1.1 and HTTP/2 connections share: the last handler of the pipeline, readiness (open,
 * and with TLS the handshake done), and one request-timeout timer per connection.
 *
 * <p>The timer is not scheduled per request: it is armed for the oldest exchange's deadline and,
 * when it fires early (that exchange finished), re-armed for the next one's. Under steady load a
 * connection schedules about one timer per timeout period instead of one per request.
 */
abstract class AbstractConnection extends ChannelInboundHandlerAdapter implements Connection {
  final Slot slot;
  final Target target;
  final HttpClientSettings settings;
  final boolean compression;
  ChannelHandlerContext ctx;
  Channel channel;
  boolean ready;
  private boolean connectFailed;
  private ScheduledFuture<?> timer;
  private final Runnable timeoutCheck = this::timerFired;

  AbstractConnection(Slot slot, HttpClientSettings settings) {
    this.slot = slot;
    this.target = slot.pool.target;
    this.settings = settings;
    this.compression = settings.compression();
  }

  /** Adds this connection's protocol handlers, and itself last, to a new channel's pipeline. */
  abstract void install(ChannelPipeline pipeline);

  /** Fails the exchanges past their deadline; returns the earliest deadline left, or null. */
  abstract Long expireExchanges(long nowNanos);

  /** The channel closed after it was ready: fail what is in flight. */
  abstract void closedWhileReady();

  /** With TLS, after a successful handshake: null to go ahead, or why not (e.g. ALPN). */
  Throwable checkHandshake() {
    return null;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    ctx = context;
    channel = context.channel();
  }

  @Override
  public void channelActive(ChannelHandlerContext context) {
    if (!target.tls()) {
      becomeReady();
    }
    context.fireChannelActive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object event) {
    if (event instanceof SslHandshakeCompletionEvent handshake) {
      Throwable problem = handshake.isSuccess()
          ? checkHandshake()
          : Failures.handshake(target, handshake.cause(), settings.connectTimeout());
      if (problem == null) {
        becomeReady();
      } else {
        failConnect(problem);
        context.close();
      }
    }
    context.fireUserEventTriggered(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    cancelTimer();
    if (ready) {
      slot.closed(this);
      closedWhileReady();
    } else {
      failConnect(new ConnectionResetException(
          "connection closed by " + target.authority() + " before it was ready", null));
    }
    context.fireChannelInactive();
  }

  private void becomeReady() {
    if (!ready && !connectFailed) {
      ready = true;
      slot.ready(this);
    }
  }

  /** An exception before the connection was ready fails the connect; true if it was handled so. */
  final boolean failConnectIfNotReady(Throwable cause) {
    if (ready) {
      return false;
    }
    failConnect(Failures.handshake(target, cause, settings.connectTimeout()));
    ctx.close();
    return true;
  }

  private void failConnect(Throwable cause) {
    if (!ready && !connectFailed) {
      connectFailed = true;
      slot.connectFailed(this, cause);
    }
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close();
    }
  }

  /** Makes sure the timer fires by {@code deadlineNanos} at the latest. */
  final void armTimer(long deadlineNanos) {
    if (timer == null) {
      timer = ctx.executor().schedule(timeoutCheck, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
  }

  private void timerFired() {
    timer = null;
    if (!channel.isActive()) {
      return;
    }
    Long next = expireExchanges(System.nanoTime());
    if (next != null && channel.isActive()) {
      armTimer(next);
    }
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
