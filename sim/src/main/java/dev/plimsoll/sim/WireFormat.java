package dev.plimsoll.sim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * How a message crosses a real socket. The body, big-endian:
 *
 * <pre>
 *   byte  version (1)
 *   int   from (the sending node), int to (the receiving node)
 *   long  id, int origin, int destination, long intendedNanos, int hops
 *   int   session length in UTF-8 bytes (-1: none), then the bytes
 *   byte  payload kind: 0 null, 1 String (int length + UTF-8), 2 byte[] (int length + bytes),
 *         3 Integer, 4 Long, 5 Double, 6 Boolean (one byte)
 *   zero bytes up to the simulation's messageBytes, so each message is as long on the wire as the
 *   simulation says it is (a longer one is sent whole)
 * </pre>
 *
 * Over TCP each body follows its length as an int; over UDP the body is the datagram.
 */
final class WireFormat {
  static final byte VERSION = 1;
  /** The most a UDP datagram over IPv4 can carry. */
  static final int MAX_DATAGRAM = 65_507;
  /** The most a TCP frame may be: a receiver closes a connection announcing more. */
  static final int MAX_FRAME = 16 * 1024 * 1024;
  /** The smallest body: every fixed field, no session, a null payload. */
  static final int MIN_BODY = 1 + 4 + 4 + 8 + 4 + 4 + 8 + 4 + 4 + 1;
  static final String PAYLOADS = "null, String, byte[], Integer, Long, Double, Boolean";

  /** A decoded body. */
  record Frame(int from, int to, Message message) {}

  private WireFormat() {}

  /**
   * The body of {@code message} from {@code from} to {@code to}, padded to {@code size} bytes,
   * after {@code prefix} bytes left for the caller (a length).
   *
   * @throws IllegalArgumentException when the payload is of a type the wire does not carry
   */
  static byte[] encode(int from, int to, Message message, int size, int prefix) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(size, MIN_BODY) + prefix);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (int i = 0; i < prefix; i++) {
        out.writeByte(0);
      }
      out.writeByte(VERSION);
      out.writeInt(from);
      out.writeInt(to);
      out.writeLong(message.id());
      out.writeInt(message.origin());
      out.writeInt(message.destination());
      out.writeLong(message.intendedNanos());
      out.writeInt(message.hops());
      if (message.session() == null) {
        out.writeInt(-1);
      } else {
        writeBytes(out, message.session().getBytes(StandardCharsets.UTF_8));
      }
      writePayload(out, message.payload());
      for (int i = bytes.size() - prefix; i < size; i++) {
        out.writeByte(0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  private static void writePayload(DataOutputStream out, Object payload) throws IOException {
    switch (payload) {
      case null -> out.writeByte(0);
      case String s -> {
        out.writeByte(1);
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
      }
      case byte[] b -> {
        out.writeByte(2);
        writeBytes(out, b);
      }
      case Integer i -> {
        out.writeByte(3);
        out.writeInt(i);
      }
      case Long l -> {
        out.writeByte(4);
        out.writeLong(l);
      }
      case Double d -> {
        out.writeByte(5);
        out.writeDouble(d);
      }
      case Boolean b -> {
        out.writeByte(6);
        out.writeBoolean(b);
      }
      default -> throw new IllegalArgumentException("a payload of type " + payload.getClass().getName()
          + " cannot cross a real transport (payloads: " + PAYLOADS + ")");
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  /**
   * The frame in {@code body[offset, offset + length)}.
   *
   * @throws IOException when it is not a frame of this format
   */
  static Frame decode(byte[] body, int offset, int length) throws IOException {
    if (length < MIN_BODY) {
      throw new IOException("a frame of " + length + " bytes is shorter than the smallest (" + MIN_BODY + ")");
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(body, offset, length));
    if (in.readByte() != VERSION) {
      throw new IOException("not a frame of version " + VERSION);
    }
    int from = in.readInt();
    int to = in.readInt();
    long id = in.readLong();
    int origin = in.readInt();
    int destination = in.readInt();
    long intended = in.readLong();
    int hops = in.readInt();
    byte[] session = readBytes(in, length);
    Object payload = switch (in.readByte()) {
      case 0 -> null;
      case 1 -> new String(present(readBytes(in, length)), StandardCharsets.UTF_8);
      case 2 -> present(readBytes(in, length));
      case 3 -> in.readInt();
      case 4 -> in.readLong();
      case 5 -> in.readDouble();
      case 6 -> in.readBoolean();
      default -> throw new IOException("unknown payload kind");
    };
    return new Frame(from, to, new Message(id, origin, destination,
        session == null ? null : new String(session, StandardCharsets.UTF_8), intended, hops, payload));
  }

  private static byte[] present(byte[] b) throws IOException {
    if (b == null) {
      throw new IOException("a payload without its length");
    }
    return b;
  }

  private static byte[] readBytes(DataInputStream in, int limit) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    if (n > limit) {
      throw new IOException("a field of " + n + " bytes in a frame of " + limit);
    }
    return in.readNBytes(n);
  }
}
