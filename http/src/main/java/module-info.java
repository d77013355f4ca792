/**
 * The HTTP protocol: an HTTP/1.1 and HTTP/2 client on Netty with fixed connection pools, and its
 * adapters to Plimsoll operations ({@code dev.plimsoll.http}); the scenario driver for {@code request}
 * steps and the one-URL quick test ({@code dev.plimsoll.http.scenario}). Netty stays inside: no
 * exported signature names one of its types.
 */
// Netty's jars name their automatic modules (Automatic-Module-Name), so these names are stable.
@SuppressWarnings("requires-automatic")
module dev.plimsoll.http {
  requires transitive dev.plimsoll.core;
  requires transitive dev.plimsoll.scenario;
  // JSON path checks and extraction over response bodies.
  requires com.fasterxml.jackson.databind;
  // The warm-up waits for the JIT to finish compiling what it rehearsed.
  requires java.management;
  requires io.netty.common;
  requires io.netty.buffer;
  requires io.netty.transport;
  requires io.netty.transport.classes.epoll;
  requires io.netty.codec;
  requires io.netty.codec.http;
  requires io.netty.codec.http2;
  requires io.netty.handler;

  exports dev.plimsoll.http;
  exports dev.plimsoll.http.scenario;

  provides dev.plimsoll.scenario.driver.Driver with dev.plimsoll.http.scenario.HttpDriver;
}
