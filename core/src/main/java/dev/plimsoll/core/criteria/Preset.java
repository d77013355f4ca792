package dev.plimsoll.core.criteria;

import java.util.List;

/** Named sets of criteria. TODO: implement (criteria helper). */
public enum Preset {
  PRODUCTION,
  DEVELOPMENT;

  public List<Criterion> criteria() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Looks a preset up by name, case-insensitively; an unknown name is an IllegalArgumentException listing the presets. */
  public static Preset named(String name) {
    throw new UnsupportedOperationException("TODO");
  }
}
