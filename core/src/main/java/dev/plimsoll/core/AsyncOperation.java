package dev.plimsoll.core;

import java.util.concurrent.CompletionStage;

/**
 * An asynchronous unit of work under test: it starts the work and returns a stage that completes
 * when the work does. Exceptional completion (or throwing from {@code call}) is a failure.
 * Service and response time run until the stage completes.
 */
@FunctionalInterface
public interface AsyncOperation {
  CompletionStage<?> call(OperationContext context) throws Exception;
}
