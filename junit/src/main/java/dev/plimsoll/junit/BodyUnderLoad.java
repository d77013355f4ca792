package dev.plimsoll.junit;

import dev.plimsoll.core.Mix;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs a {@link LoadTest} method's body under load in place of JUnit's single call, then publishes
 * where the reports are.
 */
final class BodyUnderLoad implements InvocationInterceptor {
  private final LoadPlan plan;
  private final Environment environment;
  private final String name;
  private final Path directory;

  BodyUnderLoad(LoadPlan plan, Environment environment, String name, Path directory) {
    this.plan = plan;
    this.environment = environment;
    this.name = name;
    this.directory = directory;
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) {
    Task body = body(invocationContext.getExecutable(), invocationContext.getTarget().orElse(null), extensionContext);
    invocation.skip();
    try {
      new LoadRun(plan, environment).run(name, Mix.of(name, context -> body.run()), directory);
    } finally {
      ReportEntries.publish(extensionContext, directory);
    }
  }

  /**
   * The body as a call. A method without parameters that this module may open is called directly,
   * the cheapest way; any other (with parameters to resolve, or in a module that does not open its
   * package to {@code dev.plimsoll.junit}) is called through JUnit, which resolves its parameters
   * for each call and has the access the test itself has.
   */
  private static Task body(Method method, Object target, ExtensionContext context) {
    if (method.getParameterCount() == 0 && method.trySetAccessible()) {
      return () -> {
        try {
          method.invoke(target);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof Exception cause ? cause : new RuntimeException(e.getCause());
        }
      };
    }
    return () -> context.getExecutableInvoker().invoke(method, target);
  }
}
