package dev.plimsoll.results;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.testing.CleanRejection;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes as a result file, read as {@code plimsoll report} reads one: a result, or an
 * {@link IllegalArgumentException} that names the file and says what is wrong. What reads must
 * write and read back equal. A normal build replays the seeds in {@code ResultJsonFuzzTestInputs/};
 * {@code -Pfuzz} fuzzes (docs/fuzzing.md).
 */
class ResultJsonFuzzTest {

  private static final String FILE = "result.json";

  /** Each input within 10 s: a slow one is a finding too (a dry run must not hang). */
  @Timeout(10)
  @FuzzTest(maxDuration = "30s")
  void read(byte[] content) {
    RunResult result;
    try {
      result = ResultJson.fromJson(content, FILE);
    } catch (IllegalArgumentException e) {
      CleanRejection.check(e, new String(content, StandardCharsets.UTF_8), IllegalArgumentException.class);
      if (!e.getMessage().startsWith(FILE + ":") && !e.getMessage().startsWith(FILE + " at ")) {
        throw new AssertionError("a rejection that does not name the file: " + e.getMessage(), e);
      }
      return;
    }
    String written = ResultJson.toJson(result);
    if (!ResultJson.fromJson(written).equals(result)) {
      throw new AssertionError("a result that reads back different after writing");
    }
  }
}
