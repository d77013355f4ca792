package dev.plimsoll.http.scenario;

import dev.plimsoll.core.OperationContext;
import dev.plimsoll.scenario.driver.Action;
import dev.plimsoll.scenario.driver.Template;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * A request step ready to run: renders the URL, headers and body for the calling user, sends them
 * with the executor, then checks the response and extracts values into the user's state.
 */
final class HttpRequestAction implements Action {
  private static final byte[] NO_BODY = new byte[0];

  private final String method;
  private final Template url;
  private final List<Map.Entry<String, Template>> headers;
  /** A body rendered per call, or null when {@link #fixedBody} is sent. */
  private final Template bodyTemplate;
  /** No body, or a file's bytes: read once, shared by every call, never modified. */
  private final byte[] fixedBody;
  private final ResponseChecks checks;
  private final RequestExecutor executor;
  private final String target;
  private final LongSupplier sequence;

  HttpRequestAction(String method, Template url, List<Map.Entry<String, Template>> headers, BodySpec body,
      ResponseChecks checks, RequestExecutor executor, String target, LongSupplier sequence) {
    this.method = method;
    this.url = url;
    this.headers = headers;
    this.bodyTemplate = body instanceof BodySpec.Text t ? t.template() : null;
    this.fixedBody = body instanceof BodySpec.File f ? f.bytes() : NO_BODY;
    this.checks = checks;
    this.executor = executor;
    this.target = target;
    this.sequence = sequence;
  }

  @Override
  public CompletionStage<?> run(OperationContext context) {
    URI uri = uri(url.render(context, sequence));
    Map<String, String> rendered;
    if (headers.isEmpty()) {
      rendered = Map.of();
    } else {
      Map<String, String> values = new LinkedHashMap<>(headers.size() * 2);
      for (Map.Entry<String, Template> h : headers) {
        values.put(h.getKey(), h.getValue().render(context, sequence));
      }
      rendered = Collections.unmodifiableMap(values);
    }
    byte[] bytes = bodyTemplate == null ? fixedBody : bodyTemplate.render(context, sequence).getBytes(StandardCharsets.UTF_8);
    CompletionStage<ResponseView> response = executor.execute(method, uri, rendered, bytes);
    if (response == null) {
      throw new IllegalStateException("the request executor returned null instead of a CompletionStage");
    }
    return response.toCompletableFuture().thenAccept(r -> checks.apply(r, context, sequence));
  }

  private URI uri(String text) {
    String full;
    if (text.regionMatches(true, 0, "http://", 0, 7) || text.regionMatches(true, 0, "https://", 0, 8)) {
      full = text;
    } else if (target == null) {
      throw new IllegalStateException("URL '" + text + "' is relative and the scenario has no target");
    } else {
      full = text.startsWith("/") ? target + text : target + "/" + text;
    }
    try {
      return URI.create(full);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid URL '" + full + "': " + e.getMessage());
    }
  }
}
