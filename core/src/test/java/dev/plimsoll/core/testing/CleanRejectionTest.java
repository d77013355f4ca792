package dev.plimsoll.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CleanRejectionTest {

  @Test
  void aUsersMessagePasses() {
    assertThatCode(() -> CleanRejection.check(
        new IllegalArgumentException("shop.yaml:3:11: duration: '5x' is not a duration"), "duration: 5x",
        IllegalArgumentException.class)).doesNotThrowAnyException();
  }

  @Test
  void internalsAreFindings() {
    assertThat(CleanRejection.problemWith("warm-up " + Duration.ZERO + " is too short", "warmUp: 0s"))
        .contains("PT0S");
    assertThat(CleanRejection.problemWith("x (from `StreamReadConstraints.getMaxNumberLength()`)", "1"))
        .contains("StreamReadConstraints");
    assertThat(CleanRejection.problemWith("java.lang.NumberFormatException: For input string", "1"))
        .isNotNull();
    assertThat(CleanRejection.problemWith(" ", "")).isEqualTo("no text");
    assertThat(CleanRejection.problemWith(null, "")).isEqualTo("no text");
    assertThat(CleanRejection.problemWith("shop.yaml:9:20: request.url: null: not a string", "url:")).contains("null:");
  }

  @Test
  void textTheInputHoldsMayBeQuoted() {
    assertThat(CleanRejection.problemWith("unknown metric 'Exception'", "Exception < 5ms")).isNull();
    assertThat(CleanRejection.problemWith("'PT5S' is not a duration", "duration: PT5S")).isNull();
    // A key of the user's ending in "null", named before the message's colon (found by fuzzing).
    assertThat(CleanRejection.problemWith("fuzz.yaml:9:20: request.urnull: unknown key", "request: { urnull }")).isNull();
    assertThat(CleanRejection.problemWith("Unrecognized token 'PT1111...'", "PT11111111")).isNull();
  }

  @Test
  void otherExceptionsAreFindingsWithTheirStack() {
    NullPointerException npe = new NullPointerException("name");
    assertThatThrownBy(() -> CleanRejection.check(npe, "", IllegalArgumentException.class))
        .isInstanceOf(AssertionError.class)
        .hasCause(npe);
  }
}
