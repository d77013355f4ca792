package dev.plimsoll.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.metrics.ErrorClass;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ErrorTableTest {

  @Test
  void messagesDifferingOnlyInValuesAreOneClass() {
    ErrorTable table = new ErrorTable("op", 100);
    table.add(new TimeoutException("timed out after 1032 ms"), 1000);
    table.add(new TimeoutException("timed out after 998 ms"), 2000);
    table.add(new IOException("connection to 10.0.0.7:8080 refused"), 3000);
    List<ErrorClass> classes = table.toErrorClasses(100);
    assertThat(classes).hasSize(2);
    ErrorClass timeouts = classes.get(0);
    assertThat(timeouts.type()).isEqualTo("java.util.concurrent.TimeoutException");
    assertThat(timeouts.message()).isEqualTo("timed out after <n> ms");
    assertThat(timeouts.count()).isEqualTo(2);
    assertThat(timeouts.samples()).extracting(s -> s.message())
        .containsExactly("timed out after 1032 ms", "timed out after 998 ms");
    assertThat(timeouts.first().toEpochMilli()).isEqualTo(1000);
    assertThat(timeouts.last().toEpochMilli()).isEqualTo(2000);
  }

  @Test
  void secretsInMessagesAreMaskedBeforeTheyAreStored() {
    ErrorTable table = new ErrorTable("op", 100);
    String url = "http://alice:hunter2@127.0.0.1:1/a?token=T0K3N&q=1" + "x".repeat(400);
    table.add(new IllegalArgumentException("invalid URL '" + url + "'"), 1000);
    ErrorClass error = table.toErrorClasses(100).get(0);
    assertThat(error.samples().get(0).message()).startsWith("invalid URL 'http://***@127.0.0.1:1/a?token=***&q=1")
        .doesNotContain("hunter2").doesNotContain("T0K3N");
    assertThat(error.message()).doesNotContain("hunter2").doesNotContain("T0K3N");
  }

  @Test
  void idsAndQuotedValuesAreNormalised() {
    assertThat(ErrorClassifier.normalise("order 6f1c2e0a-4b7d-4c1e-9a3b-2d5e6f7a8b9c not found"))
        .isEqualTo("order <uuid> not found");
    assertThat(ErrorClassifier.normalise("user 'alice' missing")).isEqualTo("user <value> missing");
    assertThat(ErrorClassifier.normalise("object 0x7f3a9c at deadbeef1")).isEqualTo("object <hex> at <hex>");
  }

  private static final class StatusFailure extends RuntimeException implements dev.plimsoll.core.ClassifiedError {
    StatusFailure(int status) {
      super("HTTP " + status);
    }

    @Override
    public String errorClass() {
      return getMessage();
    }
  }

  @Test
  void aFailureThatNamesItsClassKeepsItsNumbers() {
    ErrorTable table = new ErrorTable("op", 100);
    table.add(new StatusFailure(503), 1);
    table.add(new StatusFailure(404), 2);
    table.add(new StatusFailure(503), 3);
    assertThat(table.toErrorClasses(100)).extracting(ErrorClass::message, ErrorClass::count)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("HTTP 503", 2L), org.assertj.core.groups.Tuple.tuple("HTTP 404", 1L));
  }

  @Test
  void futureWrappersAreRemoved() {
    Throwable cause = new IllegalStateException("boom");
    assertThat(ErrorClassifier.unwrap(new CompletionException(cause))).isSameAs(cause);
  }

  @Test
  void memoryStaysBoundedWhateverTheErrorRate() {
    ErrorTable table = new ErrorTable("op", 100);
    for (int i = 0; i < 200_000; i++) {
      // 1,000 distinct types of message and a distinct number in each: bounded classes and samples.
      table.add(new RuntimeException("kind" + (char) ('a' + i % 26) + (char) ('a' + (i / 26) % 40) + " value " + i), i);
    }
    List<ErrorClass> classes = table.toErrorClasses(100);
    assertThat(classes).hasSizeLessThanOrEqualTo(ErrorTable.MAX_CLASSES + 1);
    assertThat(classes).allSatisfy(c -> assertThat(c.samples()).hasSizeLessThanOrEqualTo(100));
    assertThat(classes.stream().mapToLong(ErrorClass::count).sum()).isEqualTo(200_000);
    assertThat(classes).anySatisfy(c -> assertThat(c.type()).isEqualTo(ErrorTable.OVERFLOW_TYPE));
  }
}
