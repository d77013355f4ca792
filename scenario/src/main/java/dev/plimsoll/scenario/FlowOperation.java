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
import java.util.function.LongSupplier;

/** One flow as an asynchronous operation: its steps chained one after another. */
final class FlowOperation implements AsyncOperation {

  private static final byte[] NO_BODY = new byte[0];

  sealed interface Step permits Send, Think {}

  record Send(String method, Template url, List<Map.Entry<String, Template>> headers, BodySpec body, ResponseChecks checks)
      implements Step {}

  record Think(ThinkTime think) implements Step {}

  private final Step[] steps;
  private final Feeder[] feeders;
  private final RequestExecutor executor;
  private final String target;
  private final LongSupplier sequence;
  private final Executor afterThink;

  FlowOperation(List<Step> steps, List<Feeder> feeders, RequestExecutor executor, String target,
      LongSupplier sequence, Executor afterThink) {
    this.steps = steps.toArray(Step[]::new);
    this.feeders = feeders.toArray(Feeder[]::new);
    this.executor = executor;
    this.target = target;
    this.sequence = sequence;
    this.afterThink = afterThink;
  }

  @Override
  public CompletionStage<?> call(OperationContext context) {
    for (Feeder f : feeders) {
      context.state().put(f.name(), f.next(context));
    }
    return run(0, context);
  }

  private CompletableFuture<Void> run(int index, OperationContext context) {
    if (index == steps.length) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> step;
    try {
      step = switch (steps[index]) {
        case Send s -> send(s, context);
        case Think t -> think(t, context);
      };
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return index + 1 == steps.length ? step : step.thenCompose(v -> run(index + 1, context));
  }

  private CompletableFuture<Void> send(Send s, OperationContext context) {
    URI uri = uri(s.url().render(context, sequence));
    Map<String, String> headers;
    if (s.headers().isEmpty()) {
      headers = Map.of();
    } else {
      Map<String, String> rendered = new LinkedHashMap<>(s.headers().size() * 2);
      for (Map.Entry<String, Template> h : s.headers()) {
        rendered.put(h.getKey(), h.getValue().render(context, sequence));
      }
      headers = Collections.unmodifiableMap(rendered);
    }
    byte[] body = switch (s.body()) {
      case BodySpec.Text t -> t.template().render(context, sequence).getBytes(StandardCharsets.UTF_8);
      case BodySpec.File f -> f.bytes();
      case BodySpec.None n -> NO_BODY;
    };
    CompletionStage<ResponseView> response = executor.execute(s.method(), uri, headers, body);
    if (response == null) {
      throw new IllegalStateException("the request executor returned null instead of a CompletionStage");
    }
    return response.toCompletableFuture().thenAccept(r -> s.checks().apply(r, context, sequence));
  }

  private CompletableFuture<Void> think(Think t, OperationContext context) {
    long nanos = t.think().nextNanos(context.random());
    if (nanos <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, afterThink));
  }

  private URI uri(String url) {
    String full;
    if (url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8)) {
      full = url;
    } else if (target == null) {
      throw new IllegalStateException("URL '" + url + "' is relative and the scenario has no target");
    } else {
      full = url.startsWith("/") ? target + url : target + "/" + url;
    }
    try {
      return URI.create(full);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid URL '" + full + "': " + e.getMessage());
    }
  }
}
