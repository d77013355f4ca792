package dev.plimsoll.scenario.driver;

import java.util.List;
import java.util.Set;

/** A step that a driver reads and runs: an HTTP request, say. An immutable value. */
public interface DriverStep extends StepSpec {

  /** The {@link Driver#name()} of the driver that runs it. */
  String driver();

  /** The feeders the step's templates read; a flow draws one record of each when it starts. */
  Set<String> feeders();

  /**
   * The step in the dry run: the first line says what it does ({@code POST /login}), the others
   * give details ({@code checks: status in [200]}). Secrets must be masked
   * ({@link Redaction}); templates are shown as written. What a step sends (a request body, say)
   * is shown by its size and shape only, as it may hold credentials.
   */
  List<String> describe();

  /**
   * As {@link #describe()}; when {@code showBodies}, what the step sends is shown as written (the
   * user asked for it, e.g. with {@code --show-bodies}). By default the same as {@link #describe()}.
   */
  default List<String> describe(boolean showBodies) {
    return describe();
  }
}
