package dev.plimsoll.examples.vectors;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Where a vector's bytes live, and what reading them costs: memory, a local SSD, an object store.
 * The latencies are simulated (log-normal, so each tier has a realistic long tail).
 */
public enum TieredStorage {
  HOT(0, 0),
  WARM(2.0, 0.4),
  COLD(25.0, 0.5);

  private final double medianMs;
  private final double sigma;

  TieredStorage(double medianMs, double sigma) {
    this.medianMs = medianMs;
    this.sigma = sigma;
  }

  public double medianMs() {
    return medianMs;
  }

  /** Reads {@code id}'s vector from {@code store} through this tier: waits as long as the tier takes. */
  public float[] read(VectorStore store, long id, RandomGenerator random) throws InterruptedException {
    if (medianMs > 0) {
      double ms = medianMs * Math.exp(sigma * random.nextGaussian());
      Thread.sleep(Duration.ofNanos((long) (ms * 1_000_000)));
    }
    return store.vector(id).orElseThrow(() -> new IllegalStateException("vector " + id + " is missing"));
  }
}
