package dev.plimsoll.runner;

import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.units.Units;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM during a run, caught as signals rather than as the JVM's shutdown,
 * which cannot tell them apart and cannot be cancelled. The first stops the run gracefully and
 * says so; the second cuts the graceful stop short ({@link RunHandle#stopNow}), the result still
 * written; a third ends the process at once, without a result (exit 130).
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}) is the JDK's only way to catch a
 * signal by name. Where it is refused (a JVM started with {@code -Xrs}, a signal the platform
 * lacks), nothing is installed and the shutdown hook of {@link ShutdownStop} still stops the run
 * gracefully.
 */
final class SignalStop {
  /** The exit status of a process ended by a third signal: 128 + SIGINT's number, as shells do. */
  static final int QUIT_STATUS = 130;

  private final RunHandle handle;
  private final Consumer<String> notices;
  private final Duration gracefulStop;
  private final LongSupplier inFlight;
  private final AtomicInteger received = new AtomicInteger();
  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

  private SignalStop(RunHandle handle, Consumer<String> notices, Duration gracefulStop, LongSupplier inFlight) {
    this.handle = handle;
    this.notices = notices;
    this.gracefulStop = gracefulStop;
    this.inFlight = inFlight;
  }

  /**
   * Catches SIGINT and SIGTERM for the run behind {@code handle} until {@link #restore}.
   *
   * @param inFlight operations in flight as last measured, or -1 before the first interval
   * @return empty if the signals could not be caught
   */
  static Optional<SignalStop> install(RunHandle handle, Consumer<String> notices, Duration gracefulStop,
      LongSupplier inFlight) {
    SignalStop stop = new SignalStop(handle, notices, gracefulStop, inFlight);
    try {
      for (String name : new String[] {"INT", "TERM"}) {
        Signal signal = new Signal(name);
        stop.previous.put(signal, Signal.handle(signal, stop::received));
      }
      return Optional.of(stop);
    } catch (IllegalArgumentException | UnsupportedOperationException refused) {
      stop.restore();
      return Optional.empty();
    }
  }

  /** Gives the signals back to whoever had them before the run. */
  void restore() {
    previous.forEach((signal, handler) -> {
      try {
        Signal.handle(signal, handler);
      } catch (IllegalArgumentException ignored) {
        // The JVM is on its way down; nothing left to restore for.
      }
    });
    previous.clear();
  }

  /** The stop reason a signal gives a run; Ctrl-C keeps the words it always had. */
  static String reason(String signalName) {
    return signalName.equals("SIGINT") ? ShutdownStop.REASON : "interrupted (" + signalName + ")";
  }

  private void received(Signal signal) {
    String name = "SIG" + signal.getName();
    String again = signal.getName().equals("INT") ? "Ctrl-C again" : "send " + name + " again";
    switch (received.incrementAndGet()) {
      case 1 -> {
        notices.accept(name + " received: stopping gracefully (waiting up to "
            + Units.formatDuration(gracefulStop) + " for " + inFlightWords() + "; " + again
            + " to stop now)");
        handle.stop(reason(name));
      }
      case 2 -> {
        notices.accept(name + " received again: stopping now, cutting off the operations in flight;"
            + " the result is still written (" + again + " to quit without it)");
        handle.stopNow(reason(name));
      }
      default -> {
        notices.accept(name + " received a third time: quitting without writing the result");
        Runtime.getRuntime().halt(QUIT_STATUS);
      }
    }
  }

  private String inFlightWords() {
    long count = inFlight.getAsLong();
    if (count < 0) {
      return "the operations in flight";
    }
    return Units.count(count) + " in-flight " + (count == 1 ? "operation" : "operations");
  }
}
