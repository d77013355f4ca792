package dev.plimsoll.scenario;

import dev.plimsoll.scenario.driver.Driver;
import dev.plimsoll.scenario.driver.DriverReader;
import dev.plimsoll.scenario.driver.DriverSettings;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The drivers' readers for one file, and which drivers the file uses: a driver whose section,
 * defaults or steps appear. Only those get settings in the spec and a session in a run.
 */
final class FileDrivers {
  private final Drivers drivers;
  private final Map<String, DriverReader> readers = new LinkedHashMap<>();
  private final Set<String> used = new LinkedHashSet<>();

  FileDrivers(Drivers drivers, FileContext context) {
    this.drivers = drivers;
    for (Driver d : drivers.all()) {
      readers.put(d.name(), d.reader(context));
    }
  }

  Drivers drivers() {
    return drivers;
  }

  /** The reader of {@code driver}, which the file now uses. */
  DriverReader use(Driver driver) {
    used.add(driver.name());
    return readers.get(driver.name());
  }

  /** The reader of {@code driver}, without marking it used (for looking ahead). */
  DriverReader peek(Driver driver) {
    return readers.get(driver.name());
  }

  /** The settings of each driver the file uses, in driver order. */
  Map<String, DriverSettings> settings() {
    Map<String, DriverSettings> settings = new LinkedHashMap<>();
    readers.forEach((name, reader) -> {
      if (used.contains(name)) {
        settings.put(name, reader.settings());
      }
    });
    return settings;
  }

  /** Lets each used driver check what depends on the final target. */
  void checkTarget(URI target) {
    readers.forEach((name, reader) -> {
      if (used.contains(name)) {
        reader.checkTarget(target);
      }
    });
  }
}
