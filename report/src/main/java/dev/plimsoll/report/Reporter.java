package dev.plimsoll.report;

import dev.plimsoll.core.result.RunResult;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * One kind of report rendered from a {@link RunResult}: the service that {@link Reports} finds
 * with {@link java.util.ServiceLoader}.
 *
 * <p>A new report (HTML, JUnit XML, CSV) is a public class with a public no-argument constructor
 * implementing this interface, and its name on one line of
 * {@code META-INF/services/dev.plimsoll.report.Reporter}. The reporter only renders: where the
 * bytes go, and that a file appears whole or not at all, is the caller's business.
 *
 * <p>Implementations are stateless and safe to call from several threads.
 */
public interface Reporter {

  /**
   * A short lower-case name, unique among reporters, by which a user can pick this report, such
   * as {@code markdown}.
   */
  String name();

  /**
   * The file this report is written to in a run's directory, a plain name such as
   * {@code report.md}; empty for a report meant for a terminal, which {@link Reports#writeAll}
   * leaves out.
   */
  Optional<String> fileName();

  /**
   * Writes the report of {@code result} onto {@code out}; text is UTF-8 with {@code \n} line ends.
   * The caller owns {@code out}: it is neither flushed nor closed here.
   */
  void write(RunResult result, OutputStream out) throws IOException;
}
