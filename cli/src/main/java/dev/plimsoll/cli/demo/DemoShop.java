package dev.plimsoll.cli.demo;

import dev.plimsoll.core.OperationContext;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * The embedded target of {@code plimsoll demo}: a pretend shop whose calls take log-normally
 * distributed time (a long right tail, as real services have) and now and then fail.
 */
public final class DemoShop {

  /** Looking at a product page: quick. */
  public void browse(OperationContext ctx) throws InterruptedException {
    pause(ctx.random(), 2.0, 0.5);
  }

  /** A catalogue search: slower, and a shard is occasionally unavailable. */
  public void search(OperationContext ctx) throws InterruptedException {
    pause(ctx.random(), 5.0, 0.6);
    if (ctx.random().nextDouble() < 0.0005) {
      throw new IllegalStateException("index shard " + ctx.random().nextInt(8) + " unavailable");
    }
  }

  /** Paying: the slowest call, and the payment gateway sometimes times out. */
  public void checkout(OperationContext ctx) throws InterruptedException, TimeoutException {
    pause(ctx.random(), 12.0, 0.5);
    if (ctx.random().nextDouble() < 0.003) {
      throw new TimeoutException("payment gateway timed out after " + (2000 + ctx.random().nextInt(500)) + " ms");
    }
  }

  private static void pause(RandomGenerator random, double medianMs, double sigma) throws InterruptedException {
    double ms = medianMs * Math.exp(sigma * random.nextGaussian());
    Thread.sleep(java.time.Duration.ofNanos((long) (ms * 1_000_000)));
  }
}
