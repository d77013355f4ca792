package dev.plimsoll.cluster;

import dev.plimsoll.core.criteria.Criterion;
import dev.plimsoll.scenario.Overrides;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Overrides as the {@code PLIMSOLL_*} variables a worker reads them from: the one form in which the
 * coordinator's command-line options and environment reach every worker unchanged.
 */
final class OverrideSettings {
  private OverrideSettings() {}

  static Map<String, String> of(Overrides o) {
    Map<String, String> s = new LinkedHashMap<>();
    o.ratePerSecond().ifPresent(r -> s.put(Overrides.RATE, BigDecimal.valueOf(r).toPlainString() + "/s"));
    o.users().ifPresent(u -> s.put(Overrides.USERS, Integer.toString(u)));
    o.duration().ifPresent(d -> s.put(Overrides.DURATION, text(d)));
    o.warmUp().ifPresent(d -> s.put(Overrides.WARMUP, text(d)));
    o.connections().ifPresent(c -> s.put(Overrides.CONNECTIONS, Integer.toString(c)));
    o.target().ifPresent(t -> s.put(Overrides.TARGET, t.toString()));
    o.criteria().ifPresent(c -> s.put(Overrides.CRITERIA,
        c.stream().map(Criterion::source).collect(Collectors.joining(";"))));
    return s;
  }

  private static String text(Duration d) {
    return d.toNanos() % 1_000_000 == 0 ? d.toMillis() + "ms" : BigDecimal.valueOf(d.toNanos(), 9).toPlainString() + "s";
  }
}
