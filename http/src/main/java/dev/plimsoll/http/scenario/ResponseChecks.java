package dev.plimsoll.http.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.core.OperationContext;
import dev.plimsoll.core.units.Units;
import dev.plimsoll.scenario.driver.CheckFailedException;
import dev.plimsoll.scenario.driver.Redaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request step's checks and extractions, compiled once and applied to each response. */
final class ResponseChecks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CheckSpec checks;
  private final String statusText;
  /** {@link CheckSpec#statusAllowed} for codes 0 to 999, worked out once. */
  private final boolean[] allowed = new boolean[1000];
  private final PathCheck[] pathChecks;
  private final Extractor[] extractors;
  /** Whether any check or extraction reads the body (a driver may copy it for each call of body()). */
  private final boolean readsBody;

  private record PathCheck(JsonPath path, String expected, String label) {}

  private record Extractor(String name, ExtractSpec.From from, String expression, JsonPath path, Pattern regex, String label) {}

  ResponseChecks(CheckSpec checks, List<ExtractSpec> extract) {
    this.checks = checks;
    this.statusText = "check status in " + checks.status().toString() + " failed: got ";
    for (int code = 0; code < allowed.length; code++) {
      allowed[code] = checks.statusAllowed(code);
    }
    List<PathCheck> paths = new ArrayList<>();
    for (Map.Entry<String, String> e : checks.jsonPath().entrySet()) {
      JsonPath path = JsonPath.compile(e.getKey());
      paths.add(new PathCheck(path, e.getValue(), "check jsonPath " + path + " == '" + e.getValue() + "' failed: "));
    }
    List<Extractor> extracting = new ArrayList<>();
    for (ExtractSpec x : extract) {
      extracting.add(new Extractor(x.name(), x.from(), x.expression(),
          x.from() == ExtractSpec.From.JSON_PATH ? JsonPath.compile(x.expression()) : null,
          x.from() == ExtractSpec.From.REGEX ? Pattern.compile(x.expression()) : null,
          "extract " + x.name() + " (" + x.from().key() + " " + x.expression() + ") failed: "));
    }
    this.pathChecks = paths.toArray(PathCheck[]::new);
    this.extractors = extracting.toArray(Extractor[]::new);
    this.readsBody = checks.maxSizeBytes().isPresent() || checks.bodyContains() != null || pathChecks.length > 0
        || extracting.stream().anyMatch(x -> x.from() != ExtractSpec.From.HEADER);
  }

  /**
   * Checks the response, then stores the extracted values in the user's state.
   *
   * @throws CheckFailedException on the first check that fails or value that is missing
   */
  void apply(ResponseView response, OperationContext context, LongSupplier sequence) {
    int status = response.status();
    if (!(status >= 0 && status < allowed.length ? allowed[status] : checks.statusAllowed(status))) {
      throw new CheckFailedException(statusText + status, true);
    }
    if (readsBody) {
      checkBody(response, context, sequence);
    } else {
      extract(response, context, null, null, null);
    }
  }

  private void checkBody(ResponseView response, OperationContext context, LongSupplier sequence) {
    byte[] body = response.body();
    if (body == null) {
      body = new byte[0];
    }
    if (checks.maxSizeBytes().isPresent() && body.length > checks.maxSizeBytes().getAsLong()) {
      throw new CheckFailedException("check maxSize " + Units.formatSize(checks.maxSizeBytes().getAsLong())
          + " failed: body is " + body.length + " bytes");
    }
    String text = null;
    if (checks.bodyContains() != null) {
      String needle = checks.bodyContains().render(context, sequence);
      text = new String(body, StandardCharsets.UTF_8);
      if (!text.contains(needle)) {
        // The needle may be a secret (${env.TOKEN}, a stored session id): the message shows it masked.
        String shown = checks.bodyContains().hasSecrets() ? checks.bodyContains().source() : needle;
        throw new CheckFailedException("check bodyContains '" + Redaction.text(shown) + "' failed: not found in "
            + body.length + " bytes");
      }
    }
    JsonNode json = null;
    for (PathCheck c : pathChecks) {
      json = json != null ? json : json(body, c.label());
      JsonNode found = c.path().find(json);
      if (found == null || found.isMissingNode()) {
        throw new CheckFailedException(c.label() + "no value");
      }
      if (!matches(found, c.expected())) {
        throw new CheckFailedException(c.label() + "got '" + JsonPath.text(found) + "'");
      }
    }
    extract(response, context, body, text, json);
  }

  private void extract(ResponseView response, OperationContext context, byte[] body, String text, JsonNode json) {
    for (Extractor x : extractors) {
      String value;
      switch (x.from()) {
        case JSON_PATH -> {
          json = json != null ? json : json(body, x.label());
          JsonNode found = x.path().find(json);
          if (found == null || found.isMissingNode() || found.isNull()) {
            throw new CheckFailedException(x.label() + "no value");
          }
          value = JsonPath.text(found);
        }
        case REGEX -> {
          text = text != null ? text : new String(body, StandardCharsets.UTF_8);
          Matcher m = x.regex().matcher(text);
          if (!m.find() || m.group(1) == null) {
            throw new CheckFailedException(x.label() + "no match");
          }
          value = m.group(1);
        }
        default -> {
          value = response.header(x.expression());
          if (value == null) {
            throw new CheckFailedException(x.label() + "no such header");
          }
        }
      }
      context.state().put(x.name(), value);
    }
  }

  private static JsonNode json(byte[] body, String label) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new CheckFailedException(label + "the body is empty, not JSON");
      }
      return node;
    } catch (IOException e) {
      throw new CheckFailedException(label + "the body is not JSON");
    }
  }

  /** Text equality, except that numbers compare by value (1.0 equals 1). */
  private static boolean matches(JsonNode found, String expected) {
    if (found.isNumber()) {
      try {
        return found.decimalValue().compareTo(new BigDecimal(expected)) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return JsonPath.text(found).equals(expected);
  }
}
