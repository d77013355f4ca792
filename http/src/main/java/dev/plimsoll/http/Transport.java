package dev.plimsoll.http;

import dev.plimsoll.core.InvalidConfigurationException;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLException;

/**
 * What all of a client's connections share: the event loops (epoll where the native transport
 * loads, NIO elsewhere), the TLS context, the byte counters, and how a connection is set up.
 */
final class Transport {
  final HttpClientSettings settings;
  final EventLoopGroup group;
  final boolean epoll;
  final ByteCounter bytes = new ByteCounter();
  final LongAdder connectionsOpened = new LongAdder();
  private final Class<? extends Channel> channelClass;
  private final SslContext sslContext;
  private final int connectTimeoutMillis;

  Transport(HttpClientSettings settings) {
    this.settings = settings;
    this.sslContext = sslContext(settings);
    this.epoll = Epoll.isAvailable();
    DefaultThreadFactory threads = new DefaultThreadFactory("plimsoll-http", true);
    if (epoll) {
      group = new EpollEventLoopGroup(settings.ioThreads(), threads);
      channelClass = EpollSocketChannel.class;
    } else {
      group = new NioEventLoopGroup(settings.ioThreads(), threads);
      channelClass = NioSocketChannel.class;
    }
    this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
  }

  /** Opens a connection for the slot, on the slot's event loop; returns the connection-to-be. */
  Connection connect(Slot slot) {
    Target target = slot.pool.target;
    boolean h2 = settings.protocol().http2();
    AbstractConnection connection = h2 ? new Http2Connection(slot, settings) : new Http1Connection(slot, settings);
    Bootstrap bootstrap = new Bootstrap()
        .group(slot.loop)
        .channel(channelClass)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .handler(new io.netty.channel.ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ChannelPipeline p = ch.pipeline();
            p.addLast("bytes", bytes);
            if (target.tls()) {
              SslHandler ssl = sslContext.newHandler(ch.alloc(), target.host(), target.port());
              ssl.setHandshakeTimeoutMillis(connectTimeoutMillis);
              p.addLast("tls", ssl);
            }
            connection.install(p);
          }
        });
    ChannelFuture connect = bootstrap.connect(target.host(), target.port());
    connectionsOpened.increment();
    connect.addListener(f -> {
      if (!f.isSuccess()) {
        slot.connectFailed(connection, Failures.connect(target, f.cause(), settings.connectTimeout()));
      }
    });
    return connection;
  }

  void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  /** Checks the protocol against the URI's scheme: H2 needs TLS, H2C needs cleartext. */
  static String schemeMismatch(HttpProtocol protocol, Target target) {
    if (protocol == HttpProtocol.H2 && !target.tls()) {
      return "protocol H2 needs an https URL (H2C is HTTP/2 over cleartext): " + target;
    }
    if (protocol == HttpProtocol.H2C && target.tls()) {
      return "protocol H2C is HTTP/2 over cleartext and needs an http URL (H2 is over TLS): " + target;
    }
    return null;
  }

  private static SslContext sslContext(HttpClientSettings settings) {
    TlsTrust trust = settings.tlsTrust();
    try {
      SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
      if (trust instanceof TlsTrust.Certificates c) {
        builder.trustManager(c.pemFile().toFile());
      } else if (trust instanceof TlsTrust.Insecure) {
        builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
      }
      builder.endpointIdentificationAlgorithm(trust instanceof TlsTrust.Insecure ? null : "HTTPS");
      String alpn = settings.protocol() == HttpProtocol.H2 ? ApplicationProtocolNames.HTTP_2 : ApplicationProtocolNames.HTTP_1_1;
      builder.applicationProtocolConfig(new ApplicationProtocolConfig(
          ApplicationProtocolConfig.Protocol.ALPN,
          ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
          ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
          alpn));
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new InvalidConfigurationException("http.tlsTrust",
          "cannot set up TLS with trust " + trust + ": " + e.getMessage());
    }
  }
}
