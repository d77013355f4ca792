package dev.plimsoll.http;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what Netty and the JDK throw into this package's failure types. Messages name the target
 * and the limit passed; the engine replaces their numbers when it groups errors into classes.
 */
final class Failures {
  private Failures() {}

  static HttpFailure connect(Target target, Throwable cause, Duration connectTimeout) {
    if (cause instanceof HttpFailure f) {
      return f;
    }
    if (cause instanceof io.netty.channel.ConnectTimeoutException) {
      return new ConnectTimeoutException(
          "connect to " + target.authority() + " timed out after " + connectTimeout.toMillis() + " ms", cause);
    }
    String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    if (cause instanceof ConnectException && message.contains("refused")) {
      return new ConnectionRefusedException("connection refused by " + target.authority(), cause);
    }
    if (cause instanceof UnknownHostException) {
      return new ConnectionFailedException("unknown host " + target.host(), cause);
    }
    if (cause instanceof NoRouteToHostException) {
      return new ConnectionFailedException("no route to host " + target.host(), cause);
    }
    return new ConnectionFailedException("cannot connect to " + target.authority() + ": " + cause.getMessage(), cause);
  }

  static HttpFailure handshake(Target target, Throwable cause, Duration connectTimeout) {
    if (cause instanceof HttpFailure f) {
      return f;
    }
    if (cause instanceof SslHandshakeTimeoutException) {
      return new ConnectTimeoutException(
          "TLS handshake with " + target.authority() + " timed out after " + connectTimeout.toMillis() + " ms", cause);
    }
    Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (root instanceof ClosedChannelException) {
      return new ConnectionResetException("connection closed by " + target.authority() + " during the TLS handshake", cause);
    }
    if (root instanceof IOException io && !(root instanceof SSLException) && isReset(io)) {
      return new ConnectionResetException("connection reset by " + target.authority() + " during the TLS handshake", cause);
    }
    return new TlsFailureException("TLS handshake with " + target.authority() + " failed: " + root.getMessage(), cause);
  }

  /** A failure while a connection was open: reset, broken response, TLS alert. */
  static Throwable inFlight(Target target, Throwable cause) {
    if (cause instanceof HttpFailure) {
      return cause;
    }
    if (cause instanceof Http2Exception h2) {
      return new HttpProtocolException("HTTP/2 " + h2.error() + " from " + target.authority() + ": " + h2.getMessage(), cause);
    }
    if (cause instanceof DecoderException d) {
      Throwable inner = d.getCause();
      if (inner instanceof SSLException) {
        return new TlsFailureException("TLS failure with " + target.authority() + ": " + inner.getMessage(), cause);
      }
      return new HttpProtocolException("malformed response from " + target.authority() + ": "
          + (inner != null ? inner.getMessage() : d.getMessage()), cause);
    }
    if (cause instanceof SSLException) {
      return new TlsFailureException("TLS failure with " + target.authority() + ": " + cause.getMessage(), cause);
    }
    if (cause instanceof ClosedChannelException) {
      return closedMidResponse(target, false);
    }
    if (cause instanceof IOException io) {
      if (isReset(io)) {
        return new ConnectionResetException("connection reset by " + target.authority(), cause);
      }
      return new ConnectionResetException("connection to " + target.authority() + " failed: " + cause.getMessage(), cause);
    }
    return cause;
  }

  /** The HTTP/1.1 response broke the protocol ({@code detail} says how). */
  static HttpProtocolException malformed(Target target, String detail) {
    return new HttpProtocolException("malformed response from " + target.authority() + ": " + detail, null);
  }

  static ConnectionResetException closedMidResponse(Target target, boolean responseStarted) {
    return new ConnectionResetException(responseStarted
        ? "connection closed by " + target.authority() + " before the response was complete"
        : "connection closed by " + target.authority() + " before any response", null);
  }

  static RequestTimeoutException timedOutWaitingForConnection(Duration timeout) {
    return new RequestTimeoutException(
        "request timed out after " + timeout.toMillis() + " ms waiting for a connection", null);
  }

  static RequestTimeoutException timedOutWaitingForResponse(Duration timeout, boolean responseStarted) {
    return new RequestTimeoutException("request timed out after " + timeout.toMillis() + " ms "
        + (responseStarted ? "receiving the response" : "waiting for the response"), null);
  }

  private static boolean isReset(IOException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("reset") || m.contains("broken pipe");
  }
}
