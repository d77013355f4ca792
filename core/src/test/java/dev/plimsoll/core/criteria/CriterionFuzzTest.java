package dev.plimsoll.core.criteria;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.plimsoll.core.testing.CleanRejection;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Any text as a criterion: it parses, or it is rejected with an {@link IllegalArgumentException}
 * that quotes the criterion and says what is wrong. A normal build replays the seeds in
 * {@code CriterionFuzzTestInputs/}; {@code -Pfuzz} fuzzes (docs/fuzzing.md).
 */
class CriterionFuzzTest {

  /** Each input within 10 s: a slow one is a finding too (a dry run must not hang). */
  @Timeout(10)
  @FuzzTest(maxDuration = "30s")
  void parse(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Criterion criterion;
    try {
      criterion = Criterion.parse(text);
    } catch (IllegalArgumentException e) {
      CleanRejection.check(e, text, IllegalArgumentException.class);
      if (!e.getMessage().startsWith("criterion '")) {
        throw new AssertionError("a rejection that does not quote the criterion: " + e.getMessage(), e);
      }
      return;
    }
    // What parsed must read back the same: result files and reports show the source text.
    if (!Criterion.parse(criterion.source()).equals(criterion)) {
      throw new AssertionError("'" + criterion.source() + "' parses differently the second time");
    }
  }
}
