package dev.plimsoll.http.scenario;

import dev.plimsoll.core.OperationContext;
import dev.plimsoll.scenario.driver.Action;
import dev.plimsoll.scenario.driver.Redaction;
import dev.plimsoll.scenario.driver.Template;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A request step ready to run: renders the URL, headers and body for the calling user, sends them
 * with the executor, which checks the response and extracts values into the user's state as the
 * response completes.
 *
 * <p>What is the same on every call is done once: headers without an expression are one map for
 * the run, and a request with no expression at all is prepared by the executor on its first call
 * (the URI parsed, the request validated and encoded) and sent as it is from then on.
 */
final class HttpRequestAction implements Action {
  private static final byte[] NO_BODY = new byte[0];

  private final String method;
  private final Template url;
  private final List<Map.Entry<String, Template>> headers;
  private final BodySpec body;
  /** The headers when none has an expression (the same map every call), else null. */
  private final Map<String, String> constantHeaders;
  /** A body rendered per call, or null when {@link #fixedBody} is sent. */
  private final Template bodyTemplate;
  /** No body, or a file's bytes: read once, shared by every call, never modified. */
  private final byte[] fixedBody;
  private final ResponseChecks checks;
  private final RequestExecutor executor;
  private final String target;
  private final LongSupplier sequence;
  /** Whether the request is the same on every call: no expression in its URL, headers or body. */
  private final boolean constant;
  /** Whether the URL is written from the target's root ("/items/${seq}"): rendered after the target. */
  private final boolean rootRelative;
  /** The executor's prepared form of a constant request, once made. */
  private volatile RequestExecutor.Prepared prepared;
  /** Why preparing before the run failed, until the first call reports it. */
  private volatile RuntimeException preparedAheadFailure;

  HttpRequestAction(String method, Template url, List<Map.Entry<String, Template>> headers, BodySpec body,
      ResponseChecks checks, RequestExecutor executor, String target, LongSupplier sequence) {
    this.method = method;
    this.url = url;
    this.headers = headers;
    this.body = body;
    this.bodyTemplate = body instanceof BodySpec.Text t ? t.template() : null;
    this.fixedBody = body instanceof BodySpec.File f ? f.bytes() : NO_BODY;
    this.checks = checks;
    this.executor = executor;
    this.target = target;
    this.sequence = sequence;
    boolean headersConstant = headers.stream().allMatch(h -> h.getValue().isConstant());
    this.constantHeaders = headersConstant ? render(headers, null, sequence) : null;
    this.constant = url.isConstant() && headersConstant && (bodyTemplate == null || bodyTemplate.isConstant());
    this.rootRelative = target != null && url.source().startsWith("/");
  }

  @Override
  public CompletionStage<?> run(OperationContext context) {
    Consumer<ResponseView> check = r -> {
      reportTimes(r, context);
      checks.apply(r, context, sequence);
    };
    if (constant) {
      return sendPrepared(context, check);
    }
    // As text: the executor takes a plain URL apart for less than java.net.URI would, every call.
    String absolute = rootRelative ? url.render(target, context, sequence) : absolute(url.render(context, sequence));
    Map<String, String> rendered = constantHeaders != null ? constantHeaders : render(headers, context, sequence);
    try {
      return notNull(executor.execute(method, absolute, rendered, body(context), check));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw withUrlShown(e, absolute);
    }
  }

  /**
   * The failure to send a request to {@code rendered}, its message naming the URL as written
   * rather than as rendered when the URL holds a secret ({@link Template#hasSecrets()}): an
   * invalid URL's message quotes it whole, and would carry a token from the environment into
   * every report.
   */
  private RuntimeException withUrlShown(RuntimeException e, String rendered) {
    if (!url.hasSecrets()) {
      return e;
    }
    String shown = Redaction.url(rootRelative || !isAbsolute(url.source()) && target != null
        ? target + (url.source().startsWith("/") ? "" : "/") + url.source() : url.source());
    String message = String.valueOf(e.getMessage());
    if (!message.contains(rendered)) {
      return e; // not about the URL (a header's value, say): it does not quote it
    }
    message = message.replace(rendered, shown);
    return e instanceof IllegalStateException ? new IllegalStateException(message) : new IllegalArgumentException(message);
  }

  /**
   * Sends a constant request through the executor's prepared form, made on the first call that
   * gets that far. A failure to prepare (an invalid URL, say) fails this call, as a rendered
   * request would, and the next call tries again.
   */
  private CompletionStage<?> sendPrepared(OperationContext context, Consumer<ResponseView> check) {
    RequestExecutor.Prepared p = prepared;
    if (p == null) {
      RuntimeException failedAhead = preparedAheadFailure;
      if (failedAhead != null) {
        preparedAheadFailure = null;
        throw failedAhead; // this call reports it; the next tries again
      }
      p = prepare();
    }
    return notNull(p.send(check));
  }

  /** Has the executor prepare the constant request; its templates need no user to render. */
  private RequestExecutor.Prepared prepare() {
    String rendered = absolute(url.render(null, sequence));
    RequestExecutor.Prepared p;
    try {
      URI uri = RequestExecutor.uri(rendered);
      p = executor.prepare(method, uri, constantHeaders, body(null));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw withUrlShown(e, rendered);
    }
    if (p == null) {
      throw new IllegalStateException("the request executor prepared null instead of a request");
    }
    prepared = p;
    return p;
  }

  /**
   * Before the run: prepares a constant request now rather than on its first call, inside the
   * measured run. A failure (an invalid URL, say) is the first call's to report, as if it had
   * happened then.
   */
  void prepareAhead() {
    if (constant && prepared == null) {
      try {
        prepare();
      } catch (RuntimeException e) {
        preparedAheadFailure = e;
      }
    }
  }

  /**
   * This step sending every request to {@code server} (a base URL such as
   * {@code http://127.0.0.1:8080}) instead of the one its URL names, with a {@code ${seq}} of its
   * own: the same templates, headers, body and checks, for a rehearsal of the run's own path at a
   * server of the client's.
   */
  HttpRequestAction sendingTo(String server, LongSupplier ownSequence) {
    return new HttpRequestAction(method, url, headers, body, checks, new RedirectedExecutor(executor, server), target,
        ownSequence);
  }

  /** Tells the engine when the request was on the wire and the answer in, for the generator's health. */
  static void reportTimes(ResponseView response, OperationContext context) {
    long sent = response.sentAtNanos();
    if (sent != ResponseView.UNKNOWN) {
      context.requestSent(sent);
    }
    long received = response.receivedAtNanos();
    if (received != ResponseView.UNKNOWN) {
      context.responseReceived(received);
    }
  }

  private byte[] body(OperationContext context) {
    return bodyTemplate == null ? fixedBody : bodyTemplate.render(context, sequence).getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> render(List<Map.Entry<String, Template>> headers, OperationContext context,
      LongSupplier sequence) {
    if (headers.isEmpty()) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>(headers.size() * 2);
    for (Map.Entry<String, Template> h : headers) {
      values.put(h.getKey(), h.getValue().render(context, sequence));
    }
    return Collections.unmodifiableMap(values);
  }

  private static CompletionStage<?> notNull(CompletionStage<?> checked) {
    if (checked == null) {
      throw new IllegalStateException("the request executor returned null instead of a CompletionStage");
    }
    return checked;
  }

  private static boolean isAbsolute(String text) {
    return text.regionMatches(true, 0, "http://", 0, 7) || text.regionMatches(true, 0, "https://", 0, 8);
  }

  /** The URL with the scenario's target applied; the executor parses (and checks) it. */
  private String absolute(String text) {
    if (isAbsolute(text)) {
      return text;
    }
    if (target == null) {
      throw withUrlShown(new IllegalStateException("URL '" + text + "' is relative and the scenario has no target"), text);
    }
    return text.startsWith("/") ? target + text : target + "/" + text;
  }
}
