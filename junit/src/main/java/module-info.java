/**
 * Load tests inside a Java build, with JUnit 5: {@link dev.plimsoll.junit.LoadTest}, an annotation
 * whose method body is the operation, and {@link dev.plimsoll.junit.Load}, a fluent API for any test;
 * both run through the runner, judge criteria and a baseline, and write their reports under
 * {@code target/plimsoll}.
 */
module dev.plimsoll.junit {
  requires transitive dev.plimsoll.runner;
  requires transitive dev.plimsoll.results;
  requires transitive org.junit.jupiter.api;
  requires dev.plimsoll.report.html;

  exports dev.plimsoll.junit;
}
