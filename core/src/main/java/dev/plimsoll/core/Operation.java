package dev.plimsoll.core;

/**
 * A synchronous unit of work under test. Returning normally is a success; throwing is a failure,
 * classified by the exception's type and message. A failure never stops the run.
 */
@FunctionalInterface
public interface Operation {
  void call(OperationContext context) throws Exception;
}
