package dev.plimsoll.scenario;

import dev.plimsoll.core.AsyncOperation;
import dev.plimsoll.core.OperationContext;
import dev.plimsoll.core.ThinkTime;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** One flow as an asynchronous operation: its steps chained one after another. */
final class FlowOperation implements AsyncOperation {

  private static final byte[] NO_BODY = new byte[0];

  sealed interface Step permits Send, Think {}

  record Send(String method, Template url, List<Map.Entry<String, Template>> headers, BodySpec body, ResponseChecks checks)
      implements Step {

    /** Whether the request is the same on every call: no expression in its URL, headers or body. */
    boolean constant() {
      if (!url.isConstant()) {
        return false;
      }
      for (Map.Entry<String, Template> h : headers) {
        if (!h.getValue().isConstant()) {
          return false;
        }
      }
      return !(body instanceof BodySpec.Text t) || t.template().isConstant();
    }
  }

  record Think(ThinkTime think) implements Step {}

  private final Step[] steps;
  private final Feeder[] feeders;
  private final RequestExecutor executor;
  private final String target;
  private final LongSupplier sequence;
  private final Executor afterThink;
  /** Per step: whether its request is constant, and then the executor's prepared form once made. */
  private final boolean[] constant;
  /** Per step: its headers when none has an expression (the same map every call), else null. */
  private final Map<String, String>[] constantHeaders;
  private final AtomicReferenceArray<RequestExecutor.Prepared> prepared;

  FlowOperation(List<Step> steps, List<Feeder> feeders, RequestExecutor executor, String target,
      LongSupplier sequence, Executor afterThink) {
    this.steps = steps.toArray(Step[]::new);
    this.feeders = feeders.toArray(Feeder[]::new);
    this.executor = executor;
    this.target = target;
    this.sequence = sequence;
    this.afterThink = afterThink;
    this.constant = new boolean[this.steps.length];
    @SuppressWarnings("unchecked")
    Map<String, String>[] fixed = new Map[this.steps.length];
    for (int i = 0; i < this.steps.length; i++) {
      constant[i] = this.steps[i] instanceof Send s && s.constant();
      if (this.steps[i] instanceof Send s && s.headers().stream().allMatch(h -> h.getValue().isConstant())) {
        fixed[i] = headers(s, null);
      }
    }
    this.constantHeaders = fixed;
    this.prepared = new AtomicReferenceArray<>(this.steps.length);
  }

  @Override
  public CompletionStage<?> call(OperationContext context) {
    for (Feeder f : feeders) {
      context.state().put(f.name(), f.next(context));
    }
    return run(0, context);
  }

  private CompletableFuture<?> run(int index, OperationContext context) {
    if (index == steps.length) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<?> step;
    try {
      step = switch (steps[index]) {
        case Send s -> constant[index] ? sendPrepared(index, s, context) : send(index, s, context);
        case Think t -> think(t, context);
      };
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return index + 1 == steps.length ? step : step.thenCompose(v -> run(index + 1, context));
  }

  private CompletableFuture<?> send(int index, Send s, OperationContext context) {
    String url = absolute(s.url().render(context, sequence));
    Map<String, String> headers = constantHeaders[index] != null ? constantHeaders[index] : headers(s, context);
    return future(executor.execute(s.method(), url, headers, body(s, context), check(s, context)));
  }

  /**
   * Sends a constant request through the executor's prepared form, made on the first call that
   * gets that far: the URI is parsed, and the driver does its per-request work, once per run. A
   * failure to prepare (an invalid URL, say) fails this call, as {@link #send} would, and the next
   * call tries again.
   */
  private CompletableFuture<?> sendPrepared(int index, Send s, OperationContext context) {
    RequestExecutor.Prepared p = prepared.get(index);
    if (p == null) {
      URI uri = RequestExecutor.uri(absolute(s.url().render(context, sequence)));
      p = executor.prepare(s.method(), uri, constantHeaders[index], body(s, context));
      if (p == null) {
        throw new IllegalStateException("the request executor prepared null instead of a request");
      }
      prepared.set(index, p);
    }
    return future(p.send(check(s, context)));
  }

  /** The step's checks and extraction, run by the executor on each response before its stage completes. */
  private Consumer<ResponseView> check(Send s, OperationContext context) {
    return r -> s.checks().apply(r, context, sequence);
  }

  private static CompletableFuture<?> future(CompletionStage<?> checked) {
    if (checked == null) {
      throw new IllegalStateException("the request executor returned null instead of a CompletionStage");
    }
    return checked.toCompletableFuture();
  }

  private Map<String, String> headers(Send s, OperationContext context) {
    if (s.headers().isEmpty()) {
      return Map.of();
    }
    Map<String, String> rendered = new LinkedHashMap<>(s.headers().size() * 2);
    for (Map.Entry<String, Template> h : s.headers()) {
      rendered.put(h.getKey(), h.getValue().render(context, sequence));
    }
    return Collections.unmodifiableMap(rendered);
  }

  private byte[] body(Send s, OperationContext context) {
    return switch (s.body()) {
      case BodySpec.Text t -> t.template().render(context, sequence).getBytes(StandardCharsets.UTF_8);
      case BodySpec.File f -> f.bytes();
      case BodySpec.None n -> NO_BODY;
    };
  }

  private CompletableFuture<?> think(Think t, OperationContext context) {
    long nanos = t.think().nextNanos(context.random());
    if (nanos <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, afterThink));
  }

  /** The URL with the scenario's target applied; it is parsed (and checked) by the executor. */
  private String absolute(String url) {
    if (url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8)) {
      return url;
    }
    if (target == null) {
      throw new IllegalStateException("URL '" + url + "' is relative and the scenario has no target");
    }
    return url.startsWith("/") ? target + url : target + "/" + url;
  }
}
