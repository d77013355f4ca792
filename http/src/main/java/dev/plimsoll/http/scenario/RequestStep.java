package dev.plimsoll.http.scenario;

import dev.plimsoll.core.units.Units;
import dev.plimsoll.scenario.driver.DriverStep;
import dev.plimsoll.scenario.driver.Redaction;
import dev.plimsoll.scenario.driver.Template;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends a request, then checks the response and extracts values from it into the user's state.
 * Checks run first; extraction only from a response that passed them.
 *
 * @param request what is sent
 * @param checks what the response must satisfy, the defaults' checks already applied
 * @param extract values taken from the response
 * @param feeders the feeders its templates read, the default headers' included
 */
record RequestStep(RequestSpec request, CheckSpec checks, List<ExtractSpec> extract, Set<String> feeders)
    implements DriverStep {

  private static final int MAX_BODY_SHOWN = 100;

  public RequestStep {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(checks, "checks");
    extract = List.copyOf(extract);
    feeders = Set.copyOf(feeders);
  }

  /** A step that reads the feeders its own templates name. */
  public RequestStep(RequestSpec request, CheckSpec checks, List<ExtractSpec> extract) {
    this(request, checks, extract, feedersOf(request, checks, List.of()));
  }

  /** The feeders that the request's and checks' templates read, plus those of {@code more}. */
  static Set<String> feedersOf(RequestSpec request, CheckSpec checks, List<Template> more) {
    Set<String> used = new LinkedHashSet<>();
    more.forEach(t -> used.addAll(t.feeders()));
    used.addAll(request.url().feeders());
    request.headers().values().forEach(t -> used.addAll(t.feeders()));
    if (request.body() instanceof BodySpec.Text text) {
      used.addAll(text.template().feeders());
    }
    if (checks.bodyContains() != null) {
      used.addAll(checks.bodyContains().feeders());
    }
    return used;
  }

  @Override
  public String driver() {
    return HttpDriver.NAME;
  }

  /** Bodies by their size and shape only: they may hold credentials. */
  @Override
  public List<String> describe() {
    return describe(false);
  }

  @Override
  public List<String> describe(boolean showBodies) {
    List<String> lines = new ArrayList<>();
    lines.add(request.method() + " " + Redaction.url(request.url().source()));
    if (!request.headers().isEmpty()) {
      lines.add("headers: " + HttpDriverSettings.headers(request.headers()));
    }
    switch (request.body()) {
      case BodySpec.Text t when !showBodies -> lines.add("body: " + BodyShape.ofTemplate(t.template().source()));
      case BodySpec.File f when !showBodies ->
          lines.add("body: file " + f.path().getFileName() + ", " + BodyShape.ofBytes(f.bytes()));
      case BodySpec.Text t -> {
        String body = t.template().source().replace("\n", "\\n");
        if (body.length() > MAX_BODY_SHOWN) {
          body = body.substring(0, MAX_BODY_SHOWN) + "…";
        }
        lines.add("body: " + body);
      }
      case BodySpec.File f -> lines.add("body: file " + f.path().getFileName() + " (" + f.bytes().length + " bytes)");
      case BodySpec.None n -> { }
    }
    lines.add("checks: " + checks(checks));
    if (!extract.isEmpty()) {
      lines.add("extract: " + extract.stream()
          .map(x -> x.name() + " = " + x.from().key() + " " + x.expression())
          .collect(Collectors.joining(", ")));
    }
    return lines;
  }

  private static String checks(CheckSpec c) {
    List<String> parts = new ArrayList<>();
    parts.add("status in " + c.status());
    if (c.bodyContains() != null) {
      parts.add("bodyContains '" + c.bodyContains().source() + "'");
    }
    c.jsonPath().forEach((path, value) -> parts.add("jsonPath " + path + " == '" + value + "'"));
    c.maxSizeBytes().ifPresent(max -> parts.add("maxSize " + Units.formatSize(max)));
    return String.join(", ", parts);
  }
}
