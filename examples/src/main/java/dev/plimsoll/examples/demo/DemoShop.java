package dev.plimsoll.examples.demo;

import dev.plimsoll.core.OperationContext;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The embedded target of {@code plimsoll demo}: a pretend shop whose calls take log-normally
 * distributed time (a long right tail, as real services have) and now and then fail: about 0.04 %
 * of calls in the demo's mix.
 */
final class DemoShop {
  /** Errors come at fixed call counts, so every demo shows some yet stays within the criteria. */
  private static final long SEARCH_FAILS_EVERY = 1500;
  private static final long SEARCH_FIRST_FAILURE = 1000;
  private static final long CHECKOUT_FAILS_EVERY = 500;
  private static final long CHECKOUT_FIRST_FAILURE = 150;

  private final AtomicLong searches = new AtomicLong();
  private final AtomicLong checkouts = new AtomicLong();

  /** Looking at a product page: quick. */
  void browse(OperationContext ctx) throws InterruptedException {
    pause(ctx.random(), 2.0, 0.5);
  }

  /** A catalogue search: slower, and a shard is occasionally unavailable. */
  void search(OperationContext ctx) throws InterruptedException {
    pause(ctx.random(), 5.0, 0.6);
    if (failsNow(searches.incrementAndGet(), SEARCH_FIRST_FAILURE, SEARCH_FAILS_EVERY)) {
      throw new IllegalStateException("index shard " + ctx.random().nextInt(8) + " unavailable");
    }
  }

  /** Paying: the slowest call, and the payment gateway sometimes times out. */
  void checkout(OperationContext ctx) throws InterruptedException, TimeoutException {
    pause(ctx.random(), 12.0, 0.5);
    if (failsNow(checkouts.incrementAndGet(), CHECKOUT_FIRST_FAILURE, CHECKOUT_FAILS_EVERY)) {
      throw new TimeoutException("payment gateway timed out after " + (2000 + ctx.random().nextInt(500)) + " ms");
    }
  }

  private static boolean failsNow(long call, long first, long every) {
    return call >= first && (call - first) % every == 0;
  }

  private static void pause(RandomGenerator random, double medianMs, double sigma) throws InterruptedException {
    double ms = medianMs * Math.exp(sigma * random.nextGaussian());
    Thread.sleep(java.time.Duration.ofNanos((long) (ms * 1_000_000)));
  }
}
