package dev.plimsoll.core.metrics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact binary form of an {@link IntervalSnapshot}, for {@link IntervalLog} only: never
 * written to a user's files (the result and the journal are JSON), so it has no version and may
 * change between releases. Histograms keep HdrHistogram's compressed encoding and their summary,
 * so reading one back costs no decompression.
 */
final class IntervalCodec {
  private IntervalCodec() {}

  static byte[] encode(IntervalSnapshot interval) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(interval.index());
      writeInstant(out, interval.start());
      out.writeLong(interval.length().toNanos());
      out.writeBoolean(interval.warmUp());
      out.writeDouble(interval.expectedArrivals());
      out.writeInt(interval.operations().size());
      for (OperationStats op : interval.operations()) {
        writeOperation(out, op);
      }
      writeDistribution(out, interval.schedulingLag());
      writeDistribution(out, interval.toWire());
      writeDistribution(out, interval.afterAnswer());
      writeSystem(out, interval.system());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  static IntervalSnapshot decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      int index = in.readInt();
      Instant start = readInstant(in);
      Duration length = Duration.ofNanos(in.readLong());
      boolean warmUp = in.readBoolean();
      double expectedArrivals = in.readDouble();
      int count = in.readInt();
      List<OperationStats> operations = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        operations.add(readOperation(in));
      }
      return new IntervalSnapshot(index, start, length, warmUp, expectedArrivals, operations,
          readDistribution(in), readDistribution(in), readDistribution(in), readSystem(in));
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt interval record", e);
    }
  }

  private static void writeOperation(DataOutputStream out, OperationStats op) throws IOException {
    writeString(out, op.name());
    out.writeLong(op.started());
    out.writeLong(op.succeeded());
    out.writeLong(op.failed());
    out.writeLong(op.dropped());
    out.writeLong(op.inFlight());
    writeDistribution(out, op.responseTime());
    writeDistribution(out, op.serviceTime());
    out.writeInt(op.errors().size());
    for (ErrorClass error : op.errors()) {
      writeString(out, error.operation());
      writeString(out, error.type());
      writeString(out, error.message());
      out.writeLong(error.count());
      writeInstant(out, error.first());
      writeInstant(out, error.last());
      out.writeInt(error.samples().size());
      for (ErrorSample sample : error.samples()) {
        writeInstant(out, sample.time());
        writeString(out, sample.message());
      }
    }
  }

  private static OperationStats readOperation(DataInputStream in) throws IOException {
    String name = readString(in);
    long started = in.readLong();
    long succeeded = in.readLong();
    long failed = in.readLong();
    long dropped = in.readLong();
    long inFlight = in.readLong();
    LatencyDistribution responseTime = readDistribution(in);
    LatencyDistribution serviceTime = readDistribution(in);
    int errorCount = in.readInt();
    List<ErrorClass> errors = new ArrayList<>(errorCount);
    for (int i = 0; i < errorCount; i++) {
      String operation = readString(in);
      String type = readString(in);
      String message = readString(in);
      long count = in.readLong();
      Instant first = readInstant(in);
      Instant last = readInstant(in);
      int sampleCount = in.readInt();
      List<ErrorSample> samples = new ArrayList<>(sampleCount);
      for (int s = 0; s < sampleCount; s++) {
        samples.add(new ErrorSample(readInstant(in), readString(in)));
      }
      errors.add(new ErrorClass(operation, type, message, count, first, last, samples));
    }
    return new OperationStats(name, started, succeeded, failed, dropped, inFlight, responseTime,
        serviceTime, errors);
  }

  private static void writeDistribution(DataOutputStream out, LatencyDistribution d) throws IOException {
    out.writeBoolean(d != null);
    if (d == null) {
      return;
    }
    byte[] compressed = d.compressedBytes();
    out.writeInt(compressed.length);
    out.write(compressed);
    LatencyStats s = d.stats();
    out.writeLong(s.count());
    for (double value : new double[] {s.minMs(), s.meanMs(), s.stdDevMs(), s.p50Ms(), s.p90Ms(),
        s.p95Ms(), s.p99Ms(), s.p999Ms(), s.p9999Ms(), s.maxMs()}) {
      out.writeDouble(value);
    }
  }

  private static LatencyDistribution readDistribution(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    byte[] compressed = in.readNBytes(in.readInt());
    LatencyStats stats = new LatencyStats(in.readLong(), in.readDouble(), in.readDouble(),
        in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
        in.readDouble(), in.readDouble(), in.readDouble());
    return LatencyDistribution.ofEncoded(compressed, stats);
  }

  private static void writeSystem(DataOutputStream out, SystemSample s) throws IOException {
    out.writeBoolean(s != null);
    if (s == null) {
      return;
    }
    out.writeDouble(s.processCpu());
    out.writeDouble(s.machineCpu());
    out.writeLong(s.heapUsedBytes());
    out.writeLong(s.heapCommittedBytes());
    out.writeLong(s.rssBytes());
    out.writeLong(s.gcCount());
    out.writeDouble(s.gcPauseMs());
    out.writeInt(s.threadCount());
    out.writeLong(s.networkReceivedBytes());
    out.writeLong(s.networkSentBytes());
  }

  private static SystemSample readSystem(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    return new SystemSample(in.readDouble(), in.readDouble(), in.readLong(), in.readLong(),
        in.readLong(), in.readLong(), in.readDouble(), in.readInt(), in.readLong(), in.readLong());
  }

  private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
    out.writeBoolean(instant != null);
    if (instant != null) {
      out.writeLong(instant.getEpochSecond());
      out.writeInt(instant.getNano());
    }
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  /** Length-prefixed UTF-8 (writeUTF stops at 64 KB, an error message need not). */
  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
