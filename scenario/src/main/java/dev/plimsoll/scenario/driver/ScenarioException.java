package dev.plimsoll.scenario.driver;

/**
 * A scenario that cannot be run, found before anything is sent. The message is complete on its
 * own and meant to be printed as is, without a stack trace:
 *
 * <pre>
 * shop.yaml:14:11: workloads[0].open.rate: '200/min/s' is not a rate (examples: 200/s, 12000/min)
 * PLIMSOLL_RATE: '20x' is not a rate (examples: 200/s, 12000/min)
 * </pre>
 *
 * <p>It is {@code where: [path: ]problem}, where {@code where} is {@code file:line:column} for a
 * value read from a scenario file, or the name of the override (an environment variable, a
 * command-line option) that supplied it. Each part is also kept as data: {@link #file()},
 * {@link #line()}, {@link #column()}, {@link #path()} (the field) and {@link #problem()}.
 */
public final class ScenarioException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String where;
  private final String file;
  private final int line;
  private final int column;
  private final String path;
  private final String problem;

  /** A problem at a position in a file; {@code line} and {@code column} count from 1. */
  public ScenarioException(String source, int line, int column, String path, String problem) {
    this(source + ":" + line + ":" + column, source, line, column, path, problem);
  }

  /** A problem with a value that came from somewhere other than a file, e.g. an environment variable. */
  public ScenarioException(String where, String path, String problem) {
    this(where, "", 0, 0, path, problem);
  }

  /** A problem with a file as a whole (it is empty, say), or with a value whose position is unknown. */
  public static ScenarioException inFile(String file, String path, String problem) {
    return new ScenarioException(file, file, 0, 0, path, problem);
  }

  private ScenarioException(String where, String file, int line, int column, String path, String problem) {
    super(where + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + problem);
    this.where = where;
    this.file = file;
    this.line = line;
    this.column = column;
    this.path = path == null ? "" : path;
    this.problem = problem;
  }

  /** {@code file:line:column}, {@code file}, or the name of an override. */
  public String where() {
    return where;
  }

  /** The scenario file as messages name it ({@code shop.yaml}); empty when the value came from an override. */
  public String file() {
    return file;
  }

  /** The line in the file, from 1; 0 when the problem is not at a position in a file. */
  public int line() {
    return line;
  }

  /** The column in the file, from 1; 0 when the problem is not at a position in a file. */
  public int column() {
    return column;
  }

  /** The field at fault, e.g. {@code workloads[0].open.rate}; empty when it is the file itself. */
  public String path() {
    return path;
  }

  /** What is wrong, without the location and the path. */
  public String problem() {
    return problem;
  }
}
