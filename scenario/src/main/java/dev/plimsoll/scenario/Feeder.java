package dev.plimsoll.scenario;

import dev.plimsoll.core.OperationContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A feeder's records during one run: shared by every user, safe to draw from concurrently. */
final class Feeder {
  private final FeederSpec spec;
  private final List<Map<String, String>> records;
  private final AtomicLong cursor = new AtomicLong();

  Feeder(FeederSpec spec) {
    this.spec = spec;
    this.records = spec.records();
  }

  String name() {
    return spec.name();
  }

  /** The next record for the user calling. */
  Map<String, String> next(OperationContext context) {
    int n = records.size();
    if (spec.order() == FeederSpec.Order.RANDOM) {
      return records.get(context.random().nextInt(n));
    }
    return records.get((int) Long.remainderUnsigned(cursor.getAndIncrement(), n));
  }
}
