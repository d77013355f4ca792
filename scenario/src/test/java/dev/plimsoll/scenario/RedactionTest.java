package dev.plimsoll.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.scenario.driver.Redaction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
      "X-Auth-Token", "x-csrf-token", "X-Client-Secret", "X-Api-Key", "x_api_key", "ApiKey", "X-Password",
      "dbPassword", "apiToken"})
  void sensitiveHeadersAreMasked(String name) {
    assertThat(Redaction.isSensitive(name)).isTrue();
    assertThat(Redaction.redact(name, "Bearer abc.def")).isEqualTo("***");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Accept", "Content-Type", "X-Request-Id", "User-Agent", "Cookies-Enabled-Hint", "tenant"})
  void otherHeadersAreKept(String name) {
    assertThat(Redaction.redact(name, "value")).isEqualTo("value");
  }

  @Test
  void headerMapsKeepTheirOrder() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.put("Authorization", "Bearer x");
    headers.put("Cookie", "sid=1");
    assertThat(Redaction.redact(headers)).containsExactly(
        Map.entry("Accept", "application/json"), Map.entry("Authorization", "***"), Map.entry("Cookie", "***"));
    assertThat(Redaction.isSensitive(null)).isFalse();
  }
}
