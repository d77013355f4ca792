package dev.plimsoll.junit;

import dev.plimsoll.core.units.Units;
import dev.plimsoll.report.html.HtmlReport;
import dev.plimsoll.results.GateLimitText;
import dev.plimsoll.results.RegressionGate;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Turns a {@link LoadTest} method into one invocation whose display name says the load and where
 * its reports go, and whose body {@link BodyUnderLoad} runs as the operation.
 */
final class LoadTestExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, LoadTest.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    LoadTest annotation = AnnotationSupport.findAnnotation(method, LoadTest.class).orElseThrow();
    Environment environment = environment(context);
    LoadPlan plan = plan(annotation, method).environment(environment);
    LoadSettings settings = plan.settings(environment);
    Path directory = ReportPlace.of(environment.reportsRoot(), context.getRequiredTestClass(), method.getName());
    String displayName = settings.describe() + " \u2192 " + directory.resolve(HtmlReport.FILE_NAME);
    return Stream.of(new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return displayName;
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new BodyUnderLoad(plan, environment, method.getName(), directory));
      }
    });
  }

  /** The process's environment, and JUnit's configuration parameters (system properties among them) as properties. */
  static Environment environment(ExtensionContext context) {
    return new Environment(System.getenv(), context::getConfigurationParameter);
  }

  /**
   * The annotation's settings as a plan, each checked.
   *
   * @throws IllegalArgumentException naming the method and the attribute whose value cannot be used
   */
  static LoadPlan plan(LoadTest a, Method method) {
    String where = "@LoadTest on " + method.getDeclaringClass().getSimpleName() + "." + method.getName();
    LoadPlan plan = Load.defaults();
    try {
      if (a.users() != 0) {
        plan = plan.users(a.users());
      }
      if (a.rate() != 0) {
        plan = plan.rate(a.rate());
      }
      if (!a.duration().isBlank()) {
        plan = plan.duration(Units.parseDuration(a.duration()));
      }
      if (!a.warmUp().isBlank()) {
        plan = plan.warmUp(Units.parseDuration(a.warmUp()));
      }
      plan = plan.criteria(a.criteria());
      if (!a.preset().isBlank()) {
        plan = plan.preset(a.preset());
      }
      if (!a.baseline().isBlank()) {
        plan = plan.baseline(Path.of(a.baseline()));
      }
      if (a.gateThroughput().length > 0 || a.gateLatency().length > 0) {
        RegressionGate.Builder gate = RegressionGate.builder();
        for (String text : a.gateThroughput()) {
          GateLimitText.parse(text).applyTo(gate, GateLimitText.Kind.THROUGHPUT);
        }
        for (String text : a.gateLatency()) {
          GateLimitText.parse(text).applyTo(gate, GateLimitText.Kind.LATENCY);
        }
        plan = plan.gate(gate.build());
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(where + ": " + Optional.ofNullable(e.getMessage()).orElse(e.toString()), e);
    }
    return plan;
  }
}
