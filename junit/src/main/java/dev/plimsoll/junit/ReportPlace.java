package dev.plimsoll.junit;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Where a load test's reports go: {@code <reports root>/<test class>/<test name>/}, the test class
 * by its simple name (a nested class as {@code Outer.Inner}).
 */
final class ReportPlace {
  private ReportPlace() {}

  static Path of(Path root, Class<?> testClass, String testName) {
    return testClass == null ? root.resolve(safe(testName)) : root.resolve(className(testClass)).resolve(safe(testName));
  }

  /** {@code AuthTest}, or {@code AuthTest.Login} for a nested class. */
  static String className(Class<?> testClass) {
    String name = testClass.getName();
    return safe(name.substring(name.lastIndexOf('.') + 1).replace('$', '.'));
  }

  /**
   * The test class whose test method called the fluent API, found on the calling thread's stack:
   * the nearest frame in a method JUnit runs as a test ({@code @Test}, {@code @ParameterizedTest},
   * {@code @RepeatedTest}, ...: those meta-annotated {@link Testable}); empty when called from
   * elsewhere (a {@code main}).
   */
  static Optional<Class<?>> callingTestClass() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(frames -> frames
            .filter(f -> isTest(f.getDeclaringClass(), f.getMethodName(), f.getMethodType().parameterArray()))
            .<Class<?>>map(StackWalker.StackFrame::getDeclaringClass)
            .findFirst());
  }

  private static boolean isTest(Class<?> type, String methodName, Class<?>[] parameters) {
    if (type.getName().startsWith("java.") || type.getName().startsWith("org.junit.")) {
      return false;
    }
    try {
      Method method = type.getDeclaredMethod(methodName, parameters);
      return AnnotationSupport.isAnnotated(method, Testable.class);
    } catch (NoSuchMethodException | SecurityException e) {
      return false;
    }
  }

  /** A name as one path element: no separators, nothing outside letters, digits, '.', '_' and '-'. */
  private static String safe(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9_.-]", "-");
    return cleaned.isEmpty() || Arrays.asList(".", "..").contains(cleaned) ? "-" + cleaned : cleaned;
  }
}
