package dev.plimsoll.examples.vectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory vector store with a simple inverted-file index: a fixed set of random centroids
 * splits the vectors into lists, and a search scans only the lists whose centroids are nearest the
 * query. With one list it is an exact brute-force search. Vectors are normalised when stored, so
 * the score is the cosine similarity. Safe for concurrent use; each id's changes are serialised.
 */
public final class VectorStore {
  private final int dimensions;
  private final float[][] centroids;
  private final int probes;
  private final List<Map<Long, Entry>> lists = new ArrayList<>();
  private final Map<Long, Entry> byId = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong();

  /**
   * @param dimensions every vector's length
   * @param listCount how many lists the index splits vectors into (1: brute force)
   * @param probes how many of the nearest lists a search scans
   * @param seed the centroids' random seed
   */
  public VectorStore(int dimensions, int listCount, int probes, long seed) {
    if (dimensions < 1 || listCount < 1 || probes < 1 || probes > listCount) {
      throw new IllegalArgumentException("need dimensions >= 1, listCount >= 1 and 1 <= probes <= listCount (were "
          + dimensions + ", " + listCount + ", " + probes + ")");
    }
    this.dimensions = dimensions;
    this.probes = probes;
    SplittableRandom random = new SplittableRandom(seed);
    centroids = new float[listCount][];
    for (int i = 0; i < listCount; i++) {
      centroids[i] = randomUnit(dimensions, random);
      lists.add(new ConcurrentHashMap<>());
    }
  }

  /** A brute-force store: every search scores every vector. */
  public static VectorStore bruteForce(int dimensions) {
    return new VectorStore(dimensions, 1, 1, 0);
  }

  public int dimensions() {
    return dimensions;
  }

  public int size() {
    return byId.size();
  }

  /** Stores a copy of {@code vector} (normalised) with its metadata; returns its new id. */
  public long insert(float[] vector, Map<String, String> metadata) {
    float[] unit = normalised(vector);
    long id = nextId.getAndIncrement();
    Entry entry = new Entry(id, unit, new ConcurrentHashMap<>(metadata), nearestList(unit));
    byId.put(id, entry);
    lists.get(entry.list()).put(id, entry);
    return entry.id();
  }

  /** Replaces the vector of {@code id}, keeping its metadata; false if there is no such id. */
  public boolean update(long id, float[] vector) {
    float[] unit = normalised(vector);
    int list = nearestList(unit);
    return byId.computeIfPresent(id, (key, old) -> {
      Entry updated = new Entry(id, unit, old.metadata(), list);
      lists.get(old.list()).remove(id);
      lists.get(list).put(id, updated);
      return updated;
    }) != null;
  }

  /** Removes {@code id}; false if there was no such id. */
  public boolean delete(long id) {
    Entry[] removed = new Entry[1];
    byId.computeIfPresent(id, (key, old) -> {
      lists.get(old.list()).remove(id);
      removed[0] = old;
      return null;
    });
    return removed[0] != null;
  }

  public Optional<float[]> vector(long id) {
    Entry entry = byId.get(id);
    return entry == null ? Optional.empty() : Optional.of(entry.vector().clone());
  }

  public Optional<Map<String, String>> metadata(long id) {
    Entry entry = byId.get(id);
    return entry == null ? Optional.empty() : Optional.of(Map.copyOf(entry.metadata()));
  }

  /** Sets one metadata field of {@code id}; false if there is no such id. */
  public boolean putMetadata(long id, String key, String value) {
    Entry entry = byId.get(id);
    if (entry == null) {
      return false;
    }
    entry.metadata().put(key, value);
    return true;
  }

  /** The {@code k} stored vectors most similar to {@code query}, best first. */
  public List<Match> search(float[] query, int k) {
    float[] unit = normalised(query);
    PriorityQueue<Match> best = new PriorityQueue<>(k + 1, Comparator.comparingDouble(Match::score));
    for (int list : nearestLists(unit)) {
      for (Entry e : lists.get(list).values()) {
        float score = dot(unit, e.vector());
        if (best.size() < k) {
          best.add(new Match(e.id(), score));
        } else if (score > best.peek().score()) {
          best.poll();
          best.add(new Match(e.id(), score));
        }
      }
    }
    List<Match> matches = new ArrayList<>(best);
    matches.sort(Comparator.comparingDouble(Match::score).reversed());
    return matches;
  }

  private int nearestList(float[] unit) {
    return nearestLists(unit)[0];
  }

  /** The indices of the {@link #probes} centroids nearest {@code unit}, nearest first. */
  private int[] nearestLists(float[] unit) {
    int[] chosen = new int[probes];
    float[] scores = new float[probes];
    java.util.Arrays.fill(scores, Float.NEGATIVE_INFINITY);
    for (int c = 0; c < centroids.length; c++) {
      float score = dot(unit, centroids[c]);
      int at = probes;
      while (at > 0 && score > scores[at - 1]) {
        at--;
      }
      if (at < probes) {
        System.arraycopy(scores, at, scores, at + 1, probes - at - 1);
        System.arraycopy(chosen, at, chosen, at + 1, probes - at - 1);
        scores[at] = score;
        chosen[at] = c;
      }
    }
    return chosen;
  }

  private float[] normalised(float[] vector) {
    if (vector.length != dimensions) {
      throw new IllegalArgumentException("vector has " + vector.length + " dimensions, the store " + dimensions);
    }
    float norm = (float) Math.sqrt(dot(vector, vector));
    if (norm == 0 || Float.isNaN(norm)) {
      throw new IllegalArgumentException("a zero or NaN vector has no direction");
    }
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = vector[i] / norm;
    }
    return unit;
  }

  /** Four running sums, so the JIT can keep four multiply-adds in flight (float order is fixed otherwise). */
  static float dot(float[] a, float[] b) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < a.length; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** A random vector of length 1. */
  public static float[] randomUnit(int dimensions, java.util.random.RandomGenerator random) {
    float[] v = new float[dimensions];
    double norm = 0;
    for (int i = 0; i < dimensions; i++) {
      v[i] = random.nextFloat() - 0.5f;
      norm += v[i] * v[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < dimensions; i++) {
      v[i] *= scale;
    }
    return v;
  }

  /** One search hit. */
  public record Match(long id, float score) {}

  private record Entry(long id, float[] vector, Map<String, String> metadata, int list) {}
}
