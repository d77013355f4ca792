package dev.plimsoll.examples.marketdata;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A multi-producer ring buffer of fixed 64-byte records in a memory-mapped file, so that another
 * process mapping the same file sees each record as soon as it is published.
 *
 * <p>Layout: a 64-byte header (magic, slot count, slot size), then the slots. A writer claims the
 * next sequence number, writes the record's fields, and publishes it by storing the sequence in the
 * slot's first eight bytes with release semantics; a reader loads that with acquire semantics and
 * trusts the fields only when it equals the sequence it wants. The ring does not wait for readers:
 * a reader that falls a whole ring behind finds a later sequence there and knows it was lapped.
 */
public final class MappedRingBuffer implements AutoCloseable {
  public static final int SLOT_BYTES = 64;
  static final int HEADER_BYTES = 64;
  static final long MAGIC = 0x504C_494D_5249_4E47L; // "PLIMRING"
  private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
  private static final long UNPUBLISHED = -1;
  /** Rings created by this process, so that each gets its own file. */
  private static final AtomicLong RINGS = new AtomicLong();

  private final Path file;
  private final FileChannel channel;
  private final MappedByteBuffer buffer;
  private final int slots;
  private final long mask;
  private final AtomicLong next = new AtomicLong();

  /**
   * Creates (or truncates) {@code file} and maps it.
   *
   * @param slots the number of records the ring holds, a power of two
   */
  public MappedRingBuffer(Path file, int slots) throws IOException {
    if (slots < 2 || Integer.bitCount(slots) != 1 || (long) slots * SLOT_BYTES > Integer.MAX_VALUE - HEADER_BYTES) {
      throw new IllegalArgumentException("slots must be a power of two from 2 to 2^24 (was " + slots + ")");
    }
    this.file = file;
    this.slots = slots;
    this.mask = slots - 1L;
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, HEADER_BYTES + (long) slots * SLOT_BYTES);
    buffer.order(ByteOrder.nativeOrder());
    for (int i = 0; i < slots; i++) {
      buffer.putLong(offset(i), UNPUBLISHED);
    }
    buffer.putInt(8, slots).putInt(12, SLOT_BYTES);
    LONGS.setRelease(buffer, 0, MAGIC);
  }

  /**
   * A ring in shared memory ({@code /dev/shm}) where there is one with room for it twice over, else in
   * the temporary directory. The room matters: writing to a mapped page that tmpfs cannot back kills
   * the process with SIGBUS, and a container's {@code /dev/shm} is often only 64 MB.
   */
  public static MappedRingBuffer inSharedMemory(String name, int slots) throws IOException {
    Path shm = Path.of("/dev/shm");
    long bytes = HEADER_BYTES + (long) slots * SLOT_BYTES;
    boolean roomy = Files.isDirectory(shm) && Files.isWritable(shm) && Files.getFileStore(shm).getUsableSpace() > 2 * bytes;
    Path dir = roomy ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    String unique = ProcessHandle.current().pid() + "-" + RINGS.incrementAndGet();
    return new MappedRingBuffer(dir.resolve(name + "-" + unique + ".ring"), slots);
  }

  public Path file() {
    return file;
  }

  public int slots() {
    return slots;
  }

  /** How many records were published so far (the next sequence number). */
  public long published() {
    return next.get();
  }

  /**
   * Writes one record and publishes it; returns its sequence number.
   *
   * @param type {@link MarketEvent#TRADE} or {@link MarketEvent#BOOK_UPDATE}
   */
  public long write(byte type, int exchange, int symbol, long priceTicks, long quantity, int sideAndLevel,
      long timestampNanos) {
    long sequence = next.getAndIncrement();
    int at = offset((int) (sequence & mask));
    // Unpublish first, so that a reader never takes a half-written record for the previous lap's.
    LONGS.setRelease(buffer, at, UNPUBLISHED);
    buffer.put(at + 8, type);
    buffer.putShort(at + 10, (short) exchange);
    buffer.putInt(at + 12, symbol);
    buffer.putLong(at + 16, priceTicks);
    buffer.putLong(at + 24, quantity);
    buffer.putInt(at + 32, sideAndLevel);
    buffer.putLong(at + 40, timestampNanos);
    LONGS.setRelease(buffer, at, sequence);
    return sequence;
  }

  /** The record published as {@code sequence}, or null if it is not (or no longer) in the ring. */
  public MarketEvent read(long sequence) {
    int at = offset((int) (sequence & mask));
    if ((long) LONGS.getAcquire(buffer, at) != sequence) {
      return null;
    }
    MarketEvent event = new MarketEvent(sequence, buffer.get(at + 8), buffer.getShort(at + 10), buffer.getInt(at + 12),
        buffer.getLong(at + 16), buffer.getLong(at + 24), buffer.getInt(at + 32), buffer.getLong(at + 40));
    // Read again: a writer may have lapped us while we copied the fields.
    return (long) LONGS.getAcquire(buffer, at) == sequence ? event : null;
  }

  private static int offset(int slot) {
    return HEADER_BYTES + slot * SLOT_BYTES;
  }

  /** Unmaps nothing (the JDK unmaps when the buffer is collected), closes the file and deletes it. */
  @Override
  public void close() throws IOException {
    channel.close();
    Files.deleteIfExists(file);
  }
}
