package dev.plimsoll.junit;

/**
 * The operation under load, as a plain call: returning is a success, throwing is a failure that is
 * counted and classified, never a reason to stop the run or fail the test by itself.
 */
@FunctionalInterface
public interface Task {
  void run() throws Exception;
}
