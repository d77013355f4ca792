package dev.plimsoll.examples.vectors;

import dev.plimsoll.core.Operation;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loaded store and the operations a load test calls on it. Ids are handed out in order and
 * deleted oldest first (as a retention window would), so the live ids are always one range and a
 * write-heavy mix keeps the store's size steady.
 */
public final class VectorOperations {
  static final int TOP_K = 10;
  static final String[] TENANTS = {"acme", "globex", "initech", "umbrella"};

  private final VectorStore store;
  private final AtomicLong oldest = new AtomicLong();
  private final AtomicLong newest = new AtomicLong(-1);

  private VectorOperations(VectorStore store) {
    this.store = store;
  }

  /**
   * A store of {@code dimensions} loaded with {@code count} random vectors. The index has half the
   * square root of {@code count} lists (50 for 10,000 vectors, 111 for 50,000), so that placing a
   * vector (scoring every centroid) and scanning a list cost about the same, and a search probes
   * four lists; below 1,000 vectors it is a brute-force scan.
   */
  public static VectorOperations loaded(int dimensions, int count, long seed) {
    int lists = Math.max(1, (int) Math.sqrt(count) / 2);
    VectorStore store = count < 1000 ? VectorStore.bruteForce(dimensions)
        : new VectorStore(dimensions, lists, Math.min(4, lists), seed);
    VectorOperations ops = new VectorOperations(store);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      ops.insert(VectorStore.randomUnit(dimensions, random), i);
    }
    return ops;
  }

  public VectorStore store() {
    return store;
  }

  private void insert(float[] vector, long n) {
    long id = store.insert(vector, Map.of("doc", "doc-" + n, "tenant", TENANTS[(int) (n % TENANTS.length)]));
    newest.accumulateAndGet(id, Math::max);
  }

  private long liveId(java.util.random.RandomGenerator random) {
    long from = oldest.get();
    long to = newest.get();
    return from >= to ? to : from + random.nextLong(to - from + 1);
  }

  /** The ten nearest neighbours of a random query; an empty answer from a non-empty store is an error. */
  public Operation search() {
    return ctx -> {
      if (store.search(VectorStore.randomUnit(store.dimensions(), ctx.random()), TOP_K).isEmpty() && store.size() > 0) {
        throw new IllegalStateException("search found nothing in a store of " + store.size());
      }
    };
  }

  public Operation insert() {
    return ctx -> insert(VectorStore.randomUnit(store.dimensions(), ctx.random()), ctx.iteration());
  }

  /** A new vector for a live id; one deleted meanwhile by the retention window is skipped, not an error. */
  public Operation update() {
    return ctx -> store.update(liveId(ctx.random()), VectorStore.randomUnit(store.dimensions(), ctx.random()));
  }

  /** Deletes the oldest vector. */
  public Operation delete() {
    return ctx -> store.delete(oldest.getAndIncrement());
  }

  /** Reads a live vector's metadata and stamps it, as a "last retrieved" field would be. */
  public Operation metadata() {
    return ctx -> {
      long id = liveId(ctx.random());
      if (store.metadata(id).isPresent()) {
        store.putMetadata(id, "last_retrieved", Long.toString(ctx.iteration()));
      }
    };
  }

  /**
   * Reads a live vector through {@code tier}. Which tier holds which vector is not modelled: the
   * mix's weights say how often each tier is read.
   */
  public Operation read(TieredStorage tier) {
    return ctx -> tier.read(store, liveId(ctx.random()), ctx.random());
  }
}
