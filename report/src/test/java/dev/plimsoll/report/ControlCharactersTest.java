package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.ErrorClass;
import dev.plimsoll.core.metrics.ErrorSample;
import dev.plimsoll.core.result.ResultSection;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.results.testing.ResultFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bytes from the target (a reason phrase, a JSON value in a check's message) reach reports through
 * error samples; a scenario's name and the stop reason are text from outside too. None may reach a
 * terminal or a report as a control character.
 */
class ControlCharactersTest {
  private static final String CLEAR_SCREEN = "\u001b[2J";

  /** The rich fixture with hostile text in every string a report takes from the run. */
  private static RunResult hostile() {
    RunResult rich = ResultFixtures.richResult();
    List<ErrorClass> errors = new ArrayList<>(rich.errors());
    ErrorClass first = errors.get(0);
    errors.set(0, new ErrorClass(first.operation(), "HTTP 200 OK" + CLEAR_SCREEN, "got <value>" + CLEAR_SCREEN,
        first.count(), first.first(), first.last(),
        List.of(new ErrorSample(first.first(), "check jsonPath $.state == 'open' failed: got '" + CLEAR_SCREEN
            + "\rfake | cell\nnext line\u0007\u009b31m\u202Eevil'"))));
    return new RunResult(rich.schemaVersion(), "shop" + CLEAR_SCREEN, rich.status(), "completed\r" + CLEAR_SCREEN,
        rich.startTime(), rich.endTime(), rich.measuredDuration(), rich.config(), rich.environment(), rich.total(),
        rich.operations(), rich.intervals(), rich.verdicts(), errors, rich.system(), rich.generatorHealth())
        .withSections(List.of(ResultSection.builder("simulation", "Sim" + CLEAR_SCREEN)
            .fact("node" + CLEAR_SCREEN, "crashed\u0007 | " + CLEAR_SCREEN).build()));
  }

  private static void assertNoControlCharacterButNewlines(String text) {
    assertThat(text.chars().filter(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x202e)))
        .as(text).isEmpty();
  }

  @Test
  void theConsoleReportEscapesThem() {
    String text = ConsoleReport.render(hostile(), false);
    assertNoControlCharacterButNewlines(text);
    assertThat(text).startsWith("FAILED  shop\\x1B[2J: completed\\r\\x1B[2J;")
        .contains("got '\\x1B[2J fake | cell next line\\x07\\x9B31m\\u202Eevil'");
    // With colour, the only escape sequences are the report's own styles.
    String coloured = ConsoleReport.render(hostile(), true);
    assertThat(coloured.replaceAll("\u001b\\[(?:0|1|31|32|33)m", "")).isEqualTo(text);
  }

  @Test
  void theMarkdownReportEscapesThemAndKeepsEachRowOnOneLine() {
    String md = MarkdownReport.render(hostile());
    assertNoControlCharacterButNewlines(md);
    assertThat(md).startsWith("# FAILED: shop\\\\x1B\\[2J\n")
        .contains("got '\\\\x1B\\[2J fake \\| cell next line\\\\x07\\\\x9B31m\\\\u202Eevil'");
    assertThat(md.lines().filter(l -> l.contains("fake")))
        .singleElement().satisfies(row -> assertThat(row).startsWith("| ").endsWith(" |"));
  }
}
