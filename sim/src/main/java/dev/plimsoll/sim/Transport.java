package dev.plimsoll.sim;

import java.util.Locale;

/**
 * What carries the messages between nodes. The protocol's code is the same on each: only the
 * last step of a message's journey changes.
 */
public enum Transport {
  /** The simulated network in memory (the default): real time or deterministic. */
  MEMORY("memory"),
  /**
   * One TCP listener per node on 127.0.0.1 (an ephemeral port); each node opens a connection to a
   * peer on its first message to it, and writes each message as a length-prefixed frame. Real time only.
   */
  TCP("tcp"),
  /**
   * One UDP socket per node on 127.0.0.1 (an ephemeral port); each message is one datagram of at
   * most {@value WireFormat#MAX_DATAGRAM} bytes. A datagram the kernel drops is counted as lost. Real time only.
   */
  UDP("udp");

  private final String label;

  Transport(String label) {
    this.label = label;
  }

  /** The name used in YAML and on the command line: {@code memory}, {@code tcp} or {@code udp}. */
  public String label() {
    return label;
  }

  /** Whether it uses real sockets on loopback (and so runs in real time only). */
  public boolean real() {
    return this != MEMORY;
  }

  /**
   * The transport named {@code text} ({@code memory}, {@code tcp} or {@code udp}, any case).
   *
   * @throws IllegalArgumentException naming the transports when {@code text} is none of them
   */
  public static Transport parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (Transport transport : values()) {
      if (transport.label.equals(t)) {
        return transport;
      }
    }
    throw new IllegalArgumentException("unknown transport '" + text + "' (transports: memory, tcp, udp)");
  }
}
