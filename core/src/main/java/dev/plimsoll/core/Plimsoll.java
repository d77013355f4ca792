package dev.plimsoll.core;

import dev.plimsoll.core.result.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.ServiceLoader;

/** Runs scenarios. */
public final class Plimsoll {
  private Plimsoll() {}

  /** Runs the scenario to its end and returns the result. */
  public static RunResult run(Scenario scenario) {
    RunHandle handle = start(scenario);
    try {
      return handle.await();
    } catch (InterruptedException e) {
      handle.stop("interrupted");
      Thread.currentThread().interrupt();
      return handle.result().join();
    }
  }

  /** Starts the scenario and returns at once. */
  public static RunHandle start(Scenario scenario) {
    return Engines.ENGINE.start(scenario);
  }

  /** The engine, looked up once: the API knows it only through {@link EngineProvider}. */
  private static final class Engines {
    static final EngineProvider ENGINE = ServiceLoader.load(EngineProvider.class, Plimsoll.class.getClassLoader())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no Plimsoll engine found: plimsoll-core's "
            + "META-INF/services/" + EngineProvider.class.getName() + " is missing (a shaded jar needs "
            + "the ServicesResourceTransformer)"));
  }

  /** This library's version. */
  public static String version() {
    try (InputStream in = Plimsoll.class.getResourceAsStream("plimsoll.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
