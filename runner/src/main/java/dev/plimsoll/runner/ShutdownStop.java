package dev.plimsoll.runner;

import dev.plimsoll.core.RunHandle;
import dev.plimsoll.core.result.RunResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Ctrl-C and SIGTERM during a run: stop it gracefully, wait until its result and files are written,
 * then hand the result on. A JVM shutdown hook is the one place both signals reach.
 */
final class ShutdownStop {
  static final String REASON = "interrupted (Ctrl-C)";

  private ShutdownStop() {}

  /**
   * Installs the hook for the run behind {@code handle}, whose result is {@code written}. Returns the
   * result callers should wait for: it completes only if the run ended without a signal; when a
   * signal came, the hook alone hands the result on, so it is never reported twice.
   */
  static CompletableFuture<RunResult> guard(RunHandle handle, CompletableFuture<RunResult> written,
      Consumer<RunResult> afterwards) {
    Thread hook = new Thread(() -> {
      handle.stop(REASON);
      afterwards.accept(resultOf(written));
    }, "plimsoll-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    // On a thread of its own: parking the thread that completes the result would also hold back
    // the hook, which waits for that same result.
    return written.whenCompleteAsync((r, e) -> {
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
