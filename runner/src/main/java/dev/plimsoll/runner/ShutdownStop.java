package dev.plimsoll.runner;

import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.result.RunResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A run's end when the process is asked to stop. Ctrl-C and SIGTERM are caught as signals
 * ({@link SignalStop}): the run stops gracefully and ends as any run does, its result returned to
 * the caller. Any other way the JVM begins to shut down (SIGHUP, {@code System.exit} elsewhere, or
 * signals that could not be caught) reaches a shutdown hook instead: it stops the run gracefully,
 * waits until its result and files are written, then hands the result on.
 */
final class ShutdownStop {
  static final String REASON = "interrupted (Ctrl-C)";

  private ShutdownStop() {}

  /** What a run does when asked to stop from outside. */
  record Options(Consumer<RunResult> afterwards, Consumer<String> notices, Duration gracefulStop,
      LongSupplier inFlight) {}

  /**
   * Installs the signal handlers and the hook for the run behind {@code handle}, whose result is
   * {@code written}. Returns the result callers should wait for: it completes unless the JVM is
   * shutting down, in which case the hook alone hands the result on, so it is never reported twice.
   */
  static CompletableFuture<RunResult> guard(RunHandle handle, CompletableFuture<RunResult> written,
      Options options) {
    Optional<SignalStop> signals =
        SignalStop.install(handle, options.notices(), options.gracefulStop(), options.inFlight());
    Thread hook = new Thread(() -> {
      handle.stop(REASON);
      options.afterwards().accept(resultOf(written));
    }, "plimsoll-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    // On a thread of its own: parking the thread that completes the result would also hold back
    // the hook, which waits for that same result.
    return written.whenCompleteAsync((r, e) -> {
      signals.ifPresent(SignalStop::restore);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        parkForever();
      }
    }, task -> Thread.ofPlatform().daemon().name("plimsoll-result").start(task));
  }

  private static RunResult resultOf(CompletableFuture<RunResult> written) {
    try {
      return written.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ResultsNotWrittenException notWritten) {
        return notWritten.result();
      }
      throw e;
    }
  }

  private static void parkForever() {
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
