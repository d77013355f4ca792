package dev.plimsoll.core.system;

import dev.plimsoll.core.metrics.SystemSample;

/**
 * Samples the process and the machine. Each call to {@link #sample()} reports the activity since
 * the previous call (the first call: since the sampler was created). TODO: implement (system helper).
 */
public final class SystemSampler {

  public static SystemSampler create() {
    return new SystemSampler();
  }

  public SystemSample sample() {
    return SystemSample.UNKNOWN;
  }
}
