package dev.plimsoll.cli;

import dev.plimsoll.core.units.Units;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Reads durations on the command line exactly as scenario files do ({@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 1h30m}), so a value means the same wherever it is written.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  @Override
  public Duration convert(String text) {
    try {
      return Units.parseDuration(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
