package dev.plimsoll.core.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A run's intervals, kept so that its heap stays flat however long it runs: every interval is held
 * in a compact encoding, the first in memory and, once they fill {@link #MEMORY_BUDGET_BYTES}, the
 * rest in a temporary file that is deleted when nothing refers to it any more (or the JVM exits).
 * A run of a few minutes never touches the disk; a day at one-second intervals keeps about 1 MiB
 * of heap instead of hundreds of megabytes.
 *
 * <p>{@link #view()} is an immutable list of the intervals kept so far; later additions and
 * revisions do not change it. Each {@code get} decodes its interval anew, so callers walk it rather
 * than hold on to its elements. Not thread-safe for writing (the engine's collector thread writes
 * it); views can be read from any thread.
 */
public final class IntervalLog {

  /** How many bytes of encoded intervals are held in memory before the rest go to disk. */
  public static final long MEMORY_BUDGET_BYTES = 1 << 20;

  private static final Cleaner CLEANER = Cleaner.create();

  private final long memoryBudget;
  private long heldBytes;
  private int size;
  private int[] indexes = new int[64];
  private byte[][] held = new byte[64][];
  private long[] offsets = new long[64];
  private int[] lengths = new int[64];
  private SpillFile spill;
  private boolean spillFailed;

  /** A log with the default memory budget. */
  public IntervalLog() {
    this(MEMORY_BUDGET_BYTES);
  }

  /** A log that holds up to {@code memoryBudgetBytes} of encoded intervals in memory. */
  public IntervalLog(long memoryBudgetBytes) {
    if (memoryBudgetBytes < 0) {
      throw new IllegalArgumentException("memory budget must not be negative: " + memoryBudgetBytes);
    }
    this.memoryBudget = memoryBudgetBytes;
  }

  /** Adds the next interval. */
  public void add(IntervalSnapshot interval) {
    if (size == indexes.length) {
      int capacity = size * 2;
      indexes = Arrays.copyOf(indexes, capacity);
      held = Arrays.copyOf(held, capacity);
      offsets = Arrays.copyOf(offsets, capacity);
      lengths = Arrays.copyOf(lengths, capacity);
    }
    indexes[size] = interval.index();
    store(size, IntervalCodec.encode(interval));
    size++;
  }

  /**
   * Replaces the interval of the same {@linkplain IntervalSnapshot#index() index} (a warm-up
   * interval revised with its late operations); does nothing if there is none.
   */
  public void revise(IntervalSnapshot interval) {
    for (int i = size - 1; i >= 0; i--) {
      if (indexes[i] == interval.index()) {
        if (held[i] != null) {
          heldBytes -= held[i].length;
          held[i] = null;
        }
        store(i, IntervalCodec.encode(interval));
        return;
      }
    }
  }

  /** How many intervals are kept. */
  public int size() {
    return size;
  }

  /** Bytes of encoded intervals in the temporary file, for tests. */
  long bytesOnDisk() {
    return spill == null ? 0 : spill.end;
  }

  /** The intervals kept so far, in the order they were added: an immutable list. */
  public List<IntervalSnapshot> view() {
    return new View(Arrays.copyOf(held, size), Arrays.copyOf(offsets, size),
        Arrays.copyOf(lengths, size), spill);
  }

  /**
   * {@code intervals} as an immutable list: a {@linkplain #view() view} of a log as it is (copying
   * it would bring every interval back into memory), any other list copied.
   */
  public static List<IntervalSnapshot> immutable(List<IntervalSnapshot> intervals) {
    return intervals instanceof View ? intervals : List.copyOf(intervals);
  }

  private void store(int position, byte[] encoded) {
    if (heldBytes + encoded.length > memoryBudget && spillable()) {
      try {
        offsets[position] = spill.append(encoded);
        lengths[position] = encoded.length;
        held[position] = null;
        return;
      } catch (IOException | UncheckedIOException e) {
        // A full or vanished temporary directory must not cost the run: keep the rest in memory.
        spillFailed = true;
      }
    }
    held[position] = encoded;
    heldBytes += encoded.length;
  }

  private boolean spillable() {
    if (spill == null && !spillFailed) {
      try {
        spill = SpillFile.create();
      } catch (IOException | RuntimeException e) {
        spillFailed = true;
      }
    }
    return spill != null && !spillFailed;
  }

  /** The temporary file: append-only, so what a view points at never changes. */
  private static final class SpillFile {
    private final FileChannel channel;
    private long end;

    private SpillFile(FileChannel channel) {
      this.channel = channel;
    }

    static SpillFile create() throws IOException {
      Path path = Files.createTempFile("plimsoll-intervals-", ".bin");
      path.toFile().deleteOnExit();
      FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
      SpillFile file = new SpillFile(channel);
      // The action holds the channel and path, never the file object, or it would never be cleaned.
      CLEANER.register(file, () -> {
        try {
          channel.close();
          Files.deleteIfExists(path);
        } catch (IOException ignored) {
          // deleteOnExit tries again
        }
      });
      return file;
    }

    long append(byte[] encoded) throws IOException {
      long at = end;
      ByteBuffer buffer = ByteBuffer.wrap(encoded);
      while (buffer.hasRemaining()) {
        channel.write(buffer, at + buffer.position());
      }
      end += encoded.length;
      return at;
    }

    byte[] read(long offset, int length) {
      ByteBuffer buffer = ByteBuffer.allocate(length);
      try {
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, offset + buffer.position()) < 0) {
            throw new IOException("the interval log's file ended early");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read a kept interval back", e);
      }
      return buffer.array();
    }
  }

  private static final class View extends AbstractList<IntervalSnapshot> implements RandomAccess {
    private final byte[][] held;
    private final long[] offsets;
    private final int[] lengths;
    private final SpillFile spill;

    View(byte[][] held, long[] offsets, int[] lengths, SpillFile spill) {
      this.held = held;
      this.offsets = offsets;
      this.lengths = lengths;
      this.spill = spill;
    }

    @Override
    public IntervalSnapshot get(int i) {
      byte[] encoded = held[i] != null ? held[i] : spill.read(offsets[i], lengths[i]);
      return IntervalCodec.decode(encoded);
    }

    @Override
    public int size() {
      return held.length;
    }
  }
}
