package dev.plimsoll.junit;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test running on this thread, for the fluent {@link Load} API in a test marked {@link Quick}
 * or {@link Full}: through it a run reads JUnit's configuration parameters as {@link LoadTest}
 * does, and publishes where its reports are. Elsewhere the API reads system properties alone and
 * finds the test class on the stack.
 */
final class CurrentTest implements BeforeEachCallback, AfterEachCallback {
  private static final ThreadLocal<ExtensionContext> CURRENT = new ThreadLocal<>();

  @Override
  public void beforeEach(ExtensionContext context) {
    CURRENT.set(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    CURRENT.remove();
  }

  static Optional<ExtensionContext> get() {
    return Optional.ofNullable(CURRENT.get());
  }
}
