package dev.plimsoll.core;

import dev.plimsoll.core.result.EnvironmentInfo;
import dev.plimsoll.core.result.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * Builds a run of the scenario without starting it, so that it can start at a planned instant
   * with next to no work left ({@link PreparedRun#startAt}): how the machines sharing a run begin
   * together.
   */
  public static PreparedRun prepare(Scenario scenario) {
    return Engines.ENGINE.prepare(scenario);
  }

  /**
   * Follows a run of {@code scenario} whose load other machines generate from {@code startTime}
   * (a cluster coordinator's run): the scenario's listeners are told it started, then receive the
   * merged intervals handed to the returned run, and its result. {@code stopRequests} is called
   * once, with the reason, when the run is asked to stop (by {@link RunHandle#stop} or an
   * abort-on-fail criterion); whoever started the machines then tells them.
   */
  public static RemoteRun follow(Scenario scenario, java.time.Instant startTime, RemoteRun.StopRequests stopRequests) {
    return Engines.ENGINE.follow(scenario, startTime, stopRequests);
  }

  /**
   * As {@link #follow(Scenario, java.time.Instant, RemoteRun.StopRequests)}, for a run whose load
   * can be changed while it goes: its {@link RunHandle#steering() steering} checks and records each
   * change as a local run's does, at a moment {@code changeLead} ahead (time enough for every
   * machine to hear of it), tells the listeners, and hands it to {@code changes}; whoever started
   * the machines sends it to every one, which {@linkplain Steering#apply applies} it at that moment.
   */
  public static RemoteRun follow(Scenario scenario, java.time.Instant startTime, RemoteRun.StopRequests stopRequests,
      RemoteRun.ProfileChanges changes, java.time.Duration changeLead) {
    java.util.Objects.requireNonNull(changes, "changes");
    if (changeLead.isNegative()) {
      throw new IllegalArgumentException("changeLead must not be negative (was " + changeLead + ")");
    }
    return Engines.ENGINE.follow(scenario, startTime, stopRequests, changes, changeLead);
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

  /** Where this process runs, as a run records it (and a run's journal, before the run ends). */
  public static EnvironmentInfo environment() {
    Runtime rt = Runtime.getRuntime();
    return new EnvironmentInfo(
        version(),
        System.getProperty("java.version"),
        System.getProperty("java.vendor"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        rt.availableProcessors(),
        rt.maxMemory(),
        thisHostName());
  }

  /** Avoids a DNS look-up where the kernel already knows the name: resolving can hang for seconds. */
  private static String thisHostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    } catch (IOException | RuntimeException e) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException ex) {
        return "unknown";
      }
    }
  }
}
