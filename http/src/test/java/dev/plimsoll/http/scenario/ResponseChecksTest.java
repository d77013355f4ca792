package dev.plimsoll.http.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.testing.TestContext;
import dev.plimsoll.scenario.driver.CheckFailedException;
import dev.plimsoll.scenario.driver.Template;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResponseChecksTest {

  record Response(int status, Map<String, String> headers, String text) implements ResponseView {
    @Override
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Override
    public byte[] body() {
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }

  private static final Response ORDER = new Response(200, Map.of("X-Request-Id", "r-17"),
      "{\"state\":\"open\",\"total\":12.50,\"items\":[{\"id\":7},{\"id\":9}],\"token\":\"t0k\",\"note\":null}");

  private final TestContext context = new TestContext();

  private static CheckSpec checks(List<String> status, String contains, Map<String, String> paths, Long max) {
    return new CheckSpec(status, contains == null ? null : Template.literal(contains), paths,
        max == null ? OptionalLong.empty() : OptionalLong.of(max));
  }

  private void apply(CheckSpec checks, Response response, ExtractSpec... extract) {
    new ResponseChecks(checks, List.of(extract)).apply(response, context, () -> 1);
  }

  @Test
  void passingChecks() {
    apply(checks(List.of("200", "404"), "t0k", Map.of("$.state", "open", "$.items[1].id", "9", "$.total", "12.5",
        "$.items[-1].id", "9", "$.note", "null"), 1024L), ORDER);
  }

  @Test
  void defaultChecksAllow2xxAnd3xx() {
    apply(CheckSpec.DEFAULT, new Response(302, Map.of(), ""));
    assertThatThrownBy(() -> apply(CheckSpec.DEFAULT, new Response(404, Map.of(), "")))
        .isInstanceOf(CheckFailedException.class)
        .hasMessage("check status in [2xx, 3xx] failed: got 404");
  }

  @Test
  void failedChecksHaveStableMessages() {
    assertThatThrownBy(() -> apply(checks(List.of("200"), null, Map.of(), null), new Response(503, Map.of(), "")))
        .isInstanceOf(CheckFailedException.class)
        .hasMessage("check status in [200] failed: got 503")
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    assertThatThrownBy(() -> apply(checks(List.of("2xx"), "closed", Map.of(), null), ORDER))
        .hasMessage("check bodyContains 'closed' failed: not found in 84 bytes");
    assertThatThrownBy(() -> apply(checks(List.of("2xx"), null, Map.of("$.state", "closed"), null), ORDER))
        .hasMessage("check jsonPath $.state == 'closed' failed: got 'open'");
    assertThatThrownBy(() -> apply(checks(List.of("2xx"), null, Map.of("$.items[5].id", "1"), null), ORDER))
        .hasMessage("check jsonPath $.items[5].id == '1' failed: no value");
    assertThatThrownBy(() -> apply(checks(List.of("2xx"), null, Map.of("$.a", "1"), null),
        new Response(200, Map.of(), "<html>")))
        .hasMessage("check jsonPath $.a == '1' failed: the body is not JSON");
    assertThatThrownBy(() -> apply(checks(List.of("2xx"), null, Map.of(), 64L), ORDER))
        .hasMessage("check maxSize 64B failed: body is 84 bytes");
    assertThatThrownBy(() -> apply(checks(List.of("2xx"), null, Map.of(), 65536L), new Response(200, Map.of(),
        "x".repeat(70000))))
        .hasMessage("check maxSize 64KB failed: body is 70000 bytes");
  }

  @Test
  void extractionStoresValuesInTheUsersState() {
    apply(CheckSpec.DEFAULT, ORDER,
        new ExtractSpec("token", ExtractSpec.From.JSON_PATH, "$.token"),
        new ExtractSpec("firstItem", ExtractSpec.From.JSON_PATH, "$.items[0]"),
        new ExtractSpec("state", ExtractSpec.From.REGEX, "\"state\":\"(\\w+)\""),
        new ExtractSpec("requestId", ExtractSpec.From.HEADER, "x-request-id"));
    assertThat(context.state()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "token", "t0k", "firstItem", "{\"id\":7}", "state", "open", "requestId", "r-17"));
  }

  @Test
  void missingValuesFailTheStep() {
    assertThatThrownBy(() -> apply(CheckSpec.DEFAULT, ORDER, new ExtractSpec("x", ExtractSpec.From.JSON_PATH, "$.nope")))
        .isInstanceOf(CheckFailedException.class).hasMessage("extract x (jsonPath $.nope) failed: no value");
    assertThatThrownBy(() -> apply(CheckSpec.DEFAULT, ORDER, new ExtractSpec("x", ExtractSpec.From.JSON_PATH, "$.note")))
        .hasMessage("extract x (jsonPath $.note) failed: no value");
    assertThatThrownBy(() -> apply(CheckSpec.DEFAULT, ORDER, new ExtractSpec("x", ExtractSpec.From.REGEX, "id=(\\d+)")))
        .hasMessage("extract x (regex id=(\\d+)) failed: no match");
    assertThatThrownBy(() -> apply(CheckSpec.DEFAULT, ORDER, new ExtractSpec("x", ExtractSpec.From.HEADER, "X-Nope")))
        .hasMessage("extract x (header X-Nope) failed: no such header");
  }

  @Test
  void checksRunBeforeExtraction() {
    assertThatThrownBy(() -> apply(checks(List.of("201"), null, Map.of(), null), ORDER,
        new ExtractSpec("token", ExtractSpec.From.JSON_PATH, "$.token")))
        .hasMessage("check status in [201] failed: got 200");
    assertThat(context.state()).isEmpty();
  }

  @Test
  void jsonPathSubset() {
    assertThat(JsonPath.compile("$['content-type'].a[0]").toString()).isEqualTo("$['content-type'].a[0]");
    assertThatThrownBy(() -> JsonPath.compile("items[0]")).hasMessageContaining("it must start with '$'");
    assertThatThrownBy(() -> JsonPath.compile("$..id")).hasMessageContaining("a '.' is not followed by a name");
    assertThatThrownBy(() -> JsonPath.compile("$.a[")).hasMessageContaining("a '[' is not closed");
  }
}
