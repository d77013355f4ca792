package dev.plimsoll.examples.support;

import dev.plimsoll.core.units.Units;
import java.time.Duration;
import picocli.CommandLine;

/** Reads a duration option as Plimsoll writes durations everywhere: 500ms, 30s, 5m, 1h30m. */
public final class DurationOption implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String text) {
    try {
      return Units.parseDuration(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
