package dev.plimsoll.scenario;

import dev.plimsoll.core.ThinkTime;
import java.util.Map;

/**
 * The file's {@code defaults} section. The think time is already applied to every closed workload
 * that sets none, and the checks to every request step (a step's own check of the same kind wins);
 * the headers are added to every request when it is sent (a request's own header of the same name,
 * ignoring case, wins).
 */
public record DefaultsSpec(Map<String, Template> headers, ThinkTime thinkTime, CheckSpec checks) {

  public static final DefaultsSpec NONE = new DefaultsSpec(Map.of(), ThinkTime.none(), CheckSpec.DEFAULT);

  public DefaultsSpec {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
  }
}
